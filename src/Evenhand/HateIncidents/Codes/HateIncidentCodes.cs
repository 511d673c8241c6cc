using Evenhand.HateIncidents.Rules;

namespace Evenhand.HateIncidents.Codes;

/// <summary>One national code for opening and finalising a hate-related incident: an outcome for one characteristic.</summary>
public sealed record HateIncidentCode(string Code, AssessmentOutcome Outcome, string Characteristic, string Description);

/// <summary>
/// A single code list for opening and finalising hate-related incidents, one code per outcome and characteristic, so that
/// hate crimes and NCHIs can be told apart and analysed (HMICFRS 2024 recommendation 17: there are no national opening
/// codes and forces could not tell NCHIs from hate crimes). Characteristics a force adds share the "other" codes.
/// </summary>
public static class HateIncidentCodes
{
    /// <summary>The characteristic of the codes for characteristics a force has added (e.g. "sex").</summary>
    public const string Other = "other";

    /// <summary>The Code's five characteristics, then <see cref="Other"/>.</summary>
    public static IReadOnlyList<string> Characteristics { get; } = [.. new Code2023RuleSet().ParticularCharacteristics, Other];

    /// <summary>Every code: for each outcome (hate crime, NCHI, NCHI with personal data, no record), one per characteristic.</summary>
    public static IReadOnlyList<HateIncidentCode> All { get; } = Build();

    private static readonly Dictionary<string, HateIncidentCode> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The code for an outcome and a characteristic; a characteristic outside the Code's five gets the "other" code.</summary>
    public static HateIncidentCode For(AssessmentOutcome outcome, string characteristic)
    {
        if (string.IsNullOrWhiteSpace(characteristic))
        {
            throw new ArgumentException("Name the characteristic, for example \"race\".", nameof(characteristic));
        }

        var key = characteristic.Trim().ToLowerInvariant();
        if (!Characteristics.Contains(key))
        {
            key = Other;
        }

        return ByCode[CodeFor(outcome, key)];
    }

    /// <summary>The code with this text (case is ignored), or null.</summary>
    public static HateIncidentCode? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var found) ? found : null;

    public static string Prefix(AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.HateCrime => "HC",
        AssessmentOutcome.Nchi => "NCHI",
        AssessmentOutcome.NchiWithPersonalData => "NCHI-PD",
        AssessmentOutcome.NoRecord => "NR",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private static string CodeFor(AssessmentOutcome outcome, string characteristic) =>
        $"{Prefix(outcome)}-{characteristic.ToUpperInvariant()}";

    private static List<HateIncidentCode> Build()
    {
        var codes = new List<HateIncidentCode>();
        foreach (var outcome in Enum.GetValues<AssessmentOutcome>())
        {
            foreach (var characteristic in Characteristics)
            {
                var words = characteristic == Other ? "another characteristic the force has added" : characteristic.Replace('-', ' ');
                var description = outcome switch
                {
                    AssessmentOutcome.HateCrime => $"Hate crime: {words}",
                    AssessmentOutcome.Nchi => $"Non-crime hate incident without the subject's personal data: {words}",
                    AssessmentOutcome.NchiWithPersonalData => $"Non-crime hate incident with the subject's personal data: {words}",
                    AssessmentOutcome.NoRecord => $"Hate-related report assessed as needing no record: {words}",
                    _ => throw new InvalidOperationException(),
                };
                codes.Add(new HateIncidentCode(CodeFor(outcome, characteristic), outcome, characteristic, description));
            }
        }

        return codes;
    }
}

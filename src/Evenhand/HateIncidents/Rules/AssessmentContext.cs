namespace Evenhand.HateIncidents.Rules;

/// <summary>
/// One assessment as it passes through a rule set's steps: the answers, the characteristics they name (checked and
/// normalised), and the reasons gathered so far.
/// </summary>
internal sealed class AssessmentContext
{
    private AssessmentContext(
        AssessmentAnswers answers, IReadOnlyList<string> characteristics, IReadOnlyList<string> forceAdded,
        IReadOnlyList<string> notAdopted, IReadOnlyList<string> adopted)
    {
        Answers = answers;
        Characteristics = characteristics;
        ForceAddedInUse = forceAdded;
        NotAdopted = notAdopted;
        Adopted = adopted;
    }

    public AssessmentAnswers Answers { get; }

    /// <summary>The characteristics named in the answers: lower case, known, each once, in the order given.</summary>
    public IReadOnlyList<string> Characteristics { get; }

    /// <summary>Those of <see cref="Characteristics"/> that count only because the force added them.</summary>
    public IReadOnlyList<string> ForceAddedInUse { get; }

    /// <summary>Characteristics named in the answers that neither the rule set nor the force has adopted (as the person wrote them,
    /// trimmed); always empty when the rule set refuses them instead.</summary>
    public IReadOnlyList<string> NotAdopted { get; }

    /// <summary>Every characteristic that counts: the rule set's and the force's additions.</summary>
    public IReadOnlyList<string> Adopted { get; }

    /// <summary>Hostility or prejudice is perceived, towards at least one characteristic the rules recognise.</summary>
    public bool HostilityTowardsACharacteristic => Answers.PerceivedHostility && Characteristics.Count > 0;

    public bool RealRisk => Answers.RealRiskOfSignificantHarm || Answers.RealRiskOfFutureOffence;

    public List<string> Reasons { get; } = [];

    /// <summary>"race", "race and religion", "race, religion and sexual orientation".</summary>
    public string CharacteristicWords => JoinWords(Characteristics.Select(Words).ToList());

    public static string Words(string characteristic) => characteristic.Replace('-', ' ');

    public static string JoinWords(IReadOnlyList<string> words) => words.Count switch
    {
        0 => "",
        1 => words[0],
        _ => string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1],
    };

    /// <summary>
    /// Checks the characteristics named in <paramref name="answers"/> against the rule set's and the force's. With
    /// <paramref name="refuseNotAdopted"/> one that is in neither list is an <see cref="ArgumentException"/> (code-2023);
    /// without it, it is kept in <see cref="NotAdopted"/> for the rules to decide on.
    /// </summary>
    public static AssessmentContext Create(
        AssessmentAnswers answers, IReadOnlyList<string> particular, IReadOnlyCollection<string>? forceAdditional, bool refuseNotAdopted = true)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var added = (forceAdditional ?? [])
            .Select(Normalise)
            .Where(c => c.Length > 0 && !particular.Contains(c))
            .Distinct()
            .ToList();

        var named = new List<string>();
        var notAdopted = new List<string>();
        foreach (var raw in answers.Characteristics ?? [])
        {
            var c = Normalise(raw);
            if (c.Length == 0)
            {
                throw new ArgumentException("A characteristic is blank. Name each one, for example \"race\".", nameof(answers));
            }

            if (!particular.Contains(c) && !added.Contains(c) && !refuseNotAdopted)
            {
                var written = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (!notAdopted.Contains(written, StringComparer.OrdinalIgnoreCase))
                {
                    notAdopted.Add(written);
                }

                continue;
            }

            if (!particular.Contains(c) && !added.Contains(c))
            {
                var known = string.Join(", ", particular.Concat(added));
                throw new ArgumentException(
                    $"'{raw}' is not a characteristic these rules recognise. Use one of: {known}" +
                    (added.Count == 0 ? " (a force may add others in its policy)." : "."),
                    nameof(answers));
            }

            if (!named.Contains(c))
            {
                named.Add(c);
            }
        }

        return new AssessmentContext(answers, named, named.Where(added.Contains).ToList(), notAdopted, [.. particular, .. added]);
    }

    /// <summary>
    /// A characteristic as a key: lower case, with the words joined by hyphens, so the Code's own words ("sexual orientation",
    /// "Transgender identity") and the keys ("sexual-orientation") are the same characteristic.
    /// </summary>
    public static string Normalise(string? characteristic) =>
        string.Join('-', (characteristic ?? "").ToLowerInvariant().Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>One step of a rule set: decides the outcome and stops, or adds what it found to the reasons and lets the next step go on.</summary>
internal interface IAssessmentStep
{
    AssessmentOutcome? Decide(AssessmentContext context);
}

namespace Evenhand.HateIncidents.Rules;

/// <summary>
/// Resolves rule set ids. A force adopts a successor rule set from a date (its policy stores the id); each assessment keeps
/// the id it was decided under, so it is always explained by the rules of its day. Persistence is elsewhere: this only maps
/// ids to rule sets. Add a successor by appending it to <see cref="All"/>; never change or remove a published one.
/// </summary>
public sealed class RuleSetRegistry
{
    private RuleSetRegistry()
    {
    }

    /// <summary>The rule set a force follows unless its policy names another.</summary>
    public const string DefaultId = Code2023Rev2RuleSet.RuleSetId;

    /// <summary>Every rule set, oldest first.</summary>
    public static IReadOnlyList<IAssessmentRuleSet> All { get; } = [new Code2023RuleSet(), new Code2023Rev2RuleSet()];

    public static IAssessmentRuleSet Default => Get(DefaultId);

    /// <summary>The rule set with this id; a <see cref="KeyNotFoundException"/> naming the known ids if there is none.</summary>
    public static IAssessmentRuleSet Get(string id) =>
        TryGet(id, out var ruleSet)
            ? ruleSet
            : throw new KeyNotFoundException(
                $"There is no assessment rule set '{id}'. Known rule sets: {string.Join(", ", All.Select(r => $"{r.Id} ({r.Name}, version {r.Version})"))}.");

    public static bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IAssessmentRuleSet? ruleSet)
    {
        ruleSet = All.FirstOrDefault(r => string.Equals(r.Id, id?.Trim(), StringComparison.Ordinal));
        return ruleSet is not null;
    }
}

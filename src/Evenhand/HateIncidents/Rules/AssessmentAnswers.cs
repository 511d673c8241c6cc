namespace Evenhand.HateIncidents.Rules;

/// <summary>
/// The answers to the structured assessment questions (see <see cref="IAssessmentRuleSet.Questions"/>), as a call taker or
/// specialist gives them. <see cref="Characteristics"/> are the keys of the characteristics towards which hostility or
/// prejudice is perceived (e.g. "race"); the other fields answer one question each.
/// </summary>
public sealed record AssessmentAnswers(
    IReadOnlyList<string> Characteristics,
    bool PerceivedHostility,
    bool IsCrime,
    bool TrivialIrrationalOrMalicious,
    bool SchoolChildrenOnSchoolPremises,
    bool LawfulFreedomOfExpression,
    bool RealRiskOfSignificantHarm,
    bool RealRiskOfFutureOffence,
    bool ImmediateRisk)
{
    /// <summary>
    /// Is there a basis to conclude that the incident was motivated by intentional hostility? Asked by the rule sets from
    /// code-2023-r2 on; null when it was not answered, which those rules treat as not established. The code-2023 rules never
    /// asked it and ignore it.
    /// </summary>
    public bool? BasisToConcludeIntentionalHostility { get; init; }
}

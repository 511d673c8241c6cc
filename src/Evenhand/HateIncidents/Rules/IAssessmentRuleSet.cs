namespace Evenhand.HateIncidents.Rules;

/// <summary>
/// A versioned set of assessment rules. A force adopts a rule set from a date; each assessment keeps the id of the rule set
/// it was decided under, so a successor (a revised Code or APP) never changes past decisions. Rule sets are plain code with no
/// database or web dependency; <see cref="RuleSetRegistry"/> resolves ids.
/// </summary>
public interface IAssessmentRuleSet
{
    /// <summary>Stable id stored with each assessment, e.g. "code-2023".</summary>
    string Id { get; }

    string Name { get; }

    string Version { get; }

    /// <summary>The characteristic keys the rule set itself recognises (a force may add more per assessment).</summary>
    IReadOnlyList<string> ParticularCharacteristics { get; }

    /// <summary>The structured questions, in the order they are asked.</summary>
    IReadOnlyList<AssessmentQuestion> Questions { get; }

    /// <summary>
    /// Decides the outcome. <paramref name="forceAdditionalCharacteristics"/> are characteristics the force has added to
    /// <see cref="ParticularCharacteristics"/>; they count like the others. An answer naming a characteristic that is in
    /// neither list is refused with an <see cref="ArgumentException"/>.
    /// </summary>
    AssessmentDecision Assess(AssessmentAnswers a, IReadOnlyCollection<string>? forceAdditionalCharacteristics = null);
}

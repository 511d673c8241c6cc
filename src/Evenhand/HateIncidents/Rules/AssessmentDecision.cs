namespace Evenhand.HateIncidents.Rules;

/// <summary>
/// The outcome of an assessment and why. <see cref="Reasons"/> are plain-English sentences for the person assessing, each
/// naming its source (the Code, the APP, the HMICFRS report). <see cref="RuleSetId"/> is kept with the record so it can be
/// explained later under the rules it was decided by. <see cref="RationaleRequired"/>: a written rationale must accompany
/// the record (the subject's personal data is included in an NCHI).
/// </summary>
public sealed record AssessmentDecision(
    AssessmentOutcome Outcome,
    bool SubjectPersonalDataAllowed,
    SpecialistReview SpecialistReview,
    IReadOnlyList<string> Reasons,
    string RuleSetId,
    bool RationaleRequired);

/// <summary>One structured question: <see cref="Key"/> is the answer's JSON key, <see cref="Help"/> guidance shown beside it.</summary>
public sealed record AssessmentQuestion(string Key, string Text, string Help);

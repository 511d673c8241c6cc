using Evenhand.Common;
using Evenhand.Forces;

namespace Evenhand.HateIncidents;

/// <summary>Who may carry out the initial assessment (recommendation 18: an effective and efficient process).</summary>
public enum AssessorPolicy
{
    CallTaker,
    SpecialistTriage,
}

/// <summary>
/// A force's hate-incident policy (recommendations 16 and 20): who assesses, the review target, added characteristics,
/// retention and notification rules, and the rule set it follows. Wherever it departs from the Code it carries a rationale.
/// </summary>
public sealed partial class ForceHatePolicy : VersionedEntity
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    public Force? Force { get; set; }

    public AssessorPolicy Assessors { get; set; } = AssessorPolicy.CallTaker;
    public string? AssessorsRationale { get; set; }

    /// <summary>Hours within which a specialist must review an NCHI (24 by default).</summary>
    public int ReviewTargetHours { get; set; } = RetentionDefaults.ReviewTargetHours;
    public string? ReviewTargetRationale { get; set; }

    /// <summary>Characteristics the force adds to the Code's five (e.g. "sex", "alternative-subculture").</summary>
    public List<string> AdditionalCharacteristics { get; set; } = [];
    public string? AdditionalCharacteristicsRationale { get; set; }

    /// <summary>Months after recording at which retained subject personal data must be reviewed.</summary>
    public int RetentionReviewMonths { get; set; } = RetentionDefaults.ReviewMonths;
    public string? RetentionRationale { get; set; }

    /// <summary>Whether subjects are told their personal data is recorded (the Code's default: yes, unless that creates a safeguarding risk).</summary>
    public bool TellSubject { get; set; } = true;
    public string? TellSubjectRationale { get; set; }

    /// <summary>Days after the specialist review (or after recording the subject's data, if later) within which the subject is told.</summary>
    public int TellSubjectWithinDays { get; set; } = RetentionDefaults.TellSubjectWithinDays;
    public string? TellSubjectWithinDaysRationale { get; set; }

    /// <summary>Days within which a subject's reply or request for deletion must be answered.</summary>
    public int SubjectReplyDays { get; set; } = RetentionDefaults.SubjectReplyDays;
    public string? SubjectReplyRationale { get; set; }

    /// <summary>Whether call takers may see subject personal data (default no: only specialists and the force crime registrar).</summary>
    public bool CallTakersMaySeePersonalData { get; set; }
    public string? PersonalDataVisibilityRationale { get; set; }

    /// <summary>The rule set the force follows for new assessments, and from when. Records keep the rule set they were decided under.</summary>
    public string RuleSetId { get; set; } = RetentionDefaults.RuleSetId;
    public DateOnly? RuleSetFrom { get; set; }

    /// <summary>The rule set followed before <see cref="RuleSetFrom"/> (assessments made before that date use it).</summary>
    public string? PreviousRuleSetId { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>The defaults a policy starts from, and what its rules are compared with on the policy page.</summary>
public static class RetentionDefaults
{
    public const string RuleSetId = Rules.Code2023Rev2RuleSet.RuleSetId;
    public const int ReviewMonths = 12;
    public const int SubjectReplyDays = 30;

    /// <summary>
    /// The Code says the subject is told, without saying how soon; "promptly" needs a clock to be checked. 14 days from the
    /// specialist review that confirms the record gives the reviewer time to weigh a safeguarding exception and arrange contact,
    /// and tells the subject while events are recent enough to ask for a review or deletion. A force may set fewer days, or more
    /// with a rationale.
    /// </summary>
    public const int TellSubjectWithinDays = 14;
    public const int ReviewTargetHours = 24;
}

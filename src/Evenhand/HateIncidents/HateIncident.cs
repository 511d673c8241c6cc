using System.ComponentModel.DataAnnotations;
using Evenhand.Common;
using Evenhand.Forces;

namespace Evenhand.HateIncidents;

public enum ReportChannel
{
    Phone,
    Online,
    InPerson,
    ThirdParty,
}

/// <summary>Who perceived the hostility or prejudice (the Code: the complainant, or any other person).</summary>
public enum PerceivedBy
{
    Complainant,
    Witness,
    Officer,
    ThirdParty,
    Other,
}

/// <summary>Where a report is in the process of the APP: recorded, assessed, waiting for specialist review, finalised, closed.</summary>
public enum IncidentStatus
{
    Recorded,
    Assessed,
    AwaitingReview,
    Finalised,
    Closed,
}

/// <summary>
/// A report of a hate-related incident (recommendations 16–18). The people are the complainant and the subject; their
/// personal data lives in <see cref="IncidentPerson"/> rows so that deleting it removes it from the record entirely.
/// </summary>
public sealed partial class HateIncident : VersionedEntity
{
    /// <summary>For EF Core; a new report is made by <see cref="Record"/>, and every change after that by a method that refuses an illegal move.</summary>
    private HateIncident()
    {
    }

    public int Id { get; private set; }
    public int ForceId { get; private set; }
    public Force? Force { get; private set; }

    /// <summary>The force's reference, unique within the force (e.g. "CH-2025-00042").</summary>
    [MaxLength(40)]
    public string Reference { get; private set; } = "";
    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>Who recorded the report (display name).</summary>
    public string? RecordedBy { get; private set; }
    public ReportChannel Channel { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Only the date it happened was given: <see cref="OccurredAt"/> is the start of that UK day, not a time to show.</summary>
    public bool OccurredTimeUnknown { get; private set; }

    /// <summary>Area or ward, the level at which incidents are analysed (never a street address).</summary>
    [MaxLength(120)]
    public string Area { get; private set; } = "";
    [MaxLength(500)]
    public string? LocationDescription { get; private set; }
    public string Circumstances { get; private set; } = "";
    public List<string> Characteristics { get; private set; } = [];
    public PerceivedBy PerceivedBy { get; private set; }
    public bool ImmediateRisk { get; private set; }
    public bool SafeguardingConcern { get; private set; }

    public IncidentStatus Status { get; private set; } = IncidentStatus.Recorded;

    // Assessment, under the rule set in force for the force when it was made.
    public string? RuleSetId { get; private set; }
    public IncidentAssessment? Assessment { get; private set; }

    /// <summary>
    /// The current classification (an outcome key): the assessment's outcome until a specialist review confirms or changes it.
    /// <see cref="IncidentAssessment.Outcome"/> keeps what the rules decided at assessment.
    /// </summary>
    public string? Classification { get; private set; }
    public string? AssessedBy { get; private set; }
    public DateTimeOffset? AssessedAt { get; private set; }

    /// <summary>Written rationale for recording the subject's personal data (required by the Code's risk threshold).</summary>
    public string? PersonalDataRationale { get; private set; }

    // Deployment decision, recorded against PLANE.
    public bool? Deployed { get; private set; }
    public PlaneDecision? Plane { get; private set; }
    public string? DeploymentDecidedBy { get; private set; }
    public DateTimeOffset? DeploymentDecidedAt { get; private set; }

    // Specialist review.
    public DateTimeOffset? ReviewDueAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewNote { get; private set; }

    /// <summary>National codes (see HateIncidentCodes) on opening and on finalising.</summary>
    public string? OpeningCode { get; private set; }
    public string? FinalisingCode { get; private set; }

    // Telling the subject (where their personal data is recorded).
    public DateTimeOffset? SubjectToldAt { get; private set; }
    public string? NotificationExceptionReason { get; private set; }
    public string? NotificationExceptionApprovedBy { get; private set; }

    /// <summary>The user who recorded the exception: another reviewer must approve it.</summary>
    public string? NotificationExceptionRecordedById { get; private set; }
    public string? SubjectReply { get; private set; }
    public bool SubjectRequestedDeletion { get; private set; }
    public DateOnly? SubjectReplyDueOn { get; private set; }

    /// <summary>The date by which the subject is to be told (the force's policy days from the review that confirmed the NCHI
    /// with their personal data, or from recording the data if later). Null where the subject is not to be told.</summary>
    public DateOnly? SubjectToBeToldBy { get; private set; }
    public DateTimeOffset? SubjectAnsweredAt { get; private set; }

    // Retention.
    public DateOnly? RetentionReviewDueOn { get; private set; }

    // Work that has fallen due, noted once each by HateIncidentDueWork (so the history says when it fell due).
    public DateTimeOffset? ReviewOverdueNotedAt { get; private set; }
    public DateOnly? RetentionReviewNotedFor { get; private set; }
    public DateOnly? ReplyOverdueNotedFor { get; private set; }
    public DateOnly? TellSubjectOverdueNotedFor { get; private set; }
    public DateTimeOffset? PersonalDataDeletedAt { get; private set; }
    public string? PersonalDataDeletedBy { get; private set; }

    // The rows hang off fields that only the entity's methods change; EF Core fills and tracks them through the fields.
    private readonly List<IncidentPerson> people = [];
    private readonly List<IncidentAttachment> attachments = [];
    private readonly List<IncidentHistoryEntry> history = [];

    public IReadOnlyList<IncidentPerson> People => people;
    public IReadOnlyList<IncidentAttachment> Attachments => attachments;
    public IReadOnlyList<IncidentHistoryEntry> History => history;
}

/// <summary>The answers to the structured assessment questions, and the outcome computed from them.</summary>
public sealed class IncidentAssessment
{
    public bool PerceivedHostility { get; init; }
    public bool IsCrime { get; init; }
    public bool TrivialIrrationalOrMalicious { get; init; }

    /// <summary>The Code's second recording test (asked from rule set code-2023-r2 on; null under code-2023, or when not answered).</summary>
    public bool? BasisToConcludeIntentionalHostility { get; init; }
    public bool SchoolChildrenOnSchoolPremises { get; init; }
    public bool LawfulFreedomOfExpression { get; init; }
    public bool RealRiskOfSignificantHarm { get; init; }
    public bool RealRiskOfFutureOffence { get; init; }

    /// <summary>What the rules decided at assessment: hate-crime, nchi, nchi-with-personal-data or no-record. A review may
    /// change the incident's <see cref="HateIncident.Classification"/>; this stays as assessed.</summary>
    public required string Outcome { get; init; }
    public required string SpecialistReview { get; init; }
    public bool SubjectPersonalDataAllowed { get; internal set; }
    public List<string> Reasons { get; init; } = [];
}

/// <summary>PLANE: proportionality, lawfulness, accountability, necessity, ethics. Each must be answered before a deployment is saved.</summary>
public sealed class PlaneDecision
{
    public required string Proportionality { get; set; }
    public required string Lawfulness { get; set; }
    public required string Accountability { get; set; }
    public required string Necessity { get; set; }
    public required string Ethics { get; set; }
}

public enum PersonRole
{
    Complainant,
    Subject,
}

/// <summary>Personal data of a complainant or subject. Deleting the subject's personal data deletes these rows.</summary>
public sealed class IncidentPerson
{
    private string name = "";

    public int Id { get; set; }
    public int HateIncidentId { get; set; }

    /// <summary>The incident's force and report time (neither changes), copied by EvenhandDbContext on save, so that repeat
    /// complainants and subjects are counted from one index without reading the incidents.</summary>
    public int ForceId { get; set; }
    public DateTimeOffset IncidentReportedAt { get; set; }

    public PersonRole Role { get; set; }

    [MaxLength(200)]
    public required string Name
    {
        get => name;
        set
        {
            name = value;
            NameKey = MatchKey(value);
        }
    }

    /// <summary>The name as it is matched for repeats: trimmed, inner spaces folded, lower case.</summary>
    public string NameKey { get; private set; } = "";

    public static string MatchKey(string name) =>
        string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public DateOnly? DateOfBirth { get; set; }
    [MaxLength(500)]
    public string? Address { get; set; }
    [MaxLength(200)]
    public string? Contact { get; set; }
    public string? Description { get; set; }
}

/// <summary>One step of the incident's history, including every reclassification (e.g. NCHI → crime → declassified).</summary>
public sealed class IncidentHistoryEntry
{
    public int Id { get; set; }
    public int HateIncidentId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public required string Event { get; set; }
    public string? FromOutcome { get; set; }
    public string? ToOutcome { get; set; }
    public string? Note { get; set; }

    /// <summary>
    /// For a note of work fallen due: what fell due and for which date (e.g. "retention-review:2026-03-01"). Unique per
    /// incident, so the database keeps such a note once even when two servers note it at the same moment.
    /// </summary>
    public string? DueKey { get; set; }
}

/// <summary>
/// A file attached to an incident (a screenshot, a letter, a statement). One that is about the subject is personal data of the
/// subject: seen only by the roles that may see it, and deleted with the rest of the subject's personal data.
/// </summary>
public sealed class IncidentAttachment
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public int Id { get; set; }
    public int HateIncidentId { get; set; }
    [MaxLength(200)]
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    [MaxLength(1000)]
    public string? Description { get; set; }
    public bool AboutSubject { get; set; }
    public required string AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>The content, in its own table so that loading an incident does not load its files.</summary>
    public IncidentAttachmentFile? File { get; set; }
}

public sealed class IncidentAttachmentFile
{
    public int Id { get; set; }
    public int IncidentAttachmentId { get; set; }
    public required byte[] Content { get; set; }
}

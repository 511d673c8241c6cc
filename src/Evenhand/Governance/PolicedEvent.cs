using System.ComponentModel.DataAnnotations;
using Evenhand.Common;

namespace Evenhand.Governance;

public enum EventCategory
{
    Protest,
    CulturalCelebration,
    Commemoration,
    Sport,
    Community,
    Other,
}

/// <summary>Why police are there (HMICFRS 2024 chapter 2): to keep people safe, to engage, or off duty by personal choice.</summary>
public enum AttendanceReason
{
    PublicSafetyDeployment,
    EngagementDeployment,
    VoluntaryPersonalAttendance,
    NotAttending,
}

public sealed record EventDetails(
    string? Name, EventCategory? Category, DateOnly? StartsOn, DateOnly? EndsOn, bool Contentious, AttendanceReason? Attendance, string? Reasons,
    string? CommunicatedToPublic, string? CommunicatedToWorkforce, string? DressCode, bool ConductBriefing, bool OnDuty);

public sealed record LearningReviewDetails(DateOnly? ReviewedOn, string? ReviewedBy, string? PolicingStyleEffectiveness, string? ImpartialityAllegations, string? Lessons);

/// <summary>
/// An event the force decided whether to attend (recommendations 4 and 5): the decision and its reasons, how they were told
/// to the public and the workforce, the dress code and briefing, and after the event a learning review.
/// </summary>
public sealed class PolicedEvent : VersionedEntity
{
    public const int ReviewWithinDays = 28;

    public int Id { get; set; }
    public int ForceId { get; set; }
    [MaxLength(200)]
    public string Name { get; private set; } = "";
    public EventCategory Category { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public bool Contentious { get; private set; }
    public AttendanceReason Attendance { get; private set; }
    [MaxLength(4000)]
    public string Reasons { get; private set; } = "";
    [MaxLength(4000)]
    public string? CommunicatedToPublic { get; private set; }
    [MaxLength(4000)]
    public string? CommunicatedToWorkforce { get; private set; }
    [MaxLength(4000)]
    public string? DressCode { get; private set; }
    public bool ConductBriefing { get; private set; }
    public bool OnDuty { get; private set; }

    public DateOnly? ReviewedOn { get; private set; }
    [MaxLength(200)]
    public string? ReviewedBy { get; private set; }
    [MaxLength(4000)]
    public string? PolicingStyleEffectiveness { get; private set; }
    [MaxLength(4000)]
    public string? ImpartialityAllegations { get; private set; }
    [MaxLength(4000)]
    public string? Lessons { get; private set; }

    public bool Attended => Attendance != AttendanceReason.NotAttending;

    /// <summary>The last day for the learning review: 28 days after the event's last day.</summary>
    public DateOnly LearningReviewDueOn => EndsOn.AddDays(ReviewWithinDays);

    /// <summary>Ended more than 28 days ago with no learning review.</summary>
    public bool IsReviewOverdue(DateOnly today) => ReviewedOn is null && LearningReviewDueOn < today;

    /// <summary>A contentious event attended without its reasons told to both the public and the workforce.</summary>
    public bool ReasonsNotCommunicated => Contentious && Attended && (CommunicatedToPublic is null || CommunicatedToWorkforce is null);

    public static PolicedEvent Create(int forceId, EventDetails d)
    {
        var e = new PolicedEvent { ForceId = forceId };
        e.Apply(d);
        return e;
    }

    public IReadOnlyList<string> Apply(EventDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        var name = Text.Clean(d.Name);
        var reasons = Text.Clean(d.Reasons);
        if (name is null) problems.Add("Name", "Name the event.");
        else problems.TooLong<PolicedEvent>("Name", name, "The event's name");
        if (d.Category is null) problems.Add("Category", "Choose the kind of event.");
        if (d.StartsOn is null || d.EndsOn is null) problems.Add("StartsOn", "Enter the first and last day of the event.");
        else if (d.EndsOn < d.StartsOn) problems.Add("EndsOn", "The last day must be on or after the first.");
        if (d.Attendance is null) problems.Add("Attendance", "Choose the attendance decision.");
        if (reasons is null) problems.Add("Reasons", "Give the reasons for the decision.");
        if (d.Attendance == AttendanceReason.VoluntaryPersonalAttendance && d.OnDuty) problems.Add("OnDuty", "Voluntary personal attendance is off duty.");
        problems.Lengths<PolicedEvent>(d);
        problems.ThrowIfAny();

        var changes = new Changes();
        changes.Set("Name", Name, name!, v => Name = v);
        changes.Set("Category", Category, d.Category!.Value, v => Category = v);
        changes.Set("First day", StartsOn, d.StartsOn!.Value, v => StartsOn = v);
        changes.Set("Last day", EndsOn, d.EndsOn!.Value, v => EndsOn = v);
        changes.Set("Contentious", Contentious, d.Contentious, v => Contentious = v);
        changes.Set("Attendance", Attendance, d.Attendance!.Value, v => Attendance = v);
        changes.Set("Reasons", Reasons, reasons!, v => Reasons = v);
        changes.Set("Told to the public", CommunicatedToPublic, Text.Clean(d.CommunicatedToPublic), v => CommunicatedToPublic = v);
        changes.Set("Told to the workforce", CommunicatedToWorkforce, Text.Clean(d.CommunicatedToWorkforce), v => CommunicatedToWorkforce = v);
        changes.Set("Dress code", DressCode, Text.Clean(d.DressCode), v => DressCode = v);
        changes.Set("Conduct briefing", ConductBriefing, d.ConductBriefing, v => ConductBriefing = v);
        changes.Set("On duty", OnDuty, d.OnDuty, v => OnDuty = v);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }

    /// <summary>The learning review after the event: whether the policing style worked, and any allegations of partiality.</summary>
    public IReadOnlyList<string> RecordReview(LearningReviewDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        var by = Text.Clean(d.ReviewedBy);
        var effectiveness = Text.Clean(d.PolicingStyleEffectiveness);
        if (d.ReviewedOn is null) problems.Add("ReviewedOn", "Enter the date of the review.");
        else if (d.ReviewedOn > today) problems.Add("ReviewedOn", "The date of the review cannot be in the future.");
        else if (d.ReviewedOn < EndsOn) problems.Add("ReviewedOn", "A learning review is held after the event: the date must be on or after its last day.");
        if (by is null) problems.Add("ReviewedBy", "Enter who carried out the review.");
        else problems.TooLong<PolicedEvent>("ReviewedBy", by, "Who carried out the review");
        if (effectiveness is null) problems.Add("PolicingStyleEffectiveness", "Say how effective the policing style was.");
        problems.Lengths<PolicedEvent>(d);
        problems.ThrowIfAny();

        var changes = new Changes();
        changes.Set("Reviewed on", ReviewedOn, d.ReviewedOn, v => ReviewedOn = v);
        changes.Set("Reviewed by", ReviewedBy, by, v => ReviewedBy = v);
        changes.Set("Effectiveness of the policing style", PolicingStyleEffectiveness, effectiveness, v => PolicingStyleEffectiveness = v);
        changes.Set("Impartiality allegations", ImpartialityAllegations, Text.Clean(d.ImpartialityAllegations), v => ImpartialityAllegations = v);
        changes.Set("Lessons", Lessons, Text.Clean(d.Lessons), v => Lessons = v);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }

    public static string Describe(EventCategory c) => c == EventCategory.CulturalCelebration ? "Cultural celebration" : c.ToString();

    public static string Describe(AttendanceReason a) => a switch
    {
        AttendanceReason.PublicSafetyDeployment => "Public safety deployment",
        AttendanceReason.EngagementDeployment => "Engagement deployment",
        AttendanceReason.VoluntaryPersonalAttendance => "Voluntary personal attendance (off duty)",
        _ => "Not attending",
    };
}

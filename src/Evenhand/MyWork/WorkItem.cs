using Evenhand.Forces;

namespace Evenhand.MyWork;

/// <summary>
/// One piece of work with a deadline, from any module: what it is (<see cref="Kind"/>, a stable key such as "section55-publish"),
/// a title without personal data (hate incidents by reference only), the date it is due (null for work that was never done
/// and has no date, such as a policy never reviewed), whether that has passed, the page where it is done, and who does it:
/// one person (<see cref="AssignedUserId"/>) or, when nobody is named, the roles in <see cref="Team"/> within the force.
/// </summary>
/// <param name="Key">Identifies the item across runs ("action:12", "review:345"): the calendar event's UID and the reminder's key.</param>
public sealed record WorkItem(
    string Kind,
    string Key,
    string Title,
    DateOnly? DueOn,
    bool Overdue,
    string Url,
    Force Force,
    IReadOnlyList<string> Team,
    string? AssignedUserId = null)
{
    /// <summary>Whether the user (of <paramref name="forceId"/>, holding <paramref name="roles"/>) does this work.</summary>
    public bool IsFor(string userId, int? forceId, IReadOnlyCollection<string> roles) =>
        forceId == Force.Id && (AssignedUserId is not null ? AssignedUserId == userId : Team.Any(roles.Contains));
}

/// <summary>
/// A module's work falling due in one force, read from the records it already keeps and dated by its own rules (no second
/// copy of a deadline rule here). Each module has one; <see cref="MyWorkService"/> asks them all.
/// </summary>
public interface IDueWorkSource
{
    /// <summary>The roles whose members do this source's work when nobody is named (so a source no role of the user's concerns is not asked).</summary>
    IReadOnlyCollection<string> Teams { get; }

    /// <summary>Whether the source names people (so anyone may have work from it, whatever their role).</summary>
    bool AssignsPeople => false;

    Task<IReadOnlyList<WorkItem>> ItemsAsync(Force force, DateOnly today, DateTimeOffset now, CancellationToken ct = default);
}

/// <summary>The kinds of work, with the words the home page and the emails use for each.</summary>
public static class WorkKinds
{
    public const string Section55Publish = "section55-publish";
    public const string Section55ChiefOfficerComments = "section55-chief-officer-comments";
    public const string Section55Copies = "section55-copies";
    public const string Recommendation = "recommendation";
    public const string Action = "action";
    public const string Review = "review";
    public const string TellSubject = "tell-subject";
    public const string ReplyToSubject = "reply-to-subject";
    public const string RetentionReview = "retention-review";
    public const string Purge = "purge";
    public const string PolicyReview = "policy-review";
    public const string EventLearningReview = "event-learning-review";
    public const string TermsOfReference = "advisory-group-terms-of-reference";
    public const string MemberTenure = "advisory-group-tenure";
    public const string RepresentationReview = "representation-review";

    /// <summary>Every kind, in the order the home page lists their counts.</summary>
    public static IReadOnlyList<(string Kind, string Plural)> All { get; } =
    [
        (Section55Publish, "Section 55 comments to publish"),
        (Section55ChiefOfficerComments, "Chief officer's comments awaited"),
        (Section55Copies, "Section 55 copies to send"),
        (Recommendation, "Recommendations due"),
        (Action, "Actions due"),
        (Review, "Specialist reviews"),
        (TellSubject, "Subjects to tell"),
        (ReplyToSubject, "Subjects' replies to answer"),
        (RetentionReview, "Retention reviews"),
        (Purge, "Systems to purge"),
        (PolicyReview, "Policy reviews"),
        (EventLearningReview, "Post-event learning reviews"),
        (TermsOfReference, "Advisory group terms of reference to review"),
        (MemberTenure, "Advisory group members reaching the tenure limit"),
        (RepresentationReview, "Visible representation decisions to review"),
    ];

    public static string Plural(string kind) => All.FirstOrDefault(k => k.Kind == kind).Plural ?? kind;
}

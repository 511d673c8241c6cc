using System.ComponentModel.DataAnnotations;
using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.SubjectNotification;

/// <summary>
/// Telling the subject that their personal data is recorded: promptly, unless a safeguarding exception is recorded with its
/// reason and approved by a reviewer; then the subject's reply or request for deletion, answered within the policy's days.
/// </summary>
[Authorize(Policy = Policies.ReviewHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, IAuthorizationService authz, TimeProvider time)
    : IncidentPageModel(incidents, policies, authz, time)
{
    [BindProperty, DateInput, Display(Name = "Date told")] public DateOnly? ToldOn { get; set; }
    [BindProperty] public string? ExceptionReason { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public bool RequestsDeletion { get; set; }
    [BindProperty, DateInput, Display(Name = "Date received")] public DateOnly? ReceivedOn { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => PageOrNotFoundAsync(ct, () => ExceptionReason = Incident.NotificationExceptionReason);

    public Task<IActionResult> OnPostToldAsync(CancellationToken ct) => ChangeAsync(Policies.ReviewHateIncidents, nameof(ToldOn), () =>
    {
        // A date only: midday UK time, or now when today's midday is still to come. A later day stays as it is, for the
        // entity to refuse.
        var today = Today();
        var day = ToldOn ?? today;
        var now = Time.GetUtcNow();
        var at = LondonTime.ToInstant(day, new TimeOnly(12, 0));
        return Incidents.RecordSubjectToldAsync(Force.Id, Id, Version, day == today && at > now ? now : at, Actor(), ct);
    }, "Recorded that the subject was told", IncidentUrl("subject-notification"), ct);

    public Task<IActionResult> OnPostExceptionAsync(CancellationToken ct) => ChangeAsync(Policies.ReviewHateIncidents, nameof(ExceptionReason), () =>
        Incidents.RecordNotificationExceptionAsync(Force.Id, Id, Version, ExceptionReason, Actor(), ct),
        "Safeguarding exception recorded: a reviewer must approve it", IncidentUrl("subject-notification"), ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ChangeAsync(Policies.ReviewHateIncidents, "", () =>
        Incidents.ApproveNotificationExceptionAsync(Force.Id, Id, Version, Role ?? IncidentStaffRole.CallTaker, Actor(), ct),
        "Exception approved", IncidentUrl("subject-notification"), ct);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) => ChangeAsync(Policies.ReviewHateIncidents, nameof(Reply), () =>
        Incidents.RecordSubjectReplyAsync(Force.Id, Id, new SubjectReplyOptions(Version, Reply, RequestsDeletion, ReceivedOn ?? Today()), Actor(), ct),
        "The subject's reply was recorded", IncidentUrl("subject-notification"), ct);

    public Task<IActionResult> OnPostAnsweredAsync(CancellationToken ct) => ChangeAsync(Policies.ReviewHateIncidents, "", () =>
        Incidents.RecordSubjectAnsweredAsync(Force.Id, Id, Version, Actor(), ct),
        "Recorded that the subject was answered", IncidentUrl("subject-notification"), ct);

    public DateOnly Today() => Time.Today();

    protected override Task OnLoadedAsync(CancellationToken ct) =>
        Incidents.RecordSubjectDataShownAsync(Incident, "subject-notification", new SubjectDataShown(
            Reply: Incident.SubjectReply is not null, NotificationExceptionReason: Incident.NotificationExceptionReason is not null), Actor(), ct);
}

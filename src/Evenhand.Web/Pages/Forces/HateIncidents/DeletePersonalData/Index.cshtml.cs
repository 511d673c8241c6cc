using Evenhand.HateIncidents;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.DeletePersonalData;

/// <summary>
/// Deleting the subject's personal data (Code of Practice; recommendation 20), the retention review that may lead to it, and
/// the checklist of other systems to purge, each confirmed separately.
/// </summary>
[Authorize(Policy = Policies.ReviewHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, IAuthorizationService authz, TimeProvider time)
    : IncidentPageModel(incidents, policies, authz, time)
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? KeepRationale { get; set; }
    [BindProperty] public int PurgeId { get; set; }
    [BindProperty] public string? PurgeNote { get; set; }

    public IReadOnlyList<PurgeConfirmation> Purges { get; private set; } = [];

    public int SubjectRecords => Incident.People.Count(p => p.Role == PersonRole.Subject);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => PageOrNotFoundAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ChangeAsync(Policies.ReviewHateIncidents, nameof(Reason), () =>
        Incidents.DeleteSubjectPersonalDataAsync(Force.Id, Id, new DeletePersonalDataOptions(Version, Reason), Role ?? IncidentStaffRole.CallTaker, Actor(), ct),
        "The subject's personal data was deleted. Now purge it from the other systems below.", IncidentUrl("delete-personal-data"), ct);

    public Task<IActionResult> OnPostKeepAsync(CancellationToken ct) => ChangeAsync(Policies.ReviewHateIncidents, nameof(KeepRationale), () =>
        Incidents.KeepAfterRetentionReviewAsync(Force.Id, Id, Version, KeepRationale, Role ?? IncidentStaffRole.CallTaker, Actor(), ct),
        "Retention review recorded", IncidentUrl("delete-personal-data"), ct);

    public Task<IActionResult> OnPostPurgeAsync(CancellationToken ct) => ChangeAsync(Policies.ReviewHateIncidents, "", () =>
        Incidents.ConfirmPurgeAsync(Force.Id, Id, PurgeId, PurgeNote, Role ?? IncidentStaffRole.CallTaker, Actor(), ct),
        "Purge confirmed", IncidentUrl("delete-personal-data"), ct);

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Purges = await Incidents.PurgesAsync(Force.Id, Id, ct);
        if (!Incident.IsHateCrime)
        {
            await Incidents.RecordSubjectDataShownAsync(Incident, "delete-personal-data", new SubjectDataShown(Rationale: Incident.PersonalDataRationale is not null), Actor(), ct);
        }
    }
}

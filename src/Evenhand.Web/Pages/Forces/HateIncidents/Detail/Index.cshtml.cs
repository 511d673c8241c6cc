using Evenhand.HateIncidents;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.Detail;

/// <summary>One incident: what was reported, the assessment and why, supporting information, the decisions taken and its history. No personal data.</summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, IAuthorizationService authz, TimeProvider time)
    : IncidentPageModel(incidents, policies, authz, time)
{
    public SupportingInformation Supporting { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => PageOrNotFoundAsync(ct);

    protected override async Task OnLoadedAsync(CancellationToken ct) =>
        Supporting = await Incidents.SupportingInformationAsync(Incident, CanSeeSubject, ct);
}

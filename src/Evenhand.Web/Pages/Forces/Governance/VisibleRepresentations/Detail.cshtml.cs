using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Forces.Governance.VisibleRepresentations;

[Authorize(Policy = Infrastructure.Policies.SeeRepresentations)]
public sealed class DetailModel(VisibleRepresentationService register, IAuthorizationService authz, TimeProvider time)
    : RegisterDetailModel<VisibleRepresentation>(authz, Infrastructure.Policies.EditRepresentations, time)
{
    public VisibleRepresentation Decision => Record;

    protected override Task<VisibleRepresentation> GetAsync(CancellationToken ct) => register.GetAsync(Force.Id, Id, ct);

    protected override Task<IReadOnlyList<GovernanceHistoryEntry>> HistoryAsync(CancellationToken ct) => register.HistoryAsync(Force.Id, Id, ct);
}

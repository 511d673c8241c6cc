using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class DetailModel(StaffNetworkService register, IAuthorizationService authz, TimeProvider time)
    : RegisterDetailModel<StaffNetwork>(authz, Infrastructure.Policies.EditRegisters, time)
{
    public StaffNetwork Network => Record;

    protected override Task<StaffNetwork> GetAsync(CancellationToken ct) => register.GetAsync(Force.Id, Id, ct);

    protected override Task<IReadOnlyList<GovernanceHistoryEntry>> HistoryAsync(CancellationToken ct) => register.HistoryAsync(Force.Id, Id, ct);
}

using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Forces.Governance.HorizonScan;

[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class DetailModel(ContentiousIssueService register, IAuthorizationService authz, TimeProvider time)
    : RegisterDetailModel<ContentiousIssue>(authz, Infrastructure.Policies.EditRegisters, time)
{
    public ContentiousIssue Issue => Record;

    protected override Task<ContentiousIssue> GetAsync(CancellationToken ct) => register.GetAsync(Force.Id, Id, ct);

    protected override Task<IReadOnlyList<GovernanceHistoryEntry>> HistoryAsync(CancellationToken ct) => register.HistoryAsync(Force.Id, Id, ct);
}

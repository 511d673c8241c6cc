using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Forces.Governance.Policies;

/// <summary>One policy: its review dates, flags, equality impact assessments and history.</summary>
[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class DetailModel(PolicyRegisterService register, IAuthorizationService authz, TimeProvider time)
    : RegisterDetailModel<PolicyDocument>(authz, Infrastructure.Policies.EditRegisters, time)
{
    public PolicyDocument Policy => Record;

    public IReadOnlyList<string> Flags => PolicyRegisterService.Flags(Record, Today);

    protected override Task<PolicyDocument> GetAsync(CancellationToken ct) => register.GetAsync(Force.Id, Id, ct);

    protected override Task<IReadOnlyList<GovernanceHistoryEntry>> HistoryAsync(CancellationToken ct) => register.HistoryAsync(Force.Id, Id, ct);
}

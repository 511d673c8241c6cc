using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Forces.Governance.PoliticalContacts;

[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class DetailModel(PoliticalContactService register, IAuthorizationService authz, TimeProvider time)
    : RegisterDetailModel<PoliticalContact>(authz, Infrastructure.Policies.EditRegisters, time)
{
    public PoliticalContact Contact => Record;

    protected override Task<PoliticalContact> GetAsync(CancellationToken ct) => register.GetAsync(Force.Id, Id, ct);

    protected override Task<IReadOnlyList<GovernanceHistoryEntry>> HistoryAsync(CancellationToken ct) => register.HistoryAsync(Force.Id, Id, ct);
}

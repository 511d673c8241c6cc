using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Forces.Governance.Events;

[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class DetailModel(PolicedEventService register, IAuthorizationService authz, TimeProvider time)
    : RegisterDetailModel<PolicedEvent>(authz, Infrastructure.Policies.EditRegisters, time)
{
    public PolicedEvent Event => Record;

    protected override Task<PolicedEvent> GetAsync(CancellationToken ct) => register.GetAsync(Force.Id, Id, ct);

    protected override Task<IReadOnlyList<GovernanceHistoryEntry>> HistoryAsync(CancellationToken ct) => register.HistoryAsync(Force.Id, Id, ct);
}

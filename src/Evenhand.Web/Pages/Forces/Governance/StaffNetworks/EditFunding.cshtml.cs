using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

/// <summary>Changes a funding request: a pending request decided once need is assessed, or a figure corrected. Each change goes into the network's history.</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class EditFundingModel(StaffNetworkService register, TimeProvider time) : FundingFormModel
{
    [FromRoute] public int RequestId { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => RequestAsync(ct), x =>
    {
        Version = x.Network.Version;
        NetworkName = x.Network.Name;
        Fill(x.Request);
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => RequestAsync(ct),
            async d => { await register.ChangeFundingRequestAsync(Force.Id, Id, Version, RequestId, d, Actor(time), ct); return Id; },
            "Funding request changed", id => GovernancePages.Network(Force.Slug, id),
            x => NetworkName = x.Network.Name);

    private async Task<(StaffNetwork Network, FundingRequest Request)> RequestAsync(CancellationToken ct)
    {
        var network = await register.GetAsync(Force.Id, Id, ct);
        return (network, network.FundingRequests.FirstOrDefault(r => r.Id == RequestId) ?? throw new Common.NotFoundException("There is no such funding request for this network."));
    }
}

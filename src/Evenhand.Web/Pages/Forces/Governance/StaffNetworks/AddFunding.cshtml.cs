using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

/// <summary>A funding request with its assessment of local need and the decision (recommendation 22).</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class AddFundingModel(StaffNetworkService register, TimeProvider time) : FundingFormModel
{
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => register.GetAsync(Force.Id, Id, ct), n =>
    {
        Version = n.Version;
        NetworkName = n.Name;
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => register.GetAsync(Force.Id, Id, ct), async d => { await register.AddFundingRequestAsync(Force.Id, Id, Version, d, Actor(time), ct); return Id; }, "Funding request recorded", id => GovernancePages.Network(Force.Slug, id), n => NetworkName = n.Name);
}

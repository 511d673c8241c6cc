using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class NewModel(StaffNetworkService register, TimeProvider time) : NetworkFormModel
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(async d => (await register.CreateAsync(Force.Id, d, Actor(time), ct)).Id, "Staff network added", id => GovernancePages.Network(Force.Slug, id));
}

using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class EditModel(StaffNetworkService register, TimeProvider time) : NetworkFormModel
{
    [FromRoute] public int Id { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => register.GetAsync(Force.Id, Id, ct), Fill);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => register.GetAsync(Force.Id, Id, ct), async d => (await register.UpdateAsync(Force.Id, Id, Version, d, Actor(time), ct)).Id, "Staff network updated", id => GovernancePages.Network(Force.Slug, id));
}

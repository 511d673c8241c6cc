using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class NewModel(AdvisoryGroupService register, TimeProvider time) : GroupFormModel
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(async d => (await register.CreateAsync(Force.Id, d, Actor(time), ct)).Id, "Advisory group added", id => GovernancePages.Group(Force.Slug, id));
}

using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Policies;

[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class NewModel(PolicyRegisterService register, TimeProvider time) : PolicyFormModel
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(async d => (await register.CreateAsync(Force.Id, d, Actor(time), ct)).Id, "Policy added to the register", id => GovernancePages.Policy(Force.Slug, id));
}

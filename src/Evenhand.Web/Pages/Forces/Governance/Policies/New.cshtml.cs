using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Policies;

[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class NewModel(PolicyRegisterService register, TimeProvider time) : PolicyFormModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ReadDetails() is not { } details)
        {
            return Page();
        }

        PolicyDocument? created = null;
        return await TryAsync(async () => created = await register.CreateAsync(Force.Id, details, Actor(time), ct))
            ? RedirectWithNotice($"{created!.Title} added to the register", GovernancePages.Policy(Force.Slug, created.Id))
            : Page();
    }
}

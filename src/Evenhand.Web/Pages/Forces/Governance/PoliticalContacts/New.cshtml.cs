using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.PoliticalContacts;

[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class NewModel(PoliticalContactService register, TimeProvider time) : ContactFormModel
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

        PoliticalContact? created = null;
        return await TryAsync(async () => created = await register.CreateAsync(Force.Id, details, Actor(time), ct))
            ? RedirectWithNotice("Contact logged", GovernancePages.Contact(Force.Slug, created!.Id))
            : Page();
    }
}

using Evenhand.Common;
using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.PoliticalContacts;

[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class EditModel(PoliticalContactService register, TimeProvider time) : ContactFormModel
{
    [FromRoute] public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Fill(await register.GetAsync(Force.Id, Id, ct));
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ReadDetails() is not { } details)
        {
            return Page();
        }

        try
        {
            return await TryAsync(() => register.UpdateAsync(Force.Id, Id, Version, details, Actor(time), ct))
                ? RedirectWithNotice("Contact updated", GovernancePages.Contact(Force.Slug, Id))
                : Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}

using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.VisibleRepresentations;

[Authorize(Policy = Infrastructure.Policies.EditRepresentations)]
public sealed class NewModel(VisibleRepresentationService register, TimeProvider time) : RepresentationFormModel
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

        VisibleRepresentation? created = null;
        return await TryAsync(async () => created = await register.CreateAsync(Force.Id, details, Actor(time), ct))
            ? RedirectWithNotice("Decision recorded", GovernancePages.Representation(Force.Slug, created!.Id))
            : Page();
    }
}

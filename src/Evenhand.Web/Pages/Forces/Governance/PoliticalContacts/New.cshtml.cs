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

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(async d => (await register.CreateAsync(Force.Id, d, Actor(time), ct)).Id, "Contact logged", id => GovernancePages.Contact(Force.Slug, id));
}

using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Events;

[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class NewModel(PolicedEventService register, TimeProvider time) : EventFormModel
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(async d => (await register.CreateAsync(Force.Id, d, Actor(time), ct)).Id, "Event recorded", id => GovernancePages.Event(Force.Slug, id));
}

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

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(async d => (await register.CreateAsync(Force.Id, d, Actor(time), ct)).Id, "Decision recorded", id => GovernancePages.Representation(Force.Slug, id));
}

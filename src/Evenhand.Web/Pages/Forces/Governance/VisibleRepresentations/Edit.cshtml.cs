using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.VisibleRepresentations;

[Authorize(Policy = Infrastructure.Policies.EditRepresentations)]
public sealed class EditModel(VisibleRepresentationService register, TimeProvider time) : RepresentationFormModel
{
    [FromRoute] public int Id { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => register.GetAsync(Force.Id, Id, ct), Fill);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => register.GetAsync(Force.Id, Id, ct), async d => (await register.UpdateAsync(Force.Id, Id, Version, d, Actor(time), ct)).Id, "Decision updated", id => GovernancePages.Representation(Force.Slug, id));
}

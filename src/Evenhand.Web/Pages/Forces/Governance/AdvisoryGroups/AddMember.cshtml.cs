using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

/// <summary>Adds a member with the vetting decision: vetted, or not vetted with the mitigations and the rationale.</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class AddMemberModel(AdvisoryGroupService register, TimeProvider time) : MemberFormModel
{
    public override bool AsksLeftOn => false;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => register.GetAsync(Force.Id, Id, ct), g =>
    {
        Version = g.Version;
        GroupName = g.Name;
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => register.GetAsync(Force.Id, Id, ct), async d => { await register.AddMemberAsync(Force.Id, Id, Version, d, Actor(time), ct); return Id; }, "Member added", id => GovernancePages.Group(Force.Slug, id), g => GroupName = g.Name);
}

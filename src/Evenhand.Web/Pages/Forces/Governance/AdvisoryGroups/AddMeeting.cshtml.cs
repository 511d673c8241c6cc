using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

/// <summary>Records a meeting of an advisory group: minutes, what the group raised, and what the force did if already known.</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class AddMeetingModel(AdvisoryGroupService register, TimeProvider time) : MeetingFormModel
{
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => register.GetAsync(Force.Id, Id, ct), g =>
    {
        Version = g.Version;
        GroupName = g.Name;
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => register.GetAsync(Force.Id, Id, ct), async m => { await register.AddMeetingAsync(Force.Id, Id, Version, m.HeldOn, m.Minutes, m.YouSaid, m.WeDid, Actor(time), ct); return Id; },
            "Meeting recorded", id => GovernancePages.Group(Force.Slug, id), g => GroupName = g.Name);
}

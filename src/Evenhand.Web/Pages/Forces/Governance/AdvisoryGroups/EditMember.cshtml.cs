using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

/// <summary>
/// Changes a member's details, or records the day they left (so a member past the tenure limit can leave, and the
/// recommendation 15 flag clears). Each change goes into the group's history.
/// </summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class EditMemberModel(AdvisoryGroupService register, TimeProvider time) : MemberFormModel
{
    [FromRoute] public int MemberId { get; set; }

    public override bool AsksLeftOn => true;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => MemberAsync(ct), x =>
    {
        Version = x.Group.Version;
        GroupName = x.Group.Name;
        Fill(x.Member);
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => MemberAsync(ct),
            async d => { await register.ChangeMemberAsync(Force.Id, Id, Version, MemberId, d, LeftOn, Actor(time), ct); return Id; },
            "Member changed", id => GovernancePages.Group(Force.Slug, id),
            x => GroupName = x.Group.Name);

    private async Task<(AdvisoryGroup Group, AdvisoryGroupMember Member)> MemberAsync(CancellationToken ct)
    {
        var group = await register.GetAsync(Force.Id, Id, ct);
        return (group, group.Members.FirstOrDefault(m => m.Id == MemberId) ?? throw new Common.NotFoundException("There is no such member of this group."));
    }
}

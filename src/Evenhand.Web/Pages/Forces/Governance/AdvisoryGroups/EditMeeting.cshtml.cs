using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

/// <summary>Changes the record of a meeting (its date, the minutes, what was raised, what the force did); each change goes into the group's history.</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class EditMeetingModel(AdvisoryGroupService register, TimeProvider time) : MeetingFormModel
{
    [FromRoute] public int MeetingId { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => MeetingAsync(ct), x =>
    {
        Version = x.Group.Version;
        GroupName = x.Group.Name;
        HeldOn = x.Meeting.HeldOn;
        MinutesRecorded = x.Meeting.MinutesRecorded;
        YouSaid = x.Meeting.YouSaid;
        WeDid = x.Meeting.WeDid;
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => MeetingAsync(ct),
            async m => { await register.ChangeMeetingAsync(Force.Id, Id, Version, MeetingId, m.HeldOn, m.Minutes, m.YouSaid, m.WeDid, Actor(time), ct); return Id; },
            "Meeting changed", id => GovernancePages.Group(Force.Slug, id),
            x => GroupName = x.Group.Name);

    private async Task<(AdvisoryGroup Group, AdvisoryMeeting Meeting)> MeetingAsync(CancellationToken ct)
    {
        var group = await register.GetAsync(Force.Id, Id, ct);
        return (group, group.Meetings.FirstOrDefault(m => m.Id == MeetingId) ?? throw new Common.NotFoundException("There is no such meeting of this group."));
    }
}

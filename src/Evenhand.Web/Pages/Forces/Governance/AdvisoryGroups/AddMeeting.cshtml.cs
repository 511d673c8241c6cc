using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

/// <summary>Records a meeting of an advisory group: minutes, what the group raised, and what the force did if already known.</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class AddMeetingModel(AdvisoryGroupService register, TimeProvider time) : RegisterFormModel<AddMeetingModel.Meeting>
{
    public sealed record Meeting(DateOnly? HeldOn, bool Minutes, string? YouSaid, string? WeDid);

    [FromRoute] public int Id { get; set; }

    public string GroupName { get; private set; } = "";

    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of the meeting")] public DateOnly? HeldOn { get; set; }
    [BindProperty] public bool MinutesRecorded { get; set; }
    [BindProperty] public string? YouSaid { get; set; }
    [BindProperty] public string? WeDid { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => register.GetAsync(Force.Id, Id, ct), g =>
    {
        Version = g.Version;
        GroupName = g.Name;
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => register.GetAsync(Force.Id, Id, ct), async m => { await register.AddMeetingAsync(Force.Id, Id, Version, m.HeldOn, m.Minutes, m.YouSaid, m.WeDid, Actor(time), ct); return Id; },
            "Meeting recorded", id => GovernancePages.Group(Force.Slug, id));

    protected override Meeting? ReadDetails()
    {
        RequireDate(HeldOn, nameof(HeldOn), "Enter the date of the meeting");
        return ModelState.ErrorCount > 0 ? null : new Meeting(HeldOn, MinutesRecorded, YouSaid, WeDid);
    }
}

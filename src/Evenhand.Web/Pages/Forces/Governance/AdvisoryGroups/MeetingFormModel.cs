using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

/// <summary>
/// The fields of the record-meeting and change-meeting forms. The rules live in <see cref="Evenhand.Governance.AdvisoryGroup"/>
/// only; the form binds the fields and shows the domain's refusals against each one.
/// </summary>
public abstract class MeetingFormModel : RegisterFormModel<MeetingFormModel.Meeting>
{
    public sealed record Meeting(DateOnly? HeldOn, bool Minutes, string? YouSaid, string? WeDid);

    [FromRoute] public int Id { get; set; }

    public string GroupName { get; protected set; } = "";

    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of the meeting")] public DateOnly? HeldOn { get; set; }
    [BindProperty] public bool MinutesRecorded { get; set; }
    [BindProperty] public string? YouSaid { get; set; }
    [BindProperty] public string? WeDid { get; set; }

    /// <summary>The meeting as posted; a date the date input could not read has already been reported against its field.</summary>
    protected override Meeting? ReadDetails() => ModelState.ErrorCount > 0 ? null : new Meeting(HeldOn, MinutesRecorded, YouSaid, WeDid);
}

using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Events;

public abstract class EventFormModel : RegisterFormModel<EventDetails>
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public EventCategory? Category { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "First day")] public DateOnly? StartsOn { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Last day")] public DateOnly? EndsOn { get; set; }
    [BindProperty] public bool Contentious { get; set; }
    [BindProperty] public AttendanceReason? Attendance { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public string? CommunicatedToPublic { get; set; }
    [BindProperty] public string? CommunicatedToWorkforce { get; set; }
    [BindProperty] public string? DressCode { get; set; }
    [BindProperty] public bool ConductBriefing { get; set; }
    [BindProperty] public bool OnDuty { get; set; }

    protected override EventDetails? ReadDetails()
    {
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Name the event");
        if (Category is null) ModelState.AddModelError(nameof(Category), "Choose the kind of event");
        RequireDate(StartsOn, nameof(StartsOn), "Enter the first day of the event");
        RequireDate(EndsOn, nameof(EndsOn), "Enter the last day of the event");
        if (Attendance is null) ModelState.AddModelError(nameof(Attendance), "Choose the attendance decision");
        if (string.IsNullOrWhiteSpace(Reasons)) ModelState.AddModelError(nameof(Reasons), "Give the reasons for the decision");
        return ModelState.ErrorCount > 0 ? null
            : new EventDetails(Name, Category, StartsOn, EndsOn, Contentious, Attendance, Reasons, CommunicatedToPublic, CommunicatedToWorkforce, DressCode, ConductBriefing, OnDuty);
    }

    protected void Fill(PolicedEvent e)
    {
        Version = e.Version;
        Name = e.Name;
        Category = e.Category;
        StartsOn = e.StartsOn;
        EndsOn = e.EndsOn;
        Contentious = e.Contentious;
        Attendance = e.Attendance;
        Reasons = e.Reasons;
        CommunicatedToPublic = e.CommunicatedToPublic;
        CommunicatedToWorkforce = e.CommunicatedToWorkforce;
        DressCode = e.DressCode;
        ConductBriefing = e.ConductBriefing;
        OnDuty = e.OnDuty;
    }
}

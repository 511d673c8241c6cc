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

    /// <inheritdoc/>
    protected override Action<EventDetails>? DryRun => d => PolicedEvent.Create(0, d);

    protected override EventDetails? ReadDetails()
    {
        return new EventDetails(Name, Category, StartsOn, EndsOn, Contentious, Attendance, Reasons, CommunicatedToPublic, CommunicatedToWorkforce, DressCode, ConductBriefing, OnDuty);
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

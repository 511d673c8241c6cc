using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.PoliticalContacts;

/// <summary>The fields of a political contact, shared by the add and change pages.</summary>
public abstract class ContactFormModel : RegisterFormModel<ContactDetails>
{
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of the contact")] public DateOnly? ContactOn { get; set; }
    [BindProperty] public ContactSource? Source { get; set; }
    [BindProperty] public string? SourceName { get; set; }
    [BindProperty] public ContactChannel? Channel { get; set; }
    [BindProperty] public string? WhatWasAsked { get; set; }
    [BindProperty] public ContactKind? Kind { get; set; }
    [BindProperty] public string? ResponseGiven { get; set; }
    [BindProperty] public bool Escalated { get; set; }
    [BindProperty] public string? EscalatedTo { get; set; }

    protected override ContactDetails? ReadDetails()
    {
        RequireDate(ContactOn, nameof(ContactOn), "Enter the date of the contact");
        if (Source is null) ModelState.AddModelError(nameof(Source), "Choose who made the contact");
        if (Channel is null) ModelState.AddModelError(nameof(Channel), "Choose how the contact was made");
        if (string.IsNullOrWhiteSpace(WhatWasAsked)) ModelState.AddModelError(nameof(WhatWasAsked), "Say what was asked");
        if (Kind is null) ModelState.AddModelError(nameof(Kind), "Choose what kind of contact it was");
        if (Escalated && string.IsNullOrWhiteSpace(EscalatedTo)) ModelState.AddModelError(nameof(EscalatedTo), "Say who it was escalated to");
        return ModelState.ErrorCount > 0 ? null : new ContactDetails(ContactOn, Source, SourceName, Channel, WhatWasAsked, Kind, ResponseGiven, Escalated, EscalatedTo);
    }

    protected void Fill(PoliticalContact c)
    {
        Version = c.Version;
        ContactOn = c.ContactOn;
        Source = c.Source;
        SourceName = c.SourceName;
        Channel = c.Channel;
        WhatWasAsked = c.WhatWasAsked;
        Kind = c.Kind;
        ResponseGiven = c.Response;
        Escalated = c.Escalated;
        EscalatedTo = c.EscalatedTo;
    }
}

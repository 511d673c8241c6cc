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

    /// <inheritdoc/>
    protected override Action<ContactDetails>? DryRun => d => PoliticalContact.Create(0, d, Today);

    protected override ContactDetails? ReadDetails()
    {
        return new ContactDetails(ContactOn, Source, SourceName, Channel, WhatWasAsked, Kind, ResponseGiven, Escalated, EscalatedTo);
    }

    /// <summary>The response is this form's <see cref="ResponseGiven"/> (a page model's <c>Response</c> is the HTTP response).</summary>
    protected override string FieldFor(string domainField) => domainField == nameof(ContactDetails.Response) ? nameof(ResponseGiven) : domainField;

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

using System.ComponentModel.DataAnnotations;
using Evenhand.Common;

namespace Evenhand.Governance;

public enum ContactSource
{
    PccOffice,
    MemberOfParliament,
    Councillor,
    Minister,
    Other,
}

public enum ContactChannel
{
    Email,
    Phone,
    Meeting,
    Letter,
    SocialMedia,
    Other,
}

/// <summary>
/// What the contact was (HMICFRS 2024 chapter 2): asking for information, holding the force to account after the event, or an
/// attempt to direct an operational decision in advance — the last is what operational independence protects against.
/// </summary>
public enum ContactKind
{
    RequestForInformation,
    AccountabilityAfterTheEvent,
    AttemptToDirectInAdvance,
}

public sealed record ContactDetails(
    DateOnly? ContactOn, ContactSource? Source, string? SourceName, ContactChannel? Channel, string? WhatWasAsked, ContactKind? Kind,
    string? Response, bool Escalated, string? EscalatedTo);

/// <summary>One contact from a political figure or office, in the force's log (recommendation 7).</summary>
public sealed class PoliticalContact : VersionedEntity
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    public DateOnly ContactOn { get; private set; }
    public ContactSource Source { get; private set; }
    [MaxLength(200)]
    public string? SourceName { get; private set; }
    public ContactChannel Channel { get; private set; }
    [MaxLength(4000)]
    public string WhatWasAsked { get; private set; } = "";
    public ContactKind Kind { get; private set; }
    [MaxLength(4000)]
    public string? Response { get; private set; }
    public bool Escalated { get; private set; }
    [MaxLength(200)]
    public string? EscalatedTo { get; private set; }

    public static PoliticalContact Create(int forceId, ContactDetails d, DateOnly today)
    {
        var c = new PoliticalContact { ForceId = forceId };
        c.Apply(d, today);
        return c;
    }

    public IReadOnlyList<string> Apply(ContactDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        var asked = Text.Clean(d.WhatWasAsked);
        var escalatedTo = Text.Clean(d.EscalatedTo);
        if (d.ContactOn is null) problems.Add("ContactOn", "Enter the date of the contact.");
        else if (d.ContactOn > today) problems.Add("ContactOn", "The date of the contact cannot be in the future.");
        if (d.Source is null) problems.Add("Source", "Choose who made the contact.");
        problems.TooLong<PoliticalContact>("SourceName", Text.Clean(d.SourceName), "The name");
        if (d.Channel is null) problems.Add("Channel", "Choose how the contact was made.");
        if (asked is null) problems.Add("WhatWasAsked", "Say what was asked.");
        if (d.Kind is null) problems.Add("Kind", "Choose what kind of contact it was.");
        if (d.Escalated && escalatedTo is null) problems.Add("EscalatedTo", "Say who it was escalated to.");
        else if (d.Escalated) problems.TooLong<PoliticalContact>("EscalatedTo", escalatedTo, "Who it was escalated to");
        problems.Lengths<PoliticalContact>(d with { EscalatedTo = d.Escalated ? d.EscalatedTo : null }); // kept only when escalated
        problems.ThrowIfAny();

        var changes = new Changes();
        changes.Set("Date", ContactOn, d.ContactOn!.Value, v => ContactOn = v);
        changes.Set("Source", Source, d.Source!.Value, v => Source = v);
        changes.Set("Name", SourceName, Text.Clean(d.SourceName), v => SourceName = v);
        changes.Set("Channel", Channel, d.Channel!.Value, v => Channel = v);
        changes.Set("What was asked", WhatWasAsked, asked!, v => WhatWasAsked = v);
        changes.Set("Kind", Kind, d.Kind!.Value, v => Kind = v);
        changes.Set("Response", Response, Text.Clean(d.Response), v => Response = v);
        changes.Set("Escalated", Escalated, d.Escalated, v => Escalated = v);
        changes.Set("Escalated to", EscalatedTo, d.Escalated ? escalatedTo : null, v => EscalatedTo = v);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }

    public static string Describe(ContactSource s) => s switch
    {
        ContactSource.PccOffice => "PCC's office",
        ContactSource.MemberOfParliament => "MP",
        ContactSource.Councillor => "Councillor",
        ContactSource.Minister => "Minister",
        _ => "Other",
    };

    public static string Describe(ContactChannel c) => c == ContactChannel.SocialMedia ? "Social media" : c.ToString();

    public static string Describe(ContactKind k) => k switch
    {
        ContactKind.RequestForInformation => "Request for information",
        ContactKind.AccountabilityAfterTheEvent => "Accountability after the event",
        _ => "Attempt to direct an operational decision in advance",
    };
}

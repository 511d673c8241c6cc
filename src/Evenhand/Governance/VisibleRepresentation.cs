using System.ComponentModel.DataAnnotations;
using Evenhand.Common;

namespace Evenhand.Governance;

/// <summary>What is worn or displayed (recommendation 10: badges, lanyards and the like on uniform or police property).</summary>
public enum RepresentationItem
{
    Badge,
    Lanyard,
    Patch,
    Flag,
    VehicleLivery,
    DigitalBadge,
}

public enum RepresentationDecision
{
    Permitted,
    NotPermitted,
    PermittedForPeriod,
}

/// <summary>What a user enters for a decision on a visible representation.</summary>
public sealed record RepresentationDetails(
    RepresentationItem? Item, string? Description, string? Cause, RepresentationDecision? Decision, DateOnly? PermittedFrom, DateOnly? PermittedTo,
    string? Conditions, string? DecidedBy, DateOnly? DecidedOn, string? Rationale, DateOnly? ReviewOn);

/// <summary>The answer to "may I wear X on day D?", with the reason from the register.</summary>
public sealed record RepresentationAnswer(bool Allowed, string Summary, string? Conditions, string Rationale);

/// <summary>
/// A force's decision on a visible representation (recommendation 10): whether it may be worn or displayed, for which cause,
/// on what conditions, who decided and why, and when the decision is reviewed.
/// </summary>
public sealed class VisibleRepresentation : VersionedEntity
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    public RepresentationItem Item { get; private set; }
    [MaxLength(200)]
    public string Description { get; private set; } = "";
    [MaxLength(200)]
    public string Cause { get; private set; } = "";
    public RepresentationDecision Decision { get; private set; }
    public DateOnly? PermittedFrom { get; private set; }
    public DateOnly? PermittedTo { get; private set; }
    [MaxLength(2000)]
    public string? Conditions { get; private set; }
    [MaxLength(200)]
    public string DecidedBy { get; private set; } = "";
    public DateOnly DecidedOn { get; private set; }
    [MaxLength(4000)]
    public string Rationale { get; private set; } = "";
    public DateOnly ReviewOn { get; private set; }

    public bool IsReviewDue(DateOnly today) => ReviewOn <= today;

    public static VisibleRepresentation Create(int forceId, RepresentationDetails d, DateOnly today)
    {
        var r = new VisibleRepresentation { ForceId = forceId };
        r.Apply(d, today);
        return r;
    }

    /// <summary>Whether it may be worn or displayed on that day, and why.</summary>
    public RepresentationAnswer Answer(DateOnly day)
    {
        var what = $"{Describe(Item)} \u201c{Description}\u201d";
        var on = Format.Date(day);
        return Decision switch
        {
            RepresentationDecision.Permitted => new(true, $"Yes: the {what} is permitted.", Conditions, Rationale),
            RepresentationDecision.NotPermitted => new(false, $"No: the {what} is not permitted.", null, Rationale),
            _ when PermittedFrom <= day && day <= PermittedTo => new(true, $"Yes: the {what} is permitted on {on} (from {Day(PermittedFrom)} to {Day(PermittedTo)}).", Conditions, Rationale),
            _ => new(false, $"No: the {what} is permitted only from {Day(PermittedFrom)} to {Day(PermittedTo)}, not on {on}.", null, Rationale),
        };
    }

    public IReadOnlyList<string> Apply(RepresentationDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        var description = Text.Clean(d.Description);
        var cause = Text.Clean(d.Cause);
        var decidedBy = Text.Clean(d.DecidedBy);
        var rationale = Text.Clean(d.Rationale);
        if (d.Item is null) problems.Add("Item", "Choose what is worn or displayed.");
        if (description is null) problems.Add("Description", "Describe the item, for example 'rainbow lanyard'.");
        else problems.TooLong<VisibleRepresentation>("Description", description, "The description");
        if (cause is null) problems.Add("Cause", "Enter the cause or campaign it represents.");
        else problems.TooLong<VisibleRepresentation>("Cause", cause, "The cause");
        if (d.Decision is null) problems.Add("Decision", "Choose the decision.");
        if (d.Decision == RepresentationDecision.PermittedForPeriod)
        {
            if (d.PermittedFrom is null || d.PermittedTo is null) problems.Add("PermittedFrom", "Enter the first and last day of the period it is permitted for.");
            else if (d.PermittedTo < d.PermittedFrom) problems.Add("PermittedTo", "The last day of the period must be on or after the first.");
        }

        if (decidedBy is null) problems.Add("DecidedBy", "Enter who made the decision.");
        else problems.TooLong<VisibleRepresentation>("DecidedBy", decidedBy, "Who made the decision");
        if (d.DecidedOn is null) problems.Add("DecidedOn", "Enter the date of the decision.");
        else if (d.DecidedOn > today) problems.Add("DecidedOn", "The date of the decision cannot be in the future.");
        if (rationale is null) problems.Add("Rationale", "Give the rationale for the decision: recommendation 10 asks for clear direction the workforce can follow.");
        if (d.ReviewOn is null) problems.Add("ReviewOn", "Enter when the decision will be reviewed.");
        else if (d.DecidedOn is { } decided && d.ReviewOn <= decided) problems.Add("ReviewOn", "The review date must be after the date of the decision.");
        problems.Lengths<VisibleRepresentation>(d);
        problems.ThrowIfAny();

        var period = d.Decision == RepresentationDecision.PermittedForPeriod;
        var changes = new Changes();

        changes.Set("Item", Item, d.Item!.Value, v => Item = v);
        changes.Set("Description", Description, description!, v => Description = v);
        changes.Set("Cause", Cause, cause!, v => Cause = v);
        changes.Set("Decision", Decision, d.Decision!.Value, v => Decision = v);
        changes.Set("Permitted from", PermittedFrom, period ? d.PermittedFrom : null, v => PermittedFrom = v);
        changes.Set("Permitted to", PermittedTo, period ? d.PermittedTo : null, v => PermittedTo = v);
        changes.Set("Conditions", Conditions, Text.Clean(d.Conditions), v => Conditions = v);
        changes.Set("Decided by", DecidedBy, decidedBy!, v => DecidedBy = v);
        changes.Set("Decided on", DecidedOn, d.DecidedOn!.Value, v => DecidedOn = v);
        changes.Set("Rationale", Rationale, rationale!, v => Rationale = v);
        changes.Set("Review on", ReviewOn, d.ReviewOn!.Value, v => ReviewOn = v);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }

    public static string Describe(RepresentationItem item) => item switch
    {
        RepresentationItem.VehicleLivery => "vehicle livery",
        RepresentationItem.DigitalBadge => "digital badge",
        _ => item.ToString().ToLowerInvariant(),
    };

    public static string Describe(RepresentationDecision decision) => decision switch
    {
        RepresentationDecision.NotPermitted => "Not permitted",
        RepresentationDecision.PermittedForPeriod => "Permitted for a period",
        _ => "Permitted",
    };

    private static string Day(DateOnly? d) => Format.Date(d, "");
}

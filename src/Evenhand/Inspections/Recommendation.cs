using Evenhand.Common;

namespace Evenhand.Inspections;

/// <summary>One numbered recommendation of an inspection, with its deadline (a fixed date or a rule relative to an event).</summary>
public sealed class Recommendation : VersionedEntity
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public string? Chapter { get; set; }

    /// <summary>The bodies the text names (canonical names: "College of Policing", "Forces", …).</summary>
    public List<string> Addressees { get; set; } = [];

    /// <summary>True when it puts a duty on forces or their chief officers, alone or with other bodies (4 and 21 of the 2024 report too): every force acts on it and the s.55 comments must answer it.</summary>
    public bool AppliesToForces { get; set; }

    /// <summary>A fixed deadline, when the report gives one ("By 31 March 2025").</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>For a relative deadline: months after the trigger event ("within six months of …").</summary>
    public int? DueRuleMonths { get; set; }

    /// <summary>For a relative deadline: the event that starts the clock.</summary>
    public string? DueRuleEvent { get; set; }

    /// <summary>For a relative deadline: the report's own words. Also kept beside <see cref="DueDate"/> when the deadline ran from the report's publication ("Within three months", "Immediately") and was counted from it on import.</summary>
    public string? DueRuleDescription { get; set; }

    /// <summary>When the trigger event happened, once someone records it.</summary>
    public DateOnly? TriggerEventOn { get; set; }

    public bool HasRelativeDeadline => DueRuleMonths is not null;

    /// <summary>The date the recommendation is due, or null while a relative deadline's event has not happened.</summary>
    public DateOnly? EffectiveDueDate => DeadlineRules.DueDate(DueDate, DueRuleMonths, TriggerEventOn);

    public string DeadlineDescription =>
        DueDate is { } d ? Format.Date(d)
        : EffectiveDueDate is { } e ? $"{Format.Date(e)} ({DueRuleDescription})"
        : DueRuleDescription ?? "No deadline";

    /// <summary>Records that the event a relative deadline depends on has happened; the due date is then computed.</summary>
    public void RecordTriggerEvent(DateOnly occurredOn)
    {
        if (!HasRelativeDeadline)
        {
            throw new DomainRuleException($"Recommendation {Number} has a fixed deadline; there is no event to record.");
        }

        TriggerEventOn = occurredOn;
        Bump();
    }
}

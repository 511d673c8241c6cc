using Evenhand.Common;

namespace Evenhand.Inspections;

public enum InspectionType
{
    ForceSpecific,
    NationalThematic,
    FollowUp,
    Partner,
}

/// <summary>A published inspection report and the recommendations it makes.</summary>
public sealed class Inspection : VersionedEntity
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Publisher { get; set; }
    public DateOnly PublishedOn { get; set; }
    public InspectionType Type { get; set; }

    /// <summary>File name of the document the inspection was imported from, if any.</summary>
    public string? SourceFileName { get; set; }

    public List<Recommendation> Recommendations { get; set; } = [];

    /// <summary>The last day for the local policing body's comments: s.55(5A), 56 days beginning with the day of publication.</summary>
    public DateOnly Section55DueOn => Section55Rules.LastDayOf56DaysBeginningWithPublication(PublishedOn);
}

using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Responses;

/// <summary>Where a force's local policing body stands with its section 55 comments on one inspection.</summary>
public enum Section55ComplianceStatus
{
    /// <summary>Published on or before the last day (s.55(5A)).</summary>
    PublishedOnTime,

    /// <summary>Published after the last day.</summary>
    PublishedLate,

    /// <summary>Not published, and the last day has not passed.</summary>
    NotYetPublished,

    /// <summary>Not published, and the last day has passed.</summary>
    Overdue,
}

/// <summary>Which forces the national section 55 view lists.</summary>
public enum Section55ComplianceFilter
{
    All,
    Published,
    NotYetPublished,

    /// <summary>Published late, or not published and past the last day.</summary>
    Late,

    /// <summary>Published, but a copy to the inspectors or to the Home Secretary is not recorded (s.55(6)).</summary>
    CopiesMissing,
}

/// <summary>One force's section 55 position for one inspection.</summary>
/// <param name="Required">Recommendations the body must answer (s.55(5B)): the inspection's recommendations that put a duty on forces.</param>
/// <param name="Answered">Of those, the ones with a complete answer (a stance and its text).</param>
/// <param name="Started">Whether the body has started a response in Evenhand at all.</param>
public sealed record Section55ComplianceRow(
    Force Force,
    DateOnly DueOn,
    DateOnly? PublishedOn,
    bool Late,
    int Answered,
    int Required,
    DateOnly? ChiefOfficerInvitedOn,
    DateOnly? CopiesSentToInspectorsOn,
    DateOnly? CopiesSentToHomeSecretaryOn,
    bool Started)
{
    public bool IsPublished => PublishedOn is not null;

    public Section55ComplianceStatus Status => (IsPublished, Late) switch
    {
        (true, false) => Section55ComplianceStatus.PublishedOnTime,
        (true, true) => Section55ComplianceStatus.PublishedLate,
        (false, false) => Section55ComplianceStatus.NotYetPublished,
        (false, true) => Section55ComplianceStatus.Overdue,
    };

    /// <summary>Both copies required by s.55(6) are recorded as sent.</summary>
    public bool CopiesSent => CopiesSentToInspectorsOn is not null && CopiesSentToHomeSecretaryOn is not null;

    public bool CopiesMissing => IsPublished && !CopiesSent;

    public bool Matches(Section55ComplianceFilter filter) => filter switch
    {
        Section55ComplianceFilter.Published => IsPublished,
        Section55ComplianceFilter.NotYetPublished => !IsPublished,
        Section55ComplianceFilter.Late => Late,
        Section55ComplianceFilter.CopiesMissing => CopiesMissing,
        _ => true,
    };
}

/// <summary>Counts over every force (not only the filtered rows), so the headline figures do not change with the filter.</summary>
public sealed record Section55ComplianceTotals(
    int Forces,
    int PublishedOnTime,
    int PublishedLate,
    int NotYetPublished,
    int Overdue,
    int CopiesSentToBoth,
    int CopiesMissing)
{
    public int Published => PublishedOnTime + PublishedLate;

    public static Section55ComplianceTotals Of(IReadOnlyCollection<Section55ComplianceRow> rows) => new(
        rows.Count,
        rows.Count(r => r.Status == Section55ComplianceStatus.PublishedOnTime),
        rows.Count(r => r.Status == Section55ComplianceStatus.PublishedLate),
        rows.Count(r => r.Status == Section55ComplianceStatus.NotYetPublished),
        rows.Count(r => r.Status == Section55ComplianceStatus.Overdue),
        rows.Count(r => r.CopiesSent),
        rows.Count(r => r.CopiesMissing));
}

/// <param name="Rows">Forces matching the filter, by name.</param>
/// <param name="Today">The UK date the late flags were worked out on.</param>
public sealed record Section55Compliance(
    Inspection Inspection,
    DateOnly DueOn,
    DateOnly Today,
    int Required,
    IReadOnlyList<Section55ComplianceRow> Rows,
    Section55ComplianceTotals Totals);

public sealed record Section55ComplianceQuery(int InspectionId, Section55ComplianceFilter Filter = Section55ComplianceFilter.All, string? ForceName = null);

/// <summary>
/// The inspectorate's national view of section 55 (Police Act 1996): for one inspection, every force's local policing body
/// with its last day, publication, answers and copies. Shared by the national page, its CSV and the JSON API.
/// </summary>
public sealed class Section55ComplianceService(EvenhandDbContext db, TimeProvider time)
{
    /// <summary>Null when there is no such inspection.</summary>
    public async Task<Section55Compliance?> GetAsync(Section55ComplianceQuery query, CancellationToken ct = default)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.InspectionId, ct);
        if (inspection is null)
        {
            return null;
        }

        // s.55(5B): an answer for each recommendation; which ones put a duty on forces is the recommendation's own rule.
        var required = await db.Recommendations.AsNoTracking()
            .Where(r => r.InspectionId == inspection.Id && r.AppliesToForces)
            .OrderBy(r => r.Number)
            .ToListAsync(ct);
        var forces = await db.Forces.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        var responses = (await db.Section55Responses.AsNoTracking()
                .Where(r => r.InspectionId == inspection.Id)
                .Include(r => r.Items)
                .ToListAsync(ct))
            .ToDictionary(r => r.ForceId);

        // s.55(5A): the last of the 56 days beginning with the day the report is published, the same for every force.
        var dueOn = inspection.Section55DueOn;
        var today = time.Today();
        var all = forces.Select(f =>
        {
            var r = responses.GetValueOrDefault(f.Id);
            var published = r?.PublishedOn;
            var late = published is { } p ? p > dueOn : today > dueOn;
            var answered = r is null ? 0 : required.Count - r.Gaps(required).Count;
            return new Section55ComplianceRow(f, dueOn, published, late, answered, required.Count,
                r?.ChiefOfficerInvitedOn, r?.SentToInspectorateOn, r?.SentToHomeSecretaryOn, r is not null);
        }).ToList();

        var name = query.ForceName?.Trim();
        var rows = all
            .Where(r => r.Matches(query.Filter))
            .Where(r => string.IsNullOrEmpty(name)
                        || r.Force.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                        || r.Force.ShortName.Contains(name, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(r.Force.Slug, name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new Section55Compliance(inspection, dueOn, today, required.Count, rows, Section55ComplianceTotals.Of(all));
    }
}

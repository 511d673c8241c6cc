using System.Globalization;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Inspections;

public sealed record RecordTriggerEventOptions(Guid Version, DateOnly OccurredOn);

/// <summary>Where a page of the inspections list starts: publication day, then id (the list runs newest first).</summary>
public readonly record struct InspectionKey(DateOnly PublishedOn, int Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PublishedOn:yyyy-MM-dd}.{Id}");

    public static InspectionKey? Parse(string text)
    {
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && DateOnly.TryParseExact(text![..dot], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
            && int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new InspectionKey(on, id)
            : null;
    }
}

/// <summary>An inspection in a list: its recommendations counted, not loaded.</summary>
public sealed record InspectionSummary(int Id, string Title, DateOnly PublishedOn, int Recommendations, int ForForces)
{
    public DateOnly Section55DueOn => Section55Rules.LastDayOf56DaysBeginningWithPublication(PublishedOn);

    public InspectionKey Key => new(PublishedOn, Id);
}

/// <summary>An inspection to choose from a list: id, title and publication day only.</summary>
public sealed record InspectionChoice(int Id, string Title, DateOnly PublishedOn);

public sealed class InspectionService(EvenhandDbContext db)
{
    public Task<List<Inspection>> ListAsync(CancellationToken ct = default) =>
        db.Inspections.AsNoTracking().Include(i => i.Recommendations).OrderByDescending(i => i.PublishedOn).ToListAsync(ct);

    /// <summary>
    /// A page of inspections, newest first, read by key (publication day, then id), with each one's recommendations counted.
    /// The list grows by a few dozen a year, so it is counted.
    /// </summary>
    public async Task<KeysetPage<InspectionSummary>> PageAsync(PageRequest<InspectionKey> request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var total = await db.Inspections.LongCountAsync(ct);
        var query = db.Inspections.AsNoTracking();
        if (request.Key is { } k)
        {
            query = request.From == PageFrom.After
                ? query.Where(i => i.PublishedOn < k.PublishedOn || (i.PublishedOn == k.PublishedOn && i.Id < k.Id))
                : query.Where(i => i.PublishedOn > k.PublishedOn || (i.PublishedOn == k.PublishedOn && i.Id > k.Id));
        }

        query = request.Backwards ? query.OrderBy(i => i.PublishedOn).ThenBy(i => i.Id) : query.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id);
        var rows = await query.Take(request.Take(total))
            .Select(i => new InspectionSummary(i.Id, i.Title, i.PublishedOn, i.Recommendations.Count, i.Recommendations.Count(r => r.AppliesToForces)))
            .ToListAsync(ct);
        return KeysetPage.From(request, rows, total);
    }

    /// <summary>The recommendations of these inspections that put a duty on forces (ids only).</summary>
    public async Task<List<(int InspectionId, int Id)>> ForceRecommendationIdsAsync(IReadOnlyCollection<int> inspectionIds, CancellationToken ct = default) =>
        (await db.Recommendations.AsNoTracking().Where(r => inspectionIds.Contains(r.InspectionId) && r.AppliesToForces)
            .Select(r => new { r.InspectionId, r.Id }).ToListAsync(ct))
        .Select(r => (r.InspectionId, r.Id)).ToList();

    /// <summary>Every inspection to choose from, newest first (titles only: no recommendations are loaded).</summary>
    public Task<List<InspectionChoice>> ChoicesAsync(CancellationToken ct = default) =>
        db.Inspections.AsNoTracking().OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Select(i => new InspectionChoice(i.Id, i.Title, i.PublishedOn)).ToListAsync(ct);

    public async Task<Inspection> GetAsync(int id, CancellationToken ct = default) =>
        await db.Inspections.Include(i => i.Recommendations.OrderBy(r => r.Number)).SingleOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new NotFoundException($"There is no inspection with id {id}.");

    /// <summary>Records the event a relative deadline waits for (e.g. the College of Policing publishing its updated APP).</summary>
    public async Task<Recommendation> RecordTriggerEventAsync(int recommendationId, RecordTriggerEventOptions o, ProcessContext ctx, CancellationToken ct = default)
    {
        var rec = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == recommendationId, ct)
            ?? throw new NotFoundException("There is no such recommendation.");
        rec.EnsureVersion(o.Version);
        var before = new { rec.TriggerEventOn };
        rec.RecordTriggerEvent(o.OccurredOn);
        AuditLog.Record(db, ctx, "TriggerEventRecorded", nameof(Recommendation), rec.Id, null, before, new { rec.TriggerEventOn, DueOn = rec.EffectiveDueDate });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }

        return rec;
    }
}

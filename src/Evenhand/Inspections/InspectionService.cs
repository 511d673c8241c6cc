using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Inspections;

public sealed record RecordTriggerEventOptions(Guid Version, DateOnly OccurredOn);

public sealed class InspectionService(EvenhandDbContext db)
{
    public Task<List<Inspection>> ListAsync(CancellationToken ct = default) =>
        db.Inspections.AsNoTracking().Include(i => i.Recommendations).OrderByDescending(i => i.PublishedOn).ToListAsync(ct);

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

using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

public sealed record EventPage(IReadOnlyList<PolicedEvent> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The register of events and their post-event learning reviews (recommendations 4 and 5).</summary>
public sealed class PolicedEventService(EvenhandDbContext db, TimeProvider time) : GovernanceRegister(db, time), IEvidenceSource
{
    public const string Type = "Event";
    public const string Register = "governance/events";

    protected override string RecordType => Type;

    private IQueryable<PolicedEvent> OfForce(int forceId) => Db.PolicedEvents.Where(e => e.ForceId == forceId);

    public async Task<EventPage> ListAsync(int forceId, bool contentiousOnly, bool reviewOverdueOnly, int page, int pageSize = 25, CancellationToken ct = default)
    {
        var overdueBefore = Today.AddDays(-PolicedEvent.ReviewWithinDays);
        var query = OfForce(forceId).AsNoTracking();
        if (contentiousOnly) query = query.Where(e => e.Contentious);
        if (reviewOverdueOnly) query = query.Where(e => e.ReviewedOn == null && e.EndsOn < overdueBefore);
        var size = Math.Clamp(pageSize, 1, 100);
        var total = await query.CountAsync(ct);
        var p = Math.Clamp(page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await query.OrderByDescending(e => e.StartsOn).ThenBy(e => e.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new EventPage(items, total, p, size);
    }

    /// <summary>Every event, latest first, read as the caller consumes them (the CSV).</summary>
    public IAsyncEnumerable<PolicedEvent> StreamAll(int forceId) =>
        OfForce(forceId).AsNoTracking().OrderByDescending(e => e.StartsOn).ThenBy(e => e.Id).AsAsyncEnumerable();

    public async Task<IReadOnlyList<PolicedEvent>> AllAsync(int forceId, CancellationToken ct = default) =>
        await OfForce(forceId).AsNoTracking().OrderByDescending(e => e.StartsOn).ThenBy(e => e.Id).ToListAsync(ct);

    public async Task<PolicedEvent> GetAsync(int forceId, int id, CancellationToken ct = default) =>
        await OfForce(forceId).SingleOrDefaultAsync(e => e.Id == id, ct)
        ?? throw new NotFoundException("There is no such event in this force's register.");

    public async Task<PolicedEvent> CreateAsync(int forceId, EventDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var e = await AddRecordAsync(() => PolicedEvent.Create(forceId, details), forceId, x => x.Id, Snapshot, ctx, ct);
        return e;
    }

    public async Task<PolicedEvent> UpdateAsync(int forceId, int id, Guid version, EventDetails details, ProcessContext ctx, CancellationToken ct = default) =>
        await UpdateRecordAsync(await GetAsync(forceId, id, ct), forceId, id, version, r => r.Apply(details), Snapshot, ctx, ct);

    public async Task<PolicedEvent> RecordReviewAsync(int forceId, int id, Guid version, LearningReviewDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var e = await GetAsync(forceId, id, ct);
        e.EnsureVersion(version);
        var before = Snapshot(e);
        var changes = e.RecordReview(details, Today);
        if (changes.Count > 0)
        {
            await SaveChangeAsync(forceId, id, "Reviewed", "Learning review: " + string.Join("; ", changes), before, Snapshot(e), ctx, ct);
        }

        return e;
    }


    /// <summary>Recommendation 4 (reasons for attending contentious events told to the public and the workforce) and 5 (a learning review after each).</summary>
    /// <inheritdoc/>
    public IReadOnlyCollection<int> Recommendations { get; } = [4, 5];

    public async Task<IReadOnlyList<EvidenceIndicator>> IndicatorsAsync(int forceId, DateOnly today, CancellationToken ct = default)
    {
        // Counted in the database with the entity's rules (Attended; LearningReviewDueOn before today is EndsOn before today - 28), never loaded.
        var endedBefore = today.AddDays(-PolicedEvent.ReviewWithinDays);
        var attended = OfForce(forceId).AsNoTracking().Where(e => e.Attendance != AttendanceReason.NotAttending);
        var contentious = attended.Where(e => e.Contentious);
        var ended = attended.Where(e => e.EndsOn < endedBefore);
        var contentiousCount = await contentious.CountAsync(ct);
        var told = await contentious.CountAsync(e => e.CommunicatedToPublic != null && e.CommunicatedToWorkforce != null, ct);
        var endedCount = await ended.CountAsync(ct);
        var reviewed = await ended.CountAsync(e => e.ReviewedOn != null, ct);
        return
        [
            new(4, "Contentious events attended whose reasons were told to the public and the workforce",
                EvidenceIndicator.Share(told, contentiousCount), contentiousCount, Register),
            new(5, "Events attended and ended over 28 days ago that have a learning review",
                EvidenceIndicator.Share(reviewed, endedCount), endedCount, Register),
        ];
    }

    private static object Snapshot(PolicedEvent e) => new
    {
        e.Name, Category = e.Category.ToString(), e.StartsOn, e.EndsOn, e.Contentious, Attendance = e.Attendance.ToString(), e.Reasons,
        e.CommunicatedToPublic, e.CommunicatedToWorkforce, e.DressCode, e.ConductBriefing, e.OnDuty, e.ReviewedOn, e.ReviewedBy,
        e.PolicingStyleEffectiveness, e.ImpartialityAllegations, e.Lessons,
    };
}

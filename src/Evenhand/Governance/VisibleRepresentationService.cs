using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

public sealed record RepresentationQuery(RepresentationItem? Item = null, RepresentationDecision? Decision = null, bool ReviewDueOnly = false, int Page = 1, int PageSize = 25);

public sealed record RepresentationPage(IReadOnlyList<VisibleRepresentation> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The register of decisions on visible representations (recommendation 10), and the answers the workforce asks of it.</summary>
public sealed class VisibleRepresentationService(EvenhandDbContext db, TimeProvider time) : GovernanceRegister(db, time), IEvidenceSource
{
    public const string Type = "VisibleRepresentation";
    public const string Register = "governance/visible-representations";

    protected override string RecordType => Type;

    private IQueryable<VisibleRepresentation> OfForce(int forceId) => Db.VisibleRepresentations.Where(r => r.ForceId == forceId);

    public async Task<RepresentationPage> ListAsync(int forceId, RepresentationQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var today = Today;
        var query = OfForce(forceId).AsNoTracking();
        if (q.Item is { } item) query = query.Where(r => r.Item == item);
        if (q.Decision is { } decision) query = query.Where(r => r.Decision == decision);
        if (q.ReviewDueOnly) query = query.Where(r => r.ReviewOn <= today);
        var size = Math.Clamp(q.PageSize, 1, 100);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(q.Page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await query.OrderBy(r => r.Item).ThenBy(r => r.Description).ThenBy(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new RepresentationPage(items, total, page, size);
    }

    /// <summary>Every decision, by item and description, read as the caller consumes them (the CSV).</summary>
    public IAsyncEnumerable<VisibleRepresentation> StreamAll(int forceId) =>
        OfForce(forceId).AsNoTracking().OrderBy(r => r.Item).ThenBy(r => r.Description).ThenBy(r => r.Id).AsAsyncEnumerable();

    public async Task<IReadOnlyList<VisibleRepresentation>> AllAsync(int forceId, CancellationToken ct = default) =>
        await OfForce(forceId).AsNoTracking().OrderBy(r => r.Item).ThenBy(r => r.Description).ThenBy(r => r.Id).ToListAsync(ct);

    public async Task<VisibleRepresentation> GetAsync(int forceId, int id, CancellationToken ct = default) =>
        await OfForce(forceId).SingleOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new NotFoundException("There is no such decision in this force's register of visible representations.");

    public async Task<VisibleRepresentation> CreateAsync(int forceId, RepresentationDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var record = await AddRecordAsync(() => VisibleRepresentation.Create(forceId, details, Today), forceId, r => r.Id, Snapshot, ctx, ct);
        return record;
    }

    public async Task<VisibleRepresentation> UpdateAsync(int forceId, int id, Guid version, RepresentationDetails details, ProcessContext ctx, CancellationToken ct = default) =>
        await UpdateRecordAsync(await GetAsync(forceId, id, ct), forceId, id, version, r => r.Apply(details, Today), Snapshot, ctx, ct);


    /// <summary>Recommendation 10: clear, reasoned direction that is kept under review.</summary>
    /// <inheritdoc/>
    public IReadOnlyCollection<int> Recommendations { get; } = [10];

    public async Task<IReadOnlyList<EvidenceIndicator>> IndicatorsAsync(int forceId, DateOnly today, CancellationToken ct = default)
    {
        // Counted in the database, never loaded.
        var counts = await OfForce(forceId).AsNoTracking().GroupBy(r => 1)
            .Select(g => new { All = g.Count(), NotDue = g.Count(r => r.ReviewOn > today) }).FirstOrDefaultAsync(ct);
        var (all, notDue) = counts is null ? (0, 0) : (counts.All, counts.NotDue);
        return
        [
            new(10, "Decisions on visible representations not yet due for review", EvidenceIndicator.Share(notDue, all), all, Register),
        ];
    }

    private static object Snapshot(VisibleRepresentation r) => new
    {
        Item = r.Item.ToString(), r.Description, r.Cause, Decision = r.Decision.ToString(), r.PermittedFrom, r.PermittedTo, r.Conditions,
        r.DecidedBy, r.DecidedOn, r.Rationale, r.ReviewOn,
    };
}

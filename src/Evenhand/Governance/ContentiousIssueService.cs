using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

public sealed record IssuePage(IReadOnlyList<ContentiousIssue> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The contentious issues horizon scan (recommendation 6).</summary>
public sealed class ContentiousIssueService(EvenhandDbContext db, TimeProvider time) : GovernanceRegister(db, time), IEvidenceSource
{
    public const string Type = "ContentiousIssue";
    public const string Register = "governance/horizon-scan";

    protected override string RecordType => Type;

    private IQueryable<ContentiousIssue> OfForce(int forceId) => Db.ContentiousIssues.Where(i => i.ForceId == forceId);

    public async Task<IssuePage> ListAsync(int forceId, IssueStatus? status, int page, int pageSize = 25, CancellationToken ct = default)
    {
        var query = OfForce(forceId).AsNoTracking();
        if (status is { } s) query = query.Where(i => i.Status == s);
        var size = Math.Clamp(pageSize, 1, 100);
        var total = await query.CountAsync(ct);
        var p = Math.Clamp(page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await query.OrderBy(i => i.Status).ThenByDescending(i => i.Risk).ThenByDescending(i => i.FirstSeenOn).ThenBy(i => i.Id)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new IssuePage(items, total, p, size);
    }

    /// <summary>Every issue, open first, read as the caller consumes them (the CSV).</summary>
    public IAsyncEnumerable<ContentiousIssue> StreamAll(int forceId) =>
        OfForce(forceId).AsNoTracking().OrderBy(i => i.Status).ThenByDescending(i => i.FirstSeenOn).ThenBy(i => i.Id).AsAsyncEnumerable();

    public async Task<IReadOnlyList<ContentiousIssue>> AllAsync(int forceId, CancellationToken ct = default) =>
        await OfForce(forceId).AsNoTracking().OrderBy(i => i.Status).ThenByDescending(i => i.FirstSeenOn).ThenBy(i => i.Id).ToListAsync(ct);

    public async Task<ContentiousIssue> GetAsync(int forceId, int id, CancellationToken ct = default) =>
        await OfForce(forceId).SingleOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new NotFoundException("There is no such issue on this force's horizon scan.");

    public async Task<ContentiousIssue> CreateAsync(int forceId, IssueDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var issue = await AddRecordAsync(() => ContentiousIssue.Create(forceId, details, Today), forceId, i => i.Id, Snapshot, ctx, ct);
        return issue;
    }

    public async Task<ContentiousIssue> UpdateAsync(int forceId, int id, Guid version, IssueDetails details, ProcessContext ctx, CancellationToken ct = default) =>
        await UpdateRecordAsync(await GetAsync(forceId, id, ct), forceId, id, version, r => r.Apply(details, Today), Snapshot, ctx, ct);


    /// <summary>Recommendation 6: live contentious issues with a position agreed and communication lines ready.</summary>
    /// <inheritdoc/>
    public IReadOnlyCollection<int> Recommendations { get; } = [6];

    public async Task<IReadOnlyList<EvidenceIndicator>> IndicatorsAsync(int forceId, DateOnly today, CancellationToken ct = default)
    {
        // Counted in the database, never loaded.
        var counts = await OfForce(forceId).AsNoTracking().Where(i => i.Status != IssueStatus.Closed).GroupBy(i => 1)
            .Select(g => new { Live = g.Count(), Prepared = g.Count(i => i.AgreedPosition != null && i.CommunicationLines != null) }).FirstOrDefaultAsync(ct);
        var (live, prepared) = counts is null ? (0, 0) : (counts.Live, counts.Prepared);
        return
        [
            new(6, "Live contentious issues with an agreed position and communication lines", EvidenceIndicator.Share(prepared, live), live, Register),
        ];
    }

    private static object Snapshot(ContentiousIssue i) => new
    {
        i.Issue, i.FirstSeenOn, Risk = i.Risk.ToString(), i.RiskAssessment, i.AgreedPosition, i.CommunicationLines, Status = i.Status.ToString(),
    };
}

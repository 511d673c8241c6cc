using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

public sealed record PolicyQuery(string? Search = null, bool EqualityActOnly = false, bool OverdueOnly = false, bool FlaggedOnly = false, int Page = 1, int PageSize = 25);

public sealed record PolicyPage(IReadOnlyList<PolicyDocument> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The register of a force's policies and their equality impact assessments (recommendations 12 and 13). Every change is
/// checked against the version the user saw, written to the record's history and audited, in one save.
/// </summary>
public sealed class PolicyRegisterService(EvenhandDbContext db, TimeProvider time) : GovernanceRegister(db, time), IEvidenceSource
{
    public const string Type = "Policy";
    public const string Register = "governance/policies";

    protected override string RecordType => Type;

    private IQueryable<PolicyDocument> WithAssessments(int forceId) =>
        Db.PolicyDocuments.Where(p => p.ForceId == forceId).Include(p => p.Assessments).ThenInclude(a => a.Lines).AsSplitQuery();

    public async Task<PolicyPage> ListAsync(int forceId, PolicyQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var today = Time.Today();
        var query = Db.PolicyDocuments.AsNoTracking().Where(p => p.ForceId == forceId);
        if (Text.Clean(q.Search) is { } search)
        {
            var pattern = $"%{search.ToLowerInvariant()}%";
            query = query.Where(p => EF.Functions.Like(p.Title.ToLower(), pattern) || EF.Functions.Like(p.Owner.ToLower(), pattern)
                || (p.Reference != null && EF.Functions.Like(p.Reference.ToLower(), pattern)));
        }

        if (q.EqualityActOnly)
        {
            query = query.Where(p => p.RelatesToEqualityAct);
        }

        if (q.OverdueOnly)
        {
            query = query.Where(p => p.NextReviewDueOn == null || p.NextReviewDueOn < today);
        }

        if (q.FlaggedOnly)
        {
            query = Flagged(query, today);
        }

        var ordered = query.OrderBy(p => p.NextReviewDueOn == null ? 0 : 1).ThenBy(p => p.NextReviewDueOn).ThenBy(p => p.Title).ThenBy(p => p.Id)
            .Include(p => p.Assessments).ThenInclude(a => a.Lines).AsSplitQuery();
        var pageSize = Math.Clamp(q.PageSize, 1, 100);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(q.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PolicyPage(items, total, page, pageSize);
    }

    /// <summary>
    /// Every policy of the force with its assessments, by title, for the CSV: read a few hundred at a time by key (title,
    /// then id), so the first rows go out at once and no more than a batch is ever in memory.
    /// </summary>
    public async IAsyncEnumerable<PolicyDocument> StreamAll(int forceId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        const int batch = 500;
        (string Title, int Id)? after = null;
        while (true)
        {
            var query = WithAssessments(forceId).AsNoTracking();
            if (after is { } k)
            {
                query = query.Where(p => string.Compare(p.Title, k.Title) > 0 || (p.Title == k.Title && p.Id > k.Id));
            }

            var rows = await query.OrderBy(p => p.Title).ThenBy(p => p.Id).Take(batch).ToListAsync(ct);
            foreach (var policy in rows)
            {
                yield return policy;
            }

            if (rows.Count < batch)
            {
                yield break;
            }

            after = (rows[^1].Title, rows[^1].Id);
        }
    }

    /// <summary>Every policy of the force, for the CSV export.</summary>
    public async Task<IReadOnlyList<PolicyDocument>> AllAsync(int forceId, CancellationToken ct = default) =>
        await WithAssessments(forceId).AsNoTracking().OrderBy(p => p.Title).ThenBy(p => p.Id).ToListAsync(ct);

    /// <summary>
    /// The policies <see cref="Flags"/> has something to say about, decided in the database from each policy's own row: review
    /// overdue or never done, an Equality Act policy with no assessment, or a latest assessment that is incomplete (a
    /// characteristic unassessed or without a rationale) or by an untrained assessor (kept with the policy as
    /// <see cref="PolicyDocument.LatestAssessmentComplete"/> and <see cref="PolicyDocument.LatestAssessorTrained"/>). A test
    /// holds it to <see cref="Flags"/> for every demo policy.
    /// </summary>
    public static IQueryable<PolicyDocument> Flagged(IQueryable<PolicyDocument> policies, DateOnly today) =>
        policies.Where(p => p.NextReviewDueOn == null || p.NextReviewDueOn < today
            || (p.RelatesToEqualityAct && p.LatestAssessmentComplete == null)
            || p.LatestAssessmentComplete == false
            || p.LatestAssessorTrained == false);

    /// <summary>What is wrong with a policy, in words: overdue review, and its latest assessment's gaps.</summary>
    public static IReadOnlyList<string> Flags(PolicyDocument p, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(p);
        var flags = new List<string>();
        if (p.IsOverdue(today))
        {
            flags.Add(p.NextReviewDueOn is { } due ? $"Review overdue since {Format.Date(due)}" : "Never reviewed");
        }

        if (p.RelatesToEqualityAct && p.LatestAssessment is null)
        {
            flags.Add("No equality impact assessment");
        }

        if (p.LatestAssessment is { } eia)
        {
            if (!eia.IsComplete)
            {
                flags.Add($"Assessment incomplete: {string.Join(", ", eia.Gaps.Select(EqualityImpactAssessment.Describe))}");
            }

            if (!eia.AssessorTrained)
            {
                flags.Add("Assessor has no recorded EIA training");
            }
        }

        return flags;
    }

    public async Task<PolicyDocument> GetAsync(int forceId, int id, CancellationToken ct = default) =>
        await WithAssessments(forceId).SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException("There is no such policy in this force's register.");

    public async Task<PolicyDocument> CreateAsync(int forceId, PolicyDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var policy = await AddRecordAsync(() => PolicyDocument.Create(forceId, details, Time.Today(), ctx), forceId, p => p.Id, Snapshot, ctx, ct);
        return policy;
    }

    public async Task<PolicyDocument> UpdateAsync(int forceId, int id, Guid version, PolicyDetails details, ProcessContext ctx, CancellationToken ct = default) =>
        await UpdateRecordAsync(await GetAsync(forceId, id, ct), forceId, id, version, r => r.Apply(details, Time.Today()), Snapshot, ctx, ct);

    public async Task<EqualityImpactAssessment> AddAssessmentAsync(int forceId, int id, Guid version, EiaDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var policy = await GetAsync(forceId, id, ct);
        policy.EnsureVersion(version);
        var eia = policy.AddAssessment(details, Time.Today(), ctx);
        var verdict = eia.IsComplete ? "complete" : $"incomplete ({eia.Gaps.Count} of 9 characteristics without an assessed impact and rationale)";
        await SaveChangeAsync(forceId, policy.Id, "AssessmentAdded",
            $"Equality impact assessment of {Format.Date(eia.AssessedOn)} by {eia.Assessor} recorded: {verdict}" + (eia.AssessorTrained ? "" : "; the assessor has no recorded EIA training"),
            null, new { eia.AssessedOn, eia.Assessor, eia.AssessorTrainedOn, eia.IsComplete, Gaps = eia.Gaps.Select(g => g.ToString()) }, ctx, ct);
        return eia;
    }


    /// <summary>Recommendation 13 (policies relating to the Equality Act reviewed on time) and 12 (EIAs complete, by trained assessors).</summary>
    /// <inheritdoc/>
    public IReadOnlyCollection<int> Recommendations { get; } = [12, 13];

    public async Task<IReadOnlyList<EvidenceIndicator>> IndicatorsAsync(int forceId, DateOnly today, CancellationToken ct = default)
    {
        // Counted in the database from the policies' own rows (the same rules as IsOverdue, IsComplete and AssessorTrained, kept
        // with each policy as its assessments are added), never loaded.
        var counts = await Db.PolicyDocuments.AsNoTracking().Where(p => p.ForceId == forceId && p.RelatesToEqualityAct)
            .GroupBy(p => 1)
            .Select(g => new
            {
                Equality = g.Count(),
                InDate = g.Count(p => p.NextReviewDueOn != null && p.NextReviewDueOn >= today),
                Assessed = g.Count(p => p.LatestAssessmentComplete != null),
                Complete = g.Count(p => p.LatestAssessmentComplete == true),
                Trained = g.Count(p => p.LatestAssessorTrained == true),
            })
            .FirstOrDefaultAsync(ct);
        var (equality, inDate, assessed, complete, trained) = counts is null ? (0, 0, 0, 0, 0) : (counts.Equality, counts.InDate, counts.Assessed, counts.Complete, counts.Trained);
        return
        [
            new(13, "Policies relating to the Equality Act 2010 within their review date", EvidenceIndicator.Share(inDate, equality), equality, Register),
            new(12, "Equality Act policies whose latest equality impact assessment is complete", EvidenceIndicator.Share(complete, equality), equality, Register),
            new(12, "Latest equality impact assessments made by a trained assessor", EvidenceIndicator.Share(trained, assessed), assessed, Register),
        ];
    }

    private static object Snapshot(PolicyDocument p) => new
    {
        p.Title, p.Reference, p.Owner, p.RelatesToEqualityAct, p.LastReviewedOn, p.ReviewIntervalMonths, p.NextReviewDueOn, p.Notes,
        Assessments = p.Assessments.Count,
    };
}

using System.Security.Cryptography;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.HateIncidents.CaseFiles;

/// <summary>Draw a sample: how many finalised incidents, and optionally the seed (to repeat an earlier draw).</summary>
public sealed record DrawSampleOptions(int Size = CaseFileReviewService.DefaultSampleSize, int? Seed = null);

/// <summary>
/// An auditor's judgement of one sampled incident, stage by stage: true = right, false = an error, null = not judged (or not
/// applicable, e.g. no specialist review for a hate crime). <see cref="ExpectedJudgedAt"/> is the judgement time the auditor
/// saw, so a judgement changed by someone else meanwhile is not silently overwritten.
/// </summary>
public sealed record StageJudgement(bool? Recording, bool? Assessment, bool? Review, bool? Finalisation, string? Notes, DateTimeOffset? ExpectedJudgedAt);

/// <summary>Error rate of one stage: errors among the items judged at that stage.</summary>
public sealed record StageErrorRate(string Stage, int Judged, int Errors)
{
    public double? Rate => Judged == 0 ? null : (double)Errors / Judged;
}

/// <summary>One sampled incident as the auditor sees it: the record's facts (no personal data) and the judgement.</summary>
public sealed record CaseFileItemView(
    CaseFileReviewItem Item, string Reference, DateTimeOffset ReportedAt, string Area, IReadOnlyList<string> Characteristics,
    string? OpeningCode, string? FinalisingCode, string? Outcome, IncidentStatus Status, bool? Deployed, DateTimeOffset? ReviewedAt, string Circumstances);

public sealed record CaseFileReport(CaseFileReview Review, IReadOnlyList<CaseFileItemView> Items, IReadOnlyList<StageErrorRate> Stages)
{
    public int Judged => Items.Count(i => i.Item.JudgedAt is not null);
}

public sealed record CaseFileReviewSummary(int Id, DateTimeOffset CreatedAt, string CreatedBy, int Seed, int Size, int Judged, int ItemsWithAnError);

/// <summary>
/// Case-file reviews (issue 3 item 10): a random sample of a force's finalised incidents, judged stage by stage as HMICFRS did
/// in its review of 120 cases (ten or so per force), with error rates per stage. The seed is stored, so the same seed over the
/// same finalised incidents draws the same sample.
/// </summary>
public sealed class CaseFileReviewService(EvenhandDbContext db)
{
    public const int DefaultSampleSize = 10;
    public const int MaxSampleSize = 100;

    public static IReadOnlyList<string> StageNames { get; } = ["Recording", "Assessment", "Review", "Finalisation"];

    /// <summary>
    /// Picks <paramref name="size"/> ids from <paramref name="candidateIds"/> (all of them if there are fewer), by a partial
    /// Fisher–Yates shuffle of the ids in ascending order driven by <paramref name="seed"/>. Pure, so it repeats exactly.
    /// </summary>
    public static IReadOnlyList<int> Sample(IEnumerable<int> candidateIds, int size, int seed)
    {
        var ids = candidateIds.Distinct().Order().ToArray();
        var rng = new Random(seed);
        var take = Math.Min(size, ids.Length);
        for (var i = 0; i < take; i++)
        {
            var j = rng.Next(i, ids.Length);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }

        return ids[..take];
    }

    public async Task<CaseFileReview> DrawAsync(int forceId, DrawSampleOptions options, ProcessContext ctx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ctx);
        if (options.Size is < 1 or > MaxSampleSize)
        {
            throw new DomainRuleException($"Choose a sample of between 1 and {MaxSampleSize} incidents (the inspection reviewed about {DefaultSampleSize} per force).");
        }

        if (options.Seed is < 0)
        {
            throw new DomainRuleException("The seed must be a whole number of 0 or more.");
        }

        var candidates = await db.HateIncidents.AsNoTracking()
            .Where(i => i.ForceId == forceId && i.Status == IncidentStatus.Finalised)
            .Select(i => i.Id)
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            throw new DomainRuleException("There are no finalised incidents to sample yet.");
        }

        var seed = options.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var picked = Sample(candidates, options.Size, seed);
        return await db.InTransactionAsync(async ct =>
        {
            var review = new CaseFileReview
            {
                ForceId = forceId,
                CreatedAt = ctx.Now,
                CreatedBy = ctx.UserName,
                Seed = seed,
                Items = picked.Select(id => new CaseFileReviewItem { HateIncidentId = id }).ToList(),
            };
            db.CaseFileReviews.Add(review);
            await db.SaveChangesAsync(ct);
            var references = await db.HateIncidents.Where(i => picked.Contains(i.Id)).Select(i => i.Reference).OrderBy(r => r).ToListAsync(ct);
            AuditLog.Record(db, ctx, "Created", nameof(CaseFileReview), review.Id, forceId, after: new
            {
                review.Seed,
                Requested = options.Size,
                Sampled = picked.Count,
                FinalisedIncidents = candidates.Count,
                References = references,
            });
            await db.SaveChangesAsync(ct);
            return review;
        }, ct);
    }

    public async Task<IReadOnlyList<CaseFileReviewSummary>> ListAsync(int forceId, CancellationToken ct = default) =>
        await db.CaseFileReviews.AsNoTracking()
            .Where(r => r.ForceId == forceId)
            .OrderByDescending(r => r.Id)
            .Select(r => new CaseFileReviewSummary(
                r.Id, r.CreatedAt, r.CreatedBy, r.Seed, r.Items.Count,
                r.Items.Count(i => i.JudgedAt != null),
                r.Items.Count(i => i.RecordingCorrect == false || i.AssessmentCorrect == false || i.ReviewCorrect == false || i.FinalisationCorrect == false)))
            .ToListAsync(ct);

    /// <summary>The review with its sampled incidents and error rates; <see cref="NotFoundException"/> for another force's review.</summary>
    public async Task<CaseFileReport> GetAsync(int forceId, int reviewId, CancellationToken ct = default)
    {
        var review = await db.CaseFileReviews.AsNoTracking()
            .Include(r => r.Items)
            .SingleOrDefaultAsync(r => r.Id == reviewId && r.ForceId == forceId, ct)
            ?? throw new NotFoundException("There is no such case-file review.");
        var ids = review.Items.Select(i => i.HateIncidentId).ToList();
        var incidents = await db.HateIncidents.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new
            {
                i.Id, i.Reference, i.ReportedAt, i.Area, i.Characteristics, i.OpeningCode, i.FinalisingCode,
                Outcome = i.Classification, i.Status, i.Deployed, i.ReviewedAt, i.Circumstances,
            })
            .ToDictionaryAsync(i => i.Id, ct);
        var items = review.Items
            .OrderBy(i => i.Id)
            .Select(i =>
            {
                var x = incidents[i.HateIncidentId];
                return new CaseFileItemView(i, x.Reference, x.ReportedAt, x.Area, x.Characteristics, x.OpeningCode, x.FinalisingCode,
                    x.Outcome, x.Status, x.Deployed, x.ReviewedAt, x.Circumstances);
            })
            .ToList();
        return new CaseFileReport(review, items, ErrorRates(review.Items));
    }

    /// <summary>Errors and items judged at each stage (recording, assessment, review, finalisation).</summary>
    public static IReadOnlyList<StageErrorRate> ErrorRates(IReadOnlyCollection<CaseFileReviewItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        StageErrorRate Rate(string stage, Func<CaseFileReviewItem, bool?> judged) =>
            new(stage, items.Count(i => judged(i) is not null), items.Count(i => judged(i) == false));
        return
        [
            Rate(StageNames[0], i => i.RecordingCorrect),
            Rate(StageNames[1], i => i.AssessmentCorrect),
            Rate(StageNames[2], i => i.ReviewCorrect),
            Rate(StageNames[3], i => i.FinalisationCorrect),
        ];
    }

    /// <summary>Records the auditor's judgement of one sampled incident. An error at any stage needs a note saying what was wrong.</summary>
    public async Task<CaseFileReviewItem> JudgeAsync(int forceId, int reviewId, int itemId, StageJudgement judgement, ProcessContext ctx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        ArgumentNullException.ThrowIfNull(ctx);
        var item = await db.Set<CaseFileReviewItem>()
            .SingleOrDefaultAsync(i => i.Id == itemId && i.CaseFileReviewId == reviewId
                && db.CaseFileReviews.Any(r => r.Id == reviewId && r.ForceId == forceId), ct)
            ?? throw new NotFoundException("There is no such incident in this case-file review.");

        // Items have no version column: the judgement time read by the auditor stands in for one.
        if (item.JudgedAt?.UtcTicks != judgement.ExpectedJudgedAt?.UtcTicks)
        {
            throw new ConcurrencyConflictException();
        }

        var notes = string.IsNullOrWhiteSpace(judgement.Notes) ? null : judgement.Notes.Trim();
        if (notes is null && (judgement.Recording == false || judgement.Assessment == false || judgement.Review == false || judgement.Finalisation == false))
        {
            throw new DomainRuleException("Say in the notes what was wrong at each stage you judged to be in error.");
        }

        var notesLimit = TextLimit.Of<CaseFileReviewItem>(nameof(CaseFileReviewItem.Notes));
        if (notes?.Length > notesLimit)
        {
            throw new DomainRuleException($"Keep the notes to {notesLimit:N0} characters or fewer.");
        }

        var before = Snapshot(item);
        item.RecordingCorrect = judgement.Recording;
        item.AssessmentCorrect = judgement.Assessment;
        item.ReviewCorrect = judgement.Review;
        item.FinalisationCorrect = judgement.Finalisation;
        item.Notes = notes;
        item.JudgedBy = ctx.UserName;
        item.JudgedAt = ctx.Now;
        await db.SaveAuditedAsync(item, "Judged", new AuditShape<CaseFileReviewItem>(nameof(CaseFileReviewItem), i => i.Id, _ => forceId, Snapshot), before, ctx, ct);
        return item;
    }

    private static object Snapshot(CaseFileReviewItem i) => new
    {
        i.CaseFileReviewId,
        i.HateIncidentId,
        i.RecordingCorrect,
        i.AssessmentCorrect,
        i.ReviewCorrect,
        i.FinalisationCorrect,
        i.Notes,
        i.JudgedBy,
        i.JudgedAt,
    };
}

using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.SocialMedia.Datasets;

/// <summary>A reviewer's verdict on one sampled post, with the version of the item they saw.</summary>
public sealed record DipReview(int ItemId, Guid Version, DipVerdict Verdict);

/// <summary>One sampled post to show a reviewer.</summary>
public sealed record DipSampleItemView(int ItemId, Guid Version, int Seq, string PostId, string Handle, DateTimeOffset PostedAt, string Text,
    long Engagement, bool ClassifiedNonOperational, DipVerdict? Verdict, string? ReviewedBy);

/// <summary>Draws dip samples and records reviewers' verdicts (report annex: "a dip sample of 200 posts per keyword").</summary>
public sealed class DipSampleService(EvenhandDbContext db)
{
    public const string StaleReview = "Someone else marked some of these posts after you opened the page. Nothing was saved; reload the page to see their marks.";

    /// <summary>
    /// Draws up to <paramref name="size"/> posts at random from the dataset's posts that contain <paramref name="keyword"/>.
    /// The same seed gives the same sample.
    /// </summary>
    public async Task<DipSample> DrawAsync(int datasetId, string keyword, int size, int? seed, ProcessContext ctx, CancellationToken ct = default)
    {
        var dataset = await db.SocialDatasets.SingleOrDefaultAsync(d => d.Id == datasetId, ct) ?? throw new NotFoundException("There is no such dataset.");
        if (dataset.Status != DatasetStatus.Ready)
        {
            throw new DomainRuleException("Samples can be drawn only from a dataset that has been imported.");
        }

        if (size is < 1 or > DipSample.MaxSize)
        {
            throw new DomainRuleException($"Give a sample size from 1 to {DipSample.MaxSize:N0} posts (the annex used {DipSample.DefaultSize}).");
        }

        var word = (keyword ?? "").Trim().ToLowerInvariant();
        var lexicon = dataset.Lexicon();
        var topic = lexicon.Topics.FirstOrDefault(t => t.Keywords.Contains(word));
        var operational = lexicon.Operational.FirstOrDefault(t => t.Keywords.Contains(word));
        if (topic is null && operational is null)
        {
            throw new DomainRuleException($"'{keyword}' is not a keyword of this dataset's lexicon. Choose one from the list.");
        }

        if (topic is null)
        {
            throw new DomainRuleException($"'{word}' is an operational keyword ({operational!.Name}). Dip samples check the topic keywords, which are what make a post non-operational.");
        }

        if (await db.DipSamples.AnyAsync(s => s.DatasetId == datasetId && s.Keyword == word, ct))
        {
            throw new DomainRuleException($"A sample for '{word}' has already been drawn from this dataset. Review that one, or delete it to draw again.");
        }

        var seqs = await db.SocialPostKeywords.Where(k => k.DatasetId == datasetId && k.Keyword == word).Select(k => k.Seq).OrderBy(s => s).ToListAsync(ct);
        if (seqs.Count == 0)
        {
            throw new DomainRuleException($"No post in this dataset contains '{word}', so there is nothing to sample.");
        }

        var usedSeed = seed ?? Random.Shared.Next(1, int.MaxValue);
        var chosen = Choose(seqs, size, usedSeed);
        var flags = await db.SocialPosts.Where(p => p.DatasetId == datasetId && chosen.Contains(p.Seq)).Select(p => new { p.Seq, p.NonOperational }).ToDictionaryAsync(p => p.Seq, p => p.NonOperational, ct);
        var sample = new DipSample
        {
            DatasetId = datasetId,
            Keyword = word,
            Group = topic.Name,
            IsTopic = true,
            PostsWithKeyword = seqs.Count,
            Seed = usedSeed,
            CreatedBy = ctx.UserName,
            CreatedAt = ctx.Now,
        };
        foreach (var s in chosen.Order())
        {
            sample.Items.Add(new DipSampleItem { DatasetId = datasetId, Seq = s, ClassifiedNonOperational = flags[s] });
        }

        db.DipSamples.Add(sample);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, ctx, "social-dip-sample.drawn", nameof(DipSample), sample.Id, dataset.ForceId, after: new { word, Size = sample.Items.Count, Seed = usedSeed });
        await db.SaveChangesAsync(ct);
        return sample;
    }

    /// <summary>A partial Fisher–Yates shuffle: <paramref name="size"/> distinct items, each subset equally likely.</summary>
    internal static List<int> Choose(List<int> items, int size, int seed)
    {
        var random = new Random(seed);
        var copy = items.ToArray();
        var n = Math.Min(size, copy.Length);
        for (var i = 0; i < n; i++)
        {
            var j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy[..n].ToList();
    }

    /// <summary>Records verdicts. An item changed by someone else since the reviewer loaded it refuses the whole save.</summary>
    public async Task<int> ReviewAsync(int sampleId, IReadOnlyList<DipReview> reviews, ProcessContext ctx, CancellationToken ct = default)
    {
        var ids = reviews.Select(r => r.ItemId).ToList();
        var items = await db.DipSampleItems.Where(i => i.DipSampleId == sampleId && ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var changed = 0;
        foreach (var review in reviews)
        {
            if (!items.TryGetValue(review.ItemId, out var item))
            {
                throw new NotFoundException("A post in the review is not part of this sample.");
            }

            if (item.Verdict == review.Verdict)
            {
                continue;
            }

            if (item.Version != review.Version)
            {
                throw new ConcurrencyConflictException(StaleReview);
            }

            item.Review(review.Verdict, ctx);
            changed++;
        }

        if (changed > 0)
        {
            var forceId = await db.DipSamples.Where(s => s.Id == sampleId).Join(db.SocialDatasets, s => s.DatasetId, d => d.Id, (s, d) => d.ForceId).SingleAsync(ct);
            AuditLog.Record(db, ctx, "social-dip-sample.reviewed", nameof(DipSample), sampleId, forceId, after: new { Reviewed = changed });
            await db.SaveOrConflictAsync(ct, StaleReview);
        }

        return changed;
    }

    public async Task<(DipSample Sample, List<DipSampleItemView> Items, int Total)> PageAsync(int sampleId, int page, int pageSize, bool unreviewedOnly, CancellationToken ct = default)
    {
        var sample = await db.DipSamples.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sampleId, ct) ?? throw new NotFoundException("There is no such sample.");
        var query = db.DipSampleItems.AsNoTracking().Where(i => i.DipSampleId == sampleId);
        if (unreviewedOnly)
        {
            query = query.Where(i => i.Verdict == null);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(i => i.Seq).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Join(db.SocialPosts, i => new { i.DatasetId, i.Seq }, p => new { p.DatasetId, p.Seq }, (i, p) => new { i, p })
            .Join(db.SocialAccounts, x => x.p.AccountRowId, a => a.Id, (x, a) => new DipSampleItemView(
                x.i.Id, x.i.Version, x.i.Seq, x.p.PostId, a.Handle, x.p.PostedAt, x.p.Text, x.p.Engagement, x.i.ClassifiedNonOperational, x.i.Verdict, x.i.ReviewedBy))
            .ToListAsync(ct);
        return (sample, items.OrderBy(i => i.Seq).ToList(), total);
    }

    /// <summary>Every sample of a dataset with its items' classifications and verdicts, as the precision table needs them.</summary>
    public async Task<DipPrecisionTable> PrecisionAsync(int datasetId, CancellationToken ct = default)
    {
        var samples = await db.DipSamples.AsNoTracking().Where(s => s.DatasetId == datasetId).OrderBy(s => s.Keyword).ToListAsync(ct);
        var items = await db.DipSampleItems.AsNoTracking().Where(i => i.DatasetId == datasetId)
            .Select(i => new { i.DipSampleId, i.ClassifiedNonOperational, i.Verdict }).ToListAsync(ct);
        var byId = items.ToLookup(i => i.DipSampleId);
        return DipPrecision.Table(samples.Select(s => new DipSampleTally(s.Id, s.Keyword, s.Group, s.IsTopic, s.PostsWithKeyword,
            byId[s.Id].Select(i => (i.ClassifiedNonOperational, i.Verdict)).ToList())).ToList());
    }

    public async Task DeleteAsync(int sampleId, ProcessContext ctx, CancellationToken ct = default)
    {
        var sample = await db.DipSamples.SingleOrDefaultAsync(s => s.Id == sampleId, ct) ?? throw new NotFoundException("There is no such sample.");
        var forceId = await db.SocialDatasets.Where(d => d.Id == sample.DatasetId).Select(d => d.ForceId).SingleAsync(ct);
        db.DipSamples.Remove(sample);
        AuditLog.Record(db, ctx, "social-dip-sample.deleted", nameof(DipSample), sample.Id, forceId, before: new { sample.Keyword });
        await db.SaveChangesAsync(ct);
    }
}

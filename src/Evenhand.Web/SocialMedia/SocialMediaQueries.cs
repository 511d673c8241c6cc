using Evenhand.Data;
using Evenhand.SocialMedia.Datasets;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.SocialMedia;

/// <summary>Which posts of a dataset to list: by class ("operational" / "non-operational"), topic (its bit), keyword and account handle.</summary>
public sealed record PostFilter(bool? NonOperational = null, int? TopicIndex = null, string? Keyword = null, string? Handle = null);

/// <summary>One post as the posts list and CSV show it.</summary>
public sealed record PostRow(int Seq, string PostId, string AccountId, string Handle, DateTimeOffset PostedAt, string Text, long Likes, long Reposts,
    long Quotes, long Replies, long? Impressions, long Engagement, bool IsRepost, string? OriginalAuthor, bool NonOperational, int Topics);

public sealed record PostPage(IReadOnlyList<PostRow> Items, int Total, int Page, int Pages);

/// <summary>A dip sample with how far its review has got.</summary>
public sealed record SampleSummary(int Id, string Keyword, string Group, bool IsTopic, int PostsWithKeyword, int Seed, string CreatedBy,
    DateTimeOffset CreatedAt, int Sampled, int Reviewed);

/// <summary>One sampled post with its verdict, for the sample's CSV.</summary>
public sealed record SampleItemRow(int Seq, string PostId, string Handle, DateTimeOffset PostedAt, long Engagement, bool ClassifiedNonOperational,
    DipVerdict? Verdict, string? ReviewedBy, DateTimeOffset? ReviewedAt, string Text);

/// <summary>
/// The read side of the social media pages: posts lists and exports straight from the database (datasets are large, so
/// lists are paged and exports streamed, never loaded whole). Changes go through <see cref="SocialDatasetService"/> and
/// <see cref="DipSampleService"/>.
/// </summary>
public static class SocialMediaQueries
{
    public static IQueryable<SocialPost> FilteredPosts(this EvenhandDbContext db, int datasetId, PostFilter filter)
    {
        var posts = db.SocialPosts.AsNoTracking().Where(p => p.DatasetId == datasetId);
        if (filter.NonOperational is { } nonOperational)
        {
            posts = posts.Where(p => p.NonOperational == nonOperational);
        }

        if (filter.TopicIndex is { } topic)
        {
            var bit = 1 << topic;
            posts = posts.Where(p => (p.Topics & bit) != 0);
        }

        if (!string.IsNullOrEmpty(filter.Keyword))
        {
            var keyword = filter.Keyword;
            var seqs = db.SocialPostKeywords.Where(k => k.DatasetId == datasetId && k.Keyword == keyword).Select(k => k.Seq);
            posts = posts.Where(p => seqs.Contains(p.Seq));
        }

        if (!string.IsNullOrWhiteSpace(filter.Handle))
        {
            var handle = filter.Handle.Trim().TrimStart('@').ToLowerInvariant();
            var accounts = db.SocialAccounts.Where(a => a.DatasetId == datasetId && a.Handle.ToLower().Contains(handle)).Select(a => a.Id);
            posts = posts.Where(p => accounts.Contains(p.AccountRowId));
        }

        return posts;
    }

    private static IQueryable<PostRow> WithAccounts(this EvenhandDbContext db, IQueryable<SocialPost> posts) =>
        posts.Join(db.SocialAccounts.AsNoTracking(), p => p.AccountRowId, a => a.Id, (p, a) => new PostRow(p.Seq, p.PostId, a.AccountId, a.Handle, p.PostedAt, p.Text,
            p.Likes, p.Reposts, p.Quotes, p.Replies, p.Impressions, p.Engagement, p.IsRepost, p.OriginalAuthor, p.NonOperational, p.Topics));

    /// <summary>One page of posts, most engagement first.</summary>
    public static async Task<PostPage> PostPageAsync(this EvenhandDbContext db, int datasetId, PostFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var query = db.FilteredPosts(datasetId, filter);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pages);
        var items = await db.WithAccounts(query.OrderByDescending(p => p.Engagement).ThenBy(p => p.Seq).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(ct);
        return new PostPage(items.OrderByDescending(p => p.Engagement).ThenBy(p => p.Seq).ToList(), total, page, pages);
    }

    /// <summary>Every post of the dataset in file order, read row by row as the caller consumes them.</summary>
    public static IAsyncEnumerable<PostRow> StreamPosts(this EvenhandDbContext db, int datasetId) =>
        (from p in db.SocialPosts.AsNoTracking().Where(p => p.DatasetId == datasetId)
         join a in db.SocialAccounts.AsNoTracking() on p.AccountRowId equals a.Id
         orderby p.Seq
         select new PostRow(p.Seq, p.PostId, a.AccountId, a.Handle, p.PostedAt, p.Text, p.Likes, p.Reposts, p.Quotes, p.Replies, p.Impressions,
             p.Engagement, p.IsRepost, p.OriginalAuthor, p.NonOperational, p.Topics)).AsAsyncEnumerable();

    public static Task<List<SocialAccount>> AccountsAsync(this EvenhandDbContext db, int datasetId, CancellationToken ct) =>
        db.SocialAccounts.AsNoTracking().Where(a => a.DatasetId == datasetId).OrderBy(a => a.Handle).ToListAsync(ct);

    public static async Task<List<SampleSummary>> SamplesAsync(this EvenhandDbContext db, int datasetId, CancellationToken ct)
    {
        var samples = await db.DipSamples.AsNoTracking().Where(s => s.DatasetId == datasetId)
            .Select(s => new SampleSummary(s.Id, s.Keyword, s.Group, s.IsTopic, s.PostsWithKeyword, s.Seed, s.CreatedBy, s.CreatedAt,
                s.Items.Count, s.Items.Count(i => i.Verdict != null)))
            .ToListAsync(ct);
        return samples.OrderByDescending(s => s.IsTopic).ThenBy(s => s.Keyword, StringComparer.Ordinal).ToList();
    }

    public static async Task<List<SampleItemRow>> SampleItemsAsync(this EvenhandDbContext db, int sampleId, CancellationToken ct)
    {
        var rows = await db.DipSampleItems.AsNoTracking().Where(i => i.DipSampleId == sampleId)
            .Join(db.SocialPosts, i => new { i.DatasetId, i.Seq }, p => new { p.DatasetId, p.Seq }, (i, p) => new { i, p })
            .Join(db.SocialAccounts, x => x.p.AccountRowId, a => a.Id, (x, a) => new SampleItemRow(x.i.Seq, x.p.PostId, a.Handle, x.p.PostedAt, x.p.Engagement,
                x.i.ClassifiedNonOperational, x.i.Verdict, x.i.ReviewedBy, x.i.ReviewedAt, x.p.Text))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Seq).ToList();
    }
}

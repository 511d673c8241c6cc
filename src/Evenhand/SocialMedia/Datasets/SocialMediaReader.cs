using System.Globalization;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.SocialMedia;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.SocialMedia.Datasets;

/// <summary>Which posts of a dataset to list: by class ("operational" / "non-operational"), topic (its bit), keyword and account handle.</summary>
public sealed record PostFilter(bool? NonOperational = null, int? TopicIndex = null, string? Keyword = null, string? Handle = null);

/// <summary>One post as the posts list and CSV show it.</summary>
public sealed record PostListRow(int Seq, string PostId, string AccountId, string Handle, DateTimeOffset PostedAt, string Text, long Likes, long Reposts,
    long Quotes, long Replies, long? Impressions, long Engagement, bool IsRepost, string? OriginalAuthor, bool NonOperational, int Topics);

/// <summary>Where a post stands in the posts list (most engagement first, ties in file order), as a link carries it: "engagement.seq".</summary>
public readonly record struct PostKey(long Engagement, int Seq)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Engagement}.{Seq}");

    public static PostKey? Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && long.TryParse(text.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e)
            && int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? new PostKey(e, s)
            : null;
    }
}

/// <summary>A dip sample with how far its review has got.</summary>
public sealed record SampleSummary(int Id, string Keyword, string Group, bool IsTopic, int PostsWithKeyword, int Seed, string CreatedBy,
    DateTimeOffset CreatedAt, int Sampled, int Reviewed);

/// <summary>One sampled post with its verdict, for the sample's CSV.</summary>
public sealed record SampleItemRow(int Seq, string PostId, string Handle, DateTimeOffset PostedAt, long Engagement, bool ClassifiedNonOperational,
    DipVerdict? Verdict, string? ReviewedBy, DateTimeOffset? ReviewedAt, string Text);

/// <summary>
/// The read side of social media, the one way the pages reach the database: the datasets of a scope, one dataset within
/// its scope, posts lists and exports (datasets are large, so lists are paged and exports streamed, never loaded whole),
/// dip samples and accounts. Changes go through <see cref="SocialDatasetService"/> and <see cref="DipSampleService"/>.
/// </summary>
public sealed class SocialMediaReader(EvenhandDbContext db)
{
    /// <summary>
    /// The datasets of a force (<paramref name="forceId"/>), or with null every dataset — the national ones and every
    /// force's — national first, then by force name, newest first within each.
    /// </summary>
    public async Task<List<SocialDataset>> DatasetsAsync(int? forceId, CancellationToken ct)
    {
        var query = db.SocialDatasets.AsNoTracking().Include(d => d.Force).AsQueryable();
        if (forceId is { } id)
        {
            query = query.Where(d => d.ForceId == id);
        }

        var datasets = await query.ToListAsync(ct);
        return datasets.OrderBy(d => d.ForceId is null ? 0 : 1).ThenBy(d => d.Force?.Name, StringComparer.Ordinal).ThenByDescending(d => d.Id).ToList();
    }

    /// <summary>
    /// The dataset with this id when it belongs to the scope (<paramref name="forceId"/>, or null for the national datasets);
    /// otherwise null, so a guessed id never reaches another scope's dataset.
    /// </summary>
    public Task<SocialDataset?> DatasetInScopeAsync(int id, int? forceId, CancellationToken ct) =>
        db.SocialDatasets.AsNoTracking().Include(d => d.Force).Where(d => d.Id == id && d.ForceId == forceId).SingleOrDefaultAsync(ct);

    /// <summary>Whether the dip sample belongs to the dataset.</summary>
    public Task<bool> SampleInDatasetAsync(int sampleId, int datasetId, CancellationToken ct) =>
        db.DipSamples.AnyAsync(s => s.Id == sampleId && s.DatasetId == datasetId, ct);

    /// <summary>The keyword a dip sample was drawn for.</summary>
    public Task<string> SampleKeywordAsync(int sampleId, CancellationToken ct) =>
        db.DipSamples.Where(s => s.Id == sampleId).Select(s => s.Keyword).SingleAsync(ct);

    /// <summary>
    /// Every post of the dataset in file order, handed to <paramref name="write"/> as the database returns them, once and
    /// never retried: a retry cannot take back rows already sent, and a retrying strategy would read every row into memory
    /// before handing over the first.
    /// </summary>
    public Task StreamPostsOnceAsync(int datasetId, Func<IAsyncEnumerable<PostListRow>, CancellationToken, Task> write, CancellationToken ct) =>
        db.OnceAsync(c => write(StreamPosts(datasetId), c), ct);

    /// <summary>
    /// Above this many posts a keyword's or an account's posts are listed by walking the dataset's engagement order and
    /// keeping the matching posts; up to it, they are read through their own index and put in order here. Walking costs about
    /// page size × posts ÷ matches index entries, reading costs one entry per match: this bounds both, whatever the data.
    /// </summary>
    public const int CandidateLimit = 5_000;

    /// <summary>The posts of a dataset that match the class, topic and keyword filters (the account filter is applied by the caller).</summary>
    private IQueryable<SocialPost> Narrow(IQueryable<SocialPost> posts, int datasetId, PostFilter filter, bool byKeyword)
    {
        if (filter.NonOperational is { } nonOperational)
        {
            posts = posts.Where(p => p.NonOperational == nonOperational);
        }

        if (filter.TopicIndex is { } topic)
        {
            var bit = 1 << topic;
            posts = posts.Where(p => (p.Topics & bit) != 0);
        }

        if (!byKeyword && !string.IsNullOrEmpty(filter.Keyword))
        {
            var keyword = filter.Keyword;
            var seqs = db.SocialPostKeywords.Where(k => k.DatasetId == datasetId && k.Keyword == keyword).Select(k => k.Seq);
            posts = posts.Where(p => seqs.Contains(p.Seq));
        }

        return posts;
    }

    private IQueryable<PostListRow> WithAccounts(IQueryable<SocialPost> posts) =>
        posts.Join(db.SocialAccounts.AsNoTracking(), p => p.AccountRowId, a => a.Id, (p, a) => new PostListRow(p.Seq, p.PostId, a.AccountId, a.Handle, p.PostedAt, p.Text,
            p.Likes, p.Reposts, p.Quotes, p.Replies, p.Impressions, p.Engagement, p.IsRepost, p.OriginalAuthor, p.NonOperational, p.Topics));

    /// <summary>The accounts whose handle contains the text typed (any case, with or without the @), with how many posts each has.</summary>
    private async Task<List<(int Id, long Posts)>> MatchingAccountsAsync(int datasetId, string typed, CancellationToken ct)
    {
        var handle = typed.Trim().TrimStart('@').ToLowerInvariant();
        var rows = await db.SocialAccounts.AsNoTracking().Where(a => a.DatasetId == datasetId && a.Handle.ToLower().Contains(handle))
            .Select(a => new { a.Id, a.Posts }).ToListAsync(ct);
        return rows.Select(a => (a.Id, a.Posts)).ToList();
    }

    /// <summary>
    /// How many posts match, from the counts the import kept with the dataset (its analysis and each account's post count),
    /// when they answer the filter exactly; null when they do not (an account with a topic, say).
    /// </summary>
    private static long? KeptCount(SocialDataset dataset, SocialAnalysisReport? report, PostFilter filter, IReadOnlyList<(int Id, long Posts)>? accounts)
    {
        var topics = dataset.Lexicon().Topics;
        if (accounts is not null)
        {
            return filter.NonOperational is null && filter.TopicIndex is null && filter.Keyword is null ? accounts.Sum(a => a.Posts) : null;
        }

        if (report is null)
        {
            return null;
        }

        var c = report.Classification;
        long? Split(long all, long nonOperational) => filter.NonOperational switch
        {
            true => nonOperational,
            false => all - nonOperational,
            null => all,
        };
        if (filter.Keyword is { } keyword)
        {
            if (filter.TopicIndex is not null)
            {
                return null;
            }

            return c.ByKeyword.TryGetValue(keyword, out var k) ? Split(k.Posts, k.NonOperational) : 0;
        }

        if (filter.TopicIndex is { } t)
        {
            var name = topics[t].Name;
            return c.CandidatesByTopic.TryGetValue(name, out var all) ? Split(all, c.ByTopic.GetValueOrDefault(name)) : 0;
        }

        return Split(dataset.PostCount, c.NonOperational);
    }

    /// <summary>
    /// One page of posts, most engagement first (ties in file order), read by key (<see cref="PostKey"/>): the same cost for
    /// the first page, the last and any between. The total comes from the counts kept with the dataset; where they cannot
    /// answer a combination of filters it is counted, through the same narrow path as the page.
    /// </summary>
    public async Task<KeysetPage<PostListRow>> PostPageAsync(SocialDataset dataset, PostFilter filter, PageRequest<PostKey> request,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(request);
        var id = dataset.Id;
        var accounts = string.IsNullOrWhiteSpace(filter.Handle) ? null : await MatchingAccountsAsync(id, filter.Handle, ct);
        if (accounts is { Count: 0 })
        {
            return KeysetPage.Empty<PostListRow>(request.Size);
        }

        var report = dataset.Analysis();
        var total = KeptCount(dataset, report, filter, accounts);
        long? keywordPosts = filter.Keyword is { } kw && report is not null ? report.Classification.ByKeyword.GetValueOrDefault(kw)?.Posts ?? 0 : null;
        List<PostKey> keys;
        if (accounts is not null && accounts.Sum(a => a.Posts) <= CandidateLimit)
        {
            // A few accounts' posts, through the account index (no dataset term, so no other index is tempting).
            var ids = accounts.Select(a => a.Id).ToList();
            var all = await Narrow(db.SocialPosts.AsNoTracking().Where(p => ids.Contains(p.AccountRowId)), id, filter, byKeyword: false)
                .Select(p => new PostKey(p.Engagement, p.Seq)).ToListAsync(ct);
            total ??= all.Count;
            keys = InOrder(all, request, total);
        }
        else if (accounts is null && keywordPosts is { } kp && kp <= CandidateLimit)
        {
            // A keyword's few posts: from the keyword index, each post looked up by primary key (a subquery, so the posts
            // cannot be scanned first), null where it does not match the other filters.
            var keyword = filter.Keyword!;
            var posts = Narrow(db.SocialPosts.AsNoTracking(), id, filter, byKeyword: true);
            var found = await db.SocialPostKeywords.AsNoTracking().Where(k => k.DatasetId == id && k.Keyword == keyword)
                .Select(k => new { k.Seq, Engagement = posts.Where(p => p.DatasetId == k.DatasetId && p.Seq == k.Seq).Select(p => (long?)p.Engagement).FirstOrDefault() })
                .ToListAsync(ct);
            var all = found.Where(r => r.Engagement is not null).Select(r => new PostKey(r.Engagement!.Value, r.Seq)).ToList();
            total ??= all.Count;
            keys = InOrder(all, request, total);
        }
        else
        {
            // Walk the dataset's engagement index, keeping the posts that match.
            var posts = db.SocialPosts.AsNoTracking().Where(p => p.DatasetId == id);
            if (accounts is not null)
            {
                var ids = accounts.Select(a => a.Id).ToList();
                posts = posts.Where(p => ids.Contains(p.AccountRowId));
            }

            posts = Narrow(posts, id, filter, byKeyword: false);
            total ??= await CountAsync(id, filter, accounts, ct);
            keys = await After(posts, request).Select(p => new PostKey(p.Engagement, p.Seq)).Take(request.Take(total)).ToListAsync(ct);
        }

        var seqs = keys.Select(k => k.Seq).ToList();
        var rows = (await WithAccounts(db.SocialPosts.AsNoTracking().Where(p => p.DatasetId == id && seqs.Contains(p.Seq))).ToListAsync(ct))
            .ToDictionary(r => r.Seq);
        return KeysetPage.From(request, keys.Where(k => rows.ContainsKey(k.Seq)).Select(k => rows[k.Seq]).ToList(), total);
    }

    /// <summary>
    /// Counts a combination of filters the kept counts cannot answer (an account and a class, topic or keyword; a topic and a
    /// keyword): through the accounts' index, or from the keyword's rows, never over the whole dataset.
    /// </summary>
    private Task<long> CountAsync(int id, PostFilter filter, IReadOnlyList<(int Id, long Posts)>? accounts, CancellationToken ct)
    {
        if (accounts is not null)
        {
            var ids = accounts.Select(a => a.Id).ToList();
            return Narrow(db.SocialPosts.AsNoTracking().Where(p => ids.Contains(p.AccountRowId)), id, filter, byKeyword: false).LongCountAsync(ct);
        }

        if (filter.Keyword is not { } keyword)
        {
            return Narrow(db.SocialPosts.AsNoTracking().Where(p => p.DatasetId == id), id, filter, byKeyword: false).LongCountAsync(ct);
        }

        // From the keyword's rows, each post looked up by key (the posts inside EXISTS, so they cannot be scanned first).
        var posts = Narrow(db.SocialPosts.AsNoTracking(), id, filter, byKeyword: true);
        return db.SocialPostKeywords.AsNoTracking().Where(k => k.DatasetId == id && k.Keyword == keyword)
            .LongCountAsync(k => posts.Any(p => p.DatasetId == k.DatasetId && p.Seq == k.Seq), ct);
    }

    /// <summary>Orders a query by engagement (most first, ties in file order), or the other way for a page read backwards, from the request's key.</summary>
    private static IQueryable<SocialPost> After(IQueryable<SocialPost> posts, PageRequest<PostKey> request)
    {
        if (request.Key is { } k)
        {
            posts = request.From == PageFrom.After
                ? posts.Where(p => p.Engagement <= k.Engagement && (p.Engagement < k.Engagement || p.Seq > k.Seq))
                : posts.Where(p => p.Engagement >= k.Engagement && (p.Engagement > k.Engagement || p.Seq < k.Seq));
        }

        return request.Backwards
            ? posts.OrderBy(p => p.Engagement).ThenByDescending(p => p.Seq)
            : posts.OrderByDescending(p => p.Engagement).ThenBy(p => p.Seq);
    }

    /// <summary>The same as <see cref="After"/>, for keys already read.</summary>
    private static List<PostKey> InOrder(List<PostKey> all, PageRequest<PostKey> request, long? total)
    {
        IEnumerable<PostKey> keys = all;
        if (request.Key is { } k)
        {
            keys = request.From == PageFrom.After
                ? keys.Where(p => p.Engagement < k.Engagement || (p.Engagement == k.Engagement && p.Seq > k.Seq))
                : keys.Where(p => p.Engagement > k.Engagement || (p.Engagement == k.Engagement && p.Seq < k.Seq));
        }

        keys = request.Backwards ? keys.OrderBy(p => p.Engagement).ThenByDescending(p => p.Seq) : keys.OrderByDescending(p => p.Engagement).ThenBy(p => p.Seq);
        return keys.Take(request.Take(total)).ToList();
    }

    /// <summary>Every post of the dataset in file order, read row by row as the caller consumes them.</summary>
    public IAsyncEnumerable<PostListRow> StreamPosts(int datasetId) =>
        (from p in db.SocialPosts.AsNoTracking().Where(p => p.DatasetId == datasetId)
         join a in db.SocialAccounts.AsNoTracking() on p.AccountRowId equals a.Id
         orderby p.Seq
         select new PostListRow(p.Seq, p.PostId, a.AccountId, a.Handle, p.PostedAt, p.Text, p.Likes, p.Reposts, p.Quotes, p.Replies, p.Impressions,
             p.Engagement, p.IsRepost, p.OriginalAuthor, p.NonOperational, p.Topics)).AsAsyncEnumerable();

    public Task<List<SocialAccount>> AccountsAsync(int datasetId, CancellationToken ct) =>
        db.SocialAccounts.AsNoTracking().Where(a => a.DatasetId == datasetId).OrderBy(a => a.Handle).ToListAsync(ct);

    public async Task<List<SampleSummary>> SamplesAsync(int datasetId, CancellationToken ct)
    {
        var samples = await db.DipSamples.AsNoTracking().Where(s => s.DatasetId == datasetId)
            .Select(s => new SampleSummary(s.Id, s.Keyword, s.Group, s.IsTopic, s.PostsWithKeyword, s.Seed, s.CreatedBy, s.CreatedAt,
                s.Items.Count, s.Items.Count(i => i.Verdict != null)))
            .ToListAsync(ct);
        return samples.OrderByDescending(s => s.IsTopic).ThenBy(s => s.Keyword, StringComparer.Ordinal).ToList();
    }

    public async Task<List<SampleItemRow>> SampleItemsAsync(int sampleId, CancellationToken ct)
    {
        var rows = await db.DipSampleItems.AsNoTracking().Where(i => i.DipSampleId == sampleId)
            .Join(db.SocialPosts, i => new { i.DatasetId, i.Seq }, p => new { p.DatasetId, p.Seq }, (i, p) => new { i, p })
            .Join(db.SocialAccounts, x => x.p.AccountRowId, a => a.Id, (x, a) => new SampleItemRow(x.i.Seq, x.p.PostId, a.Handle, x.p.PostedAt, x.p.Engagement,
                x.i.ClassifiedNonOperational, x.i.Verdict, x.i.ReviewedBy, x.i.ReviewedAt, x.p.Text))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Seq).ToList();
    }
}

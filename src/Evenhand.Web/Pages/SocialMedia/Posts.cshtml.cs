using Evenhand.Data;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.SocialMedia;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Evenhand.Web.SocialMedia.SocialMediaFormat;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>A dataset's posts, most engagement first, 25 a page, filtered by class, topic, keyword and account; and every post as CSV, streamed.</summary>
public sealed class PostsModel(EvenhandDbContext db, IAuthorizationService authz, TimeProvider time) : SocialMediaPageModel(db, authz, time)
{
    public const int PageSize = 25;

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>"operational" or "non-operational"; anything else is every post.</summary>
    [FromQuery(Name = "class")] public string? Class { get; set; }
    [FromQuery(Name = "topic")] public string? Topic { get; set; }
    [FromQuery(Name = "keyword")] public string? Keyword { get; set; }
    [FromQuery(Name = "handle")] public string? Handle { get; set; }

    public override string Title => $"Posts – {Dataset.Name}";

    public PostPage Results { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<Evenhand.SocialMedia.LexiconGroup> Topics { get; private set; } = [];

    public IReadOnlyList<string> Keywords { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Dataset.Status != DatasetStatus.Ready)
        {
            return Redirect(DatasetUrl());
        }

        var filter = Filter();
        if (ModelState.IsValid)
        {
            Results = await Db.PostPageAsync(Dataset.Id, filter, PageNumber, PageSize, ct);
        }

        return Page();
    }

    /// <summary>Every post of the dataset, in file order, written to the response as it is read.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (Dataset.Status != DatasetStatus.Ready)
        {
            return NotFound();
        }

        var topics = Dataset.Lexicon().Topics;
        // Once, never retried: a retry cannot take back rows already sent, and a retrying strategy would read every row into
        // memory before sending the first.
        await Db.OnceAsync(ct => Infrastructure.Csv.StreamAsync(Response, $"social-media-{Dataset.Id}-posts.csv", Db.StreamPosts(Dataset.Id), p => new
        {
            seq = p.Seq, post_id = p.PostId, account_id = p.AccountId, handle = p.Handle, posted_at = Iso(p.PostedAt),
            likes = p.Likes, reposts = p.Reposts, quotes = p.Quotes, replies = p.Replies, impressions = p.Impressions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            engagement = p.Engagement, is_repost = p.IsRepost, original_author = p.OriginalAuthor ?? "",
            classification = p.NonOperational ? "non-operational" : "operational", topics = SocialMediaFormat.Topics(p.Topics, topics), text = p.Text,
        }, ct), ct);
        return new EmptyResult();
    }

    private PostFilter Filter()
    {
        var lexicon = Dataset.Lexicon();
        Topics = lexicon.Topics;
        Keywords = lexicon.Topics.Concat(lexicon.Operational).SelectMany(g => g.Keywords).Order(StringComparer.Ordinal).ToList();
        bool? nonOperational = Class switch { "operational" => false, "non-operational" => true, _ => null };
        int? topic = null;
        if (!string.IsNullOrEmpty(Topic))
        {
            var index = Topics.Select(t => t.Name).ToList().IndexOf(Topic);
            if (index < 0)
            {
                ModelState.AddModelError(nameof(Topic), "Choose a topic from the list");
            }
            else
            {
                topic = index;
            }
        }

        var keyword = string.IsNullOrWhiteSpace(Keyword) ? null : Keyword.Trim().ToLowerInvariant();
        if (keyword is not null && !Keywords.Contains(keyword))
        {
            ModelState.AddModelError(nameof(Keyword), $"'{Keyword}' is not a keyword of this dataset's lexicon. Choose one from the list");
        }

        return new PostFilter(nonOperational, topic, keyword, string.IsNullOrWhiteSpace(Handle) ? null : Handle);
    }

    public string PageUrl(int page)
    {
        var q = new List<string>();
        if (!string.IsNullOrEmpty(Class)) q.Add("class=" + Uri.EscapeDataString(Class));
        if (!string.IsNullOrEmpty(Topic)) q.Add("topic=" + Uri.EscapeDataString(Topic));
        if (!string.IsNullOrEmpty(Keyword)) q.Add("keyword=" + Uri.EscapeDataString(Keyword));
        if (!string.IsNullOrEmpty(Handle)) q.Add("handle=" + Uri.EscapeDataString(Handle));
        q.Add("page=" + page);
        return DatasetUrl("posts") + "?" + string.Join("&", q);
    }
}

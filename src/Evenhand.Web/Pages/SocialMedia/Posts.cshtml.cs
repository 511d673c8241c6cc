using Evenhand.Common;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Evenhand.Web.Pages.SocialMedia.SocialMediaFormat;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>
/// A dataset's posts, most engagement first, 25 a page, filtered by class, topic, keyword and account; and every post as CSV,
/// streamed. Pages are read by key (<c>after</c>, <c>before</c>, <c>last</c>; see <see cref="PostKey"/>), so the last page of
/// 857,000 posts costs what the first does.
/// </summary>
public sealed class PostsModel(SocialMediaReader reader, ForceScopeFilter forces, IAuthorizationService authz, TimeProvider time) : SocialMediaPageModel(reader, forces, authz, time)
{
    public const int PageSize = 25;

    /// <summary>The page number to show (carried in the links).</summary>
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "after")] public string? After { get; set; }
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "last")] public bool Last { get; set; }

    /// <summary>"operational" or "non-operational"; anything else is every post.</summary>
    [FromQuery(Name = "class")] public string? Class { get; set; }
    [FromQuery(Name = "topic")] public string? Topic { get; set; }
    [FromQuery(Name = "keyword")] public string? Keyword { get; set; }
    [FromQuery(Name = "handle")] public string? Handle { get; set; }

    public override string Title => $"Posts – {Dataset.Name}";

    public KeysetPage<PostListRow> Results { get; private set; } = KeysetPage.Empty<PostListRow>(PageSize);

    public PageLinks Links { get; private set; } = null!;

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
            Results = await Reader.PostPageAsync(Dataset, filter, PageRequest.Parse(After, Before, Last, PageNumber, PageSize, PostKey.Parse), ct);
        }

        Links = PageLinks.For(Results, p => new PostKey(p.Engagement, p.Seq).ToString(), ListUrl, Request.Path + Request.QueryString);

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
        // Once, never retried: a retry cannot take back rows already sent.
        await Reader.StreamPostsOnceAsync(Dataset.Id, (rows, ct) => Infrastructure.Csv.StreamAsync(Response, $"social-media-{Dataset.Id}-posts.csv", rows, p => new
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

    /// <summary>This list with its filters and <paramref name="paging"/> (<c>after=…&amp;page=…</c>, or nothing for the first page).</summary>
    public string ListUrl(string paging) => PageLinks.Join(DatasetUrl("posts"),
        PageLinks.Part("class", Class), PageLinks.Part("topic", Topic), PageLinks.Part("keyword", Keyword), PageLinks.Part("handle", Handle), paging);
}

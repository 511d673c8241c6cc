using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.ReviewQueue;

/// <summary>
/// The specialist review queue (every NCHI; immediate-risk ones after deployment), the review due soonest first, a page at a
/// time; and the other work falling due — subjects to tell, replies to answer, retention reviews and systems to purge — as
/// counts with the first few of each, each kind paged on its own (<c>?kind=tell-subject</c>). Nothing on the page grows
/// with the force's caseload.
/// </summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, TimeProvider time) : EvenhandPageModel
{
    public const int PageSize = 25;

    /// <summary>How many of each other kind of work the queue page shows before "See all".</summary>
    public const int FirstFew = 10;

    public static IReadOnlyList<(DueWorkKind Kind, string Heading, string Step)> OtherWork { get; } =
    [
        (DueWorkKind.TellSubject, "Subjects to tell", "subject-notification"),
        (DueWorkKind.ReplyToSubject, "Subjects' replies to answer", "subject-notification"),
        (DueWorkKind.RetentionReview, "Retention reviews due", "delete-personal-data"),
        (DueWorkKind.Purge, "Systems to purge", "delete-personal-data"),
    ];

    /// <summary>One kind of other work to list on its own (its key, e.g. "tell-subject"); none: the queue and a summary of the rest.</summary>
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "after")] public string? After { get; set; }
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "last")] public bool Last { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public KeysetPage<HateIncident> Queue { get; private set; } = KeysetPage.Empty<HateIncident>(PageSize);
    public PageLinks QueueLinks { get; private set; } = null!;
    public IReadOnlyDictionary<DueWorkKind, DueWorkCount> Counts { get; private set; } = new Dictionary<DueWorkKind, DueWorkCount>();

    /// <summary>The first few of each other kind of work (on the queue page), or a page of the one kind asked for.</summary>
    public IReadOnlyDictionary<DueWorkKind, KeysetPage<DueWorkItem>> Due { get; private set; } = new Dictionary<DueWorkKind, KeysetPage<DueWorkItem>>();

    /// <summary>The kind listed on its own, when one is.</summary>
    public (DueWorkKind Kind, string Heading, string Step)? Only { get; private set; }
    public PageLinks? OnlyLinks { get; private set; }
    public ForceHatePolicy Policy { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Policy = await policies.GetAsync(Force.Id, ct);
        Counts = (await incidents.DueWorkCountsAsync(Force.Id, Now, ct)).ToDictionary(c => c.Kind);
        if (!string.IsNullOrEmpty(Kind))
        {
            if (OtherWork.FirstOrDefault(w => DueWorkItem.KindKey(w.Kind) == Kind) is not { Heading: not null } only)
            {
                return NotFound();
            }

            Only = only;
            var page = await incidents.DueWorkPageAsync(Force.Id, only.Kind, PageRequest.Parse(After, Before, Last, PageNumber, PageSize, DueKey.Parse), Now, Counts[only.Kind].Count, ct);
            Due = new Dictionary<DueWorkKind, KeysetPage<DueWorkItem>> { [only.Kind] = page };
            OnlyLinks = PageLinks.For(page, d => DueKey.Of(d).ToString(), ListUrl, Request.Path + Request.QueryString);
            return Page();
        }

        // Every count was just made (Counts): the pages are not counted again.
        Queue = await incidents.ReviewQueuePageAsync(Force.Id, PageRequest.Parse(After, Before, Last, PageNumber, PageSize, IncidentKey.Parse), Counts[DueWorkKind.Review].Count, ct);
        QueueLinks = PageLinks.For(Queue, i => new IncidentKey(i.ReviewDueAt ?? default, i.Id).ToString(), ListUrl, Request.Path + Request.QueryString);
        var due = new Dictionary<DueWorkKind, KeysetPage<DueWorkItem>>();
        foreach (var (kind, _, _) in OtherWork)
        {
            due[kind] = Counts[kind].Count == 0 ? KeysetPage.Empty<DueWorkItem>(FirstFew)
                : await incidents.DueWorkPageAsync(Force.Id, kind, PageRequest.First<DueKey>(FirstFew), Now, Counts[kind].Count, ct);
        }

        Due = due;
        return Page();
    }

    public string QueueUrl => $"{HateIncidentPages.Base(Force.Slug)}/review-queue";

    public string KindUrl(DueWorkKind kind) => $"{QueueUrl}?kind={DueWorkItem.KindKey(kind)}";

    /// <summary>This page (with the kind listed on its own, if any) and <paramref name="paging"/>.</summary>
    public string ListUrl(string paging) => PageLinks.Join(QueueUrl, PageLinks.Part("kind", Kind), paging);
}

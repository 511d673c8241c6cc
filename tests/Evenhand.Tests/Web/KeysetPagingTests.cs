using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Evenhand.Accounts;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.Web;

/// <summary>
/// Lists paged by key (issue 12, point 6), walked as a user walks them: by the pagination's links only. With many rows
/// sharing a sort value, every row appears exactly once going forwards, and again going backwards from the last page; the
/// filters stay in every link, and the page numbers shown add up. On SQLite and PostgreSQL. Each test has a force (or a
/// record type) of its own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KeysetPagingTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly DateTimeOffset Now = TestClock.Now;

    // ---------------------------------------------------------------- walking pages

    private sealed record Walk(List<string> Rows, List<IHtmlDocument> Pages, List<string> Links);

    /// <summary>Follows "next" (or "previous") from <paramref name="url"/> until there is none, collecting each page's rows.</summary>
    private static async Task<Walk> WalkAsync(PageClient client, string url, string rowSelector, string rowAttribute, bool backwards = false)
    {
        var walk = new Walk([], [], []);
        for (var hops = 0; hops < 100; hops++)
        {
            var page = await client.GetPageAsync(url);
            walk.Pages.Add(page);
            var rows = page.QuerySelectorAll(rowSelector).Select(r => r.GetAttribute(rowAttribute) ?? r.TextContent.Trim()).ToList();
            walk.Rows.InsertRange(backwards ? 0 : walk.Rows.Count, rows);
            var link = page.QuerySelector(backwards ? ".govuk-pagination__prev a" : ".govuk-pagination__next a")?.GetAttribute("href");
            if (link is null)
            {
                return walk;
            }

            walk.Links.Add(link);
            url = link;
        }

        throw new InvalidOperationException("More than 100 pages: the links go round in a circle.");
    }

    private static string LastLink(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-pagination__item a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("last=true", StringComparison.Ordinal));

    private static string Current(IHtmlDocument page) => page.QuerySelector(".govuk-pagination__item--current a")!.TextContent.Trim();

    // ---------------------------------------------------------------- hate incidents

    private static HateIncident Incident(int forceId, string reference, DateTimeOffset reported, string area, string? outcome, IncidentStatus status) =>
        IncidentRows.New()
            .Set(i => i.ForceId, forceId)
            .Set(i => i.Reference, reference)
            .Set(i => i.ReportedAt, reported)
            .Set(i => i.OccurredAt, reported.AddHours(-1))
            .Set(i => i.Area, area)
            .Set(i => i.Circumstances, "Paging test " + reference)
            .Set(i => i.Characteristics, ["race"])
            .Set(i => i.Status, status)
            .Set(i => i.AssessedAt, outcome is null ? null : reported.AddHours(1))
            .Set(i => i.Assessment, outcome is null ? null : new IncidentAssessment { Outcome = outcome, SpecialistReview = "required", PerceivedHostility = true })
            .Set(i => i.Classification, outcome);

    /// <summary>
    /// 90 incidents in <paramref name="slug"/> reported at only three instants: 30 awaiting review, all due at the same moment;
    /// 30 NCHIs with the subject's data, all due their retention review on the same day; 30 hate crimes. Areas "North Ward",
    /// "South Ward" and "Centre" in turn.
    /// </summary>
    private static async Task<int> SeedIncidentsAsync(EvenhandApp app, string slug)
    {
        await using var db = app.CreateDbContext();
        var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync();
        if (await db.HateIncidents.AnyAsync(i => i.ForceId == forceId))
        {
            return forceId;
        }

        string[] areas = ["North Ward", "South Ward", "Centre"];
        var instants = new[] { Now.AddDays(-3), Now.AddDays(-2), Now.AddDays(-1) }.Select(t => new DateTimeOffset(t.Year, t.Month, t.Day, 10, 0, 0, TimeSpan.Zero)).ToArray();
        var reviewDue = Now.AddHours(-2);
        var retentionDue = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-5);
        for (var n = 0; n < 90; n++)
        {
            var kind = n % 3;
            var incident = Incident(forceId, $"KP-{slug[..2].ToUpperInvariant()}-{n:D3}", instants[n % instants.Length], areas[(n / 3) % areas.Length],
                kind switch { 0 => "nchi", 1 => "nchi-with-personal-data", _ => "hate-crime" },
                kind == 0 ? IncidentStatus.AwaitingReview : IncidentStatus.Finalised);
            if (kind == 0)
            {
                incident.Set(i => i.ReviewDueAt, reviewDue);
            }
            else if (kind == 1)
            {
                incident.Set(i => i.RetentionReviewDueOn, retentionDue).Set(i => i.SubjectToldAt, instants[0]);
                incident.AddRows(i => i.People, new IncidentPerson { Role = PersonRole.Subject, Name = $"Subject {n}", DateOfBirth = new DateOnly(1980, 1, 1) });
            }

            db.HateIncidents.Add(incident);
        }

        await db.SaveChangesAsync();
        return forceId;
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task IncidentList_WithTiesInReportTime_ShowsEachIncidentOnce_ForwardsAndBackFromTheLastPage(string provider)
    {
        var app = apps.Get(provider);
        const string slug = "wiltshire";
        var forceId = await SeedIncidentsAsync(app, slug);
        using var specialist = await app.SignedInAsNewUserAsync(Roles.HateCrimeSpecialist, slug);
        List<string> expected;
        await using (var db = app.CreateDbContext())
        {
            expected = (await db.HateIncidents.Where(i => i.ForceId == forceId).Select(i => new { i.Reference, i.ReportedAt, i.Id }).ToListAsync())
                .OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id).Select(i => i.Reference).ToList();
        }

        var forwards = await WalkAsync(specialist, $"/forces/{slug}/hate-incidents", "#incidents tbody th a", "data-none");
        Assert.Equal(expected, forwards.Rows);
        Assert.Equal(4, forwards.Pages.Count); // 25 + 25 + 25 + 15
        Assert.Equal(["1", "2", "3", "4"], forwards.Pages.Select(Current));
        Assert.All(forwards.Pages, p => Assert.Contains("90 incidents", p.QuerySelector("#incident-count")!.TextContent, StringComparison.Ordinal));

        var last = LastLink(forwards.Pages[0]);
        var backwards = await WalkAsync(specialist, last, "#incidents tbody th a", "data-none", backwards: true);
        Assert.Equal(expected, backwards.Rows);
        Assert.Equal(["4", "3", "2", "1"], backwards.Pages.Select(Current));
        Assert.Equal(15, backwards.Pages[0].QuerySelectorAll("#incidents tbody tr").Length);
        Assert.Null(backwards.Pages[0].QuerySelector(".govuk-pagination__next"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task IncidentList_Filtered_KeepsItsFiltersInEveryLink_AndListsOnlyWhatMatches(string provider)
    {
        var app = apps.Get(provider);
        const string slug = "wiltshire";
        var forceId = await SeedIncidentsAsync(app, slug);
        using var specialist = await app.SignedInAsNewUserAsync(Roles.HateCrimeSpecialist, slug);
        List<(string Reference, string Area, IncidentStatus Status, DateTimeOffset ReportedAt, int Id)> all;
        await using (var db = app.CreateDbContext())
        {
            all = (await db.HateIncidents.Where(i => i.ForceId == forceId).Select(i => new { i.Reference, i.Area, i.Status, i.ReportedAt, i.Id }).ToListAsync())
                .Select(i => (i.Reference, i.Area, i.Status, i.ReportedAt, i.Id)).OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id).ToList();
        }

        // "ward" names two of the three areas (any case): 60 incidents, three pages.
        var byArea = await WalkAsync(specialist, $"/forces/{slug}/hate-incidents?area=WARD", "#incidents tbody th a", "data-none");
        Assert.Equal(all.Where(i => i.Area.Contains("Ward", StringComparison.Ordinal)).Select(i => i.Reference), byArea.Rows);
        Assert.Equal(3, byArea.Pages.Count);
        Assert.All(byArea.Links, l => Assert.Contains("area=WARD", l, StringComparison.Ordinal));

        var awaiting = await WalkAsync(specialist, $"/forces/{slug}/hate-incidents?status=AwaitingReview&area=north", "#incidents tbody th a", "data-none");
        Assert.Equal(all.Where(i => i.Status == IncidentStatus.AwaitingReview && i.Area == "North Ward").Select(i => i.Reference), awaiting.Rows);

        var overdue = await WalkAsync(specialist, $"/forces/{slug}/hate-incidents?overdue=true", "#incidents tbody th a", "data-none");
        Assert.Equal(all.Where(i => i.Status == IncidentStatus.AwaitingReview).Select(i => i.Reference), overdue.Rows);
        Assert.All(overdue.Links, l => Assert.Contains("overdue=true", l, StringComparison.Ordinal));
        var lastOverdue = await specialist.GetPageAsync(LastLink(overdue.Pages[0]));
        Assert.Contains("overdue=true", LastLink(overdue.Pages[0]), StringComparison.Ordinal);
        Assert.Equal(overdue.Rows.TakeLast(5), lastOverdue.QuerySelectorAll("#incidents tbody th a").Select(a => a.TextContent.Trim()));

        // A reference typed in full finds that incident; part of one finds every incident containing it.
        var one = await specialist.GetPageAsync($"/forces/{slug}/hate-incidents?reference={all[10].Reference.ToLowerInvariant()}");
        Assert.Equal([all[10].Reference], one.QuerySelectorAll("#incidents tbody th a").Select(a => a.TextContent.Trim()));
        var part = await WalkAsync(specialist, $"/forces/{slug}/hate-incidents?reference=-01", "#incidents tbody th a", "data-none");
        Assert.Equal(all.Where(i => i.Reference.Contains("-01", StringComparison.Ordinal)).Select(i => i.Reference), part.Rows);

        // An area that is not one of the force's: nothing, and no error.
        var none = await specialist.GetPageAsync($"/forces/{slug}/hate-incidents?area=nowhere");
        Assert.Empty(none.QuerySelectorAll("#incidents tbody tr"));
        Assert.StartsWith("0 incidents", none.QuerySelector("#incident-count")!.TextContent.Trim(), StringComparison.Ordinal);

        // A mangled key gives the first page, not an error.
        var mangled = await specialist.GetPageAsync($"/forces/{slug}/hate-incidents?after=not-a-key&page=7");
        Assert.Equal(all.Take(25).Select(i => i.Reference), mangled.QuerySelectorAll("#incidents tbody th a").Select(a => a.TextContent.Trim()));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ReviewQueue_WithEveryReviewDueAtTheSameMoment_PagesThroughEachOnce_AndEachKindOfOtherWorkPagesOnItsOwn(string provider)
    {
        var app = apps.Get(provider);
        const string slug = "wiltshire";
        var forceId = await SeedIncidentsAsync(app, slug);
        using var specialist = await app.SignedInAsNewUserAsync(Roles.HateCrimeSpecialist, slug);
        List<string> queue, retention;
        await using (var db = app.CreateDbContext())
        {
            queue = await db.HateIncidents.Where(i => i.ForceId == forceId && i.Status == IncidentStatus.AwaitingReview).OrderBy(i => i.Id).Select(i => i.Reference).ToListAsync();
            retention = await db.HateIncidents.Where(i => i.ForceId == forceId && i.RetentionReviewDueOn != null).OrderBy(i => i.Id).Select(i => i.Reference).ToListAsync();
        }

        var first = await specialist.GetPageAsync($"/forces/{slug}/hate-incidents/review-queue");
        Assert.StartsWith("30 NCHIs awaiting review, 30 overdue", first.QuerySelector("#queue-summary")!.TextContent.Trim(), StringComparison.Ordinal);
        var walked = await WalkAsync(specialist, $"/forces/{slug}/hate-incidents/review-queue", "#review-queue tbody th a", "data-none");
        Assert.Equal(queue, walked.Rows.Select(r => r.Replace(": review", "", StringComparison.Ordinal)));

        // The queue page shows the first few of the other work and a count; the kind's own page has them all, paged.
        Assert.Contains("Retention reviews due (30, 30 overdue)", first.QuerySelector("#retention-review-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, first.QuerySelectorAll("#retention-review tbody tr").Length);
        var all = first.QuerySelector("#retention-review-all")!.GetAttribute("href")!;
        var kind = await WalkAsync(specialist, all, "#retention-review tbody th a", "data-none");
        Assert.Equal(retention, kind.Rows);
        Assert.All(kind.Links, l => Assert.Contains("kind=retention-review", l, StringComparison.Ordinal));
        var back = await WalkAsync(specialist, LastLink(kind.Pages[0]), "#retention-review tbody th a", "data-none", backwards: true);
        Assert.Equal(retention, back.Rows);

        // Hate crimes are never in the Code's work, however many there are.
        Assert.DoesNotContain(first.QuerySelectorAll("#tell-subject tbody th a, #retention-review tbody th a").Select(a => a.TextContent.Trim()),
            r => int.Parse(r[^3..], CultureInfo.InvariantCulture) % 3 == 2);
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"/forces/{slug}/hate-incidents/review-queue?kind=no-such-kind")).StatusCode);
    }

    // ---------------------------------------------------------------- posts

    /// <summary>
    /// 130 posts from three accounts with only five engagement values, so most posts tie with others; every fifth mentions
    /// Pride (a topic keyword), and none says anything operational.
    /// </summary>
    private static async Task<int> ImportPostsAsync(EvenhandApp app, string slug, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"evenhand-keyset-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var accounts = Path.Combine(folder, "accounts.csv");
            var posts = Path.Combine(folder, "posts.csv");
            await File.WriteAllTextAsync(accounts,
                "account_id,handle,full_name,description,followers,total_posts,created_at,location,verified,url,force,account_type\n" +
                $"k1,KeysetMain,Main,Main account,1000,100,,,false,,{slug},main\n" +
                $"k2,KeysetRoads,Roads,Roads unit,500,100,,,false,,{slug},team\n" +
                $"k3,KeysetNetwork,Network,Staff network,100,100,,,false,,{slug},network\n");
            var csv = new StringBuilder("post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,original_author\n");
            int[] engagement = [0, 3, 3, 7, 50];
            for (var n = 1; n <= 130; n++)
            {
                var text = n % 5 == 0 ? "Happy Pride everyone" : "Thank you to everyone who came to the open day";
                csv.Append(CultureInfo.InvariantCulture, $"q{n:D3},k{(n % 3) + 1},2023-01-{(n % 28) + 1:D2}T09:00:00Z,\"{text}\",{engagement[n % engagement.Length]},0,0,0,false,\n");
            }

            await File.WriteAllTextAsync(posts, csv.ToString());
            using var scope = app.Services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<SocialDatasetService>();
            var db = scope.ServiceProvider.GetRequiredService<Evenhand.Data.EvenhandDbContext>();
            var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync();
            var ctx = new ProcessContext("test", "Paging test", TestClock.Now);
            var dataset = await service.CreateAsync(new DatasetUpload(name, forceId, accounts, posts, false), ctx);
            await service.ImportAsync(dataset.Id, DatasetFiles.FromPaths(accounts, posts), ctx);
            return dataset.Id;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Posts_WithTiesInEngagement_ShowEachPostOnce_ForwardsAndBack_WithAndWithoutFilters(string provider)
    {
        var app = apps.Get(provider);
        const string slug = "wiltshire";
        var id = await ImportPostsAsync(app, slug, $"Paging {Guid.NewGuid():N}"[..15]);
        using var comms = await app.SignedInAsNewUserAsync(Roles.Communications, slug);
        var url = $"/forces/{slug}/social-media/{id}/posts";
        List<(string PostId, long Engagement, int Seq, int Account, bool NonOperational)> posts;
        Dictionary<int, string> handles;
        await using (var db = app.CreateDbContext())
        {
            posts = (await db.SocialPosts.Where(p => p.DatasetId == id).Select(p => new { p.PostId, p.Engagement, p.Seq, p.AccountRowId, p.NonOperational }).ToListAsync())
                .OrderByDescending(p => p.Engagement).ThenBy(p => p.Seq).Select(p => (p.PostId, p.Engagement, p.Seq, p.AccountRowId, p.NonOperational)).ToList();
            handles = await db.SocialAccounts.Where(a => a.DatasetId == id).ToDictionaryAsync(a => a.Id, a => a.Handle);
        }

        Assert.Equal(130, posts.Count);
        var forwards = await WalkAsync(comms, url, "#post-list tbody tr", "data-post");
        Assert.Equal(posts.Select(p => p.PostId), forwards.Rows);
        Assert.Equal(6, forwards.Pages.Count);
        Assert.Contains("page 6 of 6", forwards.Pages[^1].QuerySelector("#post-count")!.TextContent, StringComparison.Ordinal);
        var backwards = await WalkAsync(comms, LastLink(forwards.Pages[0]), "#post-list tbody tr", "data-post", backwards: true);
        Assert.Equal(posts.Select(p => p.PostId), backwards.Rows);
        Assert.Equal(["6", "5", "4", "3", "2", "1"], backwards.Pages.Select(Current));

        // Filters: each kept in every link, each list exactly its posts.
        var pride = await WalkAsync(comms, url + "?keyword=pride", "#post-list tbody tr", "data-post");
        Assert.Equal(posts.Where(p => int.Parse(p.PostId[1..], CultureInfo.InvariantCulture) % 5 == 0).Select(p => p.PostId), pride.Rows);
        Assert.All(pride.Links, l => Assert.Contains("keyword=pride", l, StringComparison.Ordinal));
        Assert.StartsWith("26 posts", pride.Pages[0].QuerySelector("#post-count")!.TextContent.Trim(), StringComparison.Ordinal);

        var nonOperational = await WalkAsync(comms, url + "?class=non-operational", "#post-list tbody tr", "data-post");
        Assert.Equal(posts.Where(p => p.NonOperational).Select(p => p.PostId), nonOperational.Rows);
        Assert.NotEmpty(nonOperational.Rows);

        var main = handles.Single(h => h.Value.EndsWith("Main", StringComparison.Ordinal));
        var byHandle = await WalkAsync(comms, url + "?handle=keysetmain", "#post-list tbody tr", "data-post");
        Assert.Equal(posts.Where(p => p.Account == main.Key).Select(p => p.PostId), byHandle.Rows);
        Assert.All(byHandle.Links, l => Assert.Contains("handle=keysetmain", l, StringComparison.Ordinal));
        var lastOfHandle = await WalkAsync(comms, LastLink(byHandle.Pages[0]), "#post-list tbody tr", "data-post", backwards: true);
        Assert.Equal(byHandle.Rows, lastOfHandle.Rows);

        // A combination the kept counts cannot answer is counted.
        var combined = await comms.GetPageAsync(url + "?handle=keysetmain&keyword=pride");
        var expected = posts.Count(p => p.Account == main.Key && int.Parse(p.PostId[1..], CultureInfo.InvariantCulture) % 5 == 0);
        Assert.StartsWith($"{expected} post", combined.QuerySelector("#post-count")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task PostCounts_KeptWithTheDataset_AreThoseOfTheStoredPosts_ForEveryFilter(string provider)
    {
        var app = apps.Get(provider);
        const string slug = "wiltshire";
        var id = await ImportPostsAsync(app, slug, $"Counts {Guid.NewGuid():N}"[..15]);
        using var comms = await app.SignedInAsNewUserAsync(Roles.Communications, slug);
        var url = $"/forces/{slug}/social-media/{id}/posts";
        await using var db = app.CreateDbContext();
        var dataset = await db.SocialDatasets.SingleAsync(d => d.Id == id);
        var lexicon = dataset.Lexicon();

        async Task Check(string query, IQueryable<SocialPost> expected)
        {
            var page = await comms.GetPageAsync(url + query);
            var count = await expected.CountAsync();
            Assert.True(page.QuerySelector("#post-count")!.TextContent.Trim().StartsWith($"{count:N0} post", StringComparison.Ordinal), $"{query}: expected {count}");
        }

        var posts = db.SocialPosts.Where(p => p.DatasetId == id);
        await Check("", posts);
        await Check("?class=non-operational", posts.Where(p => p.NonOperational));
        await Check("?class=operational", posts.Where(p => !p.NonOperational));
        for (var t = 0; t < lexicon.Topics.Count; t++)
        {
            var bit = 1 << t;
            var topic = Uri.EscapeDataString(lexicon.Topics[t].Name);
            await Check($"?topic={topic}", posts.Where(p => (p.Topics & bit) != 0));
            await Check($"?topic={topic}&class=non-operational", posts.Where(p => (p.Topics & bit) != 0 && p.NonOperational));
            await Check($"?topic={topic}&class=operational", posts.Where(p => (p.Topics & bit) != 0 && !p.NonOperational));
        }

        foreach (var keyword in lexicon.Topics.SelectMany(t => t.Keywords).Take(3).Append("pride"))
        {
            var seqs = db.SocialPostKeywords.Where(k => k.DatasetId == id && k.Keyword == keyword).Select(k => k.Seq);
            await Check($"?keyword={keyword}", posts.Where(p => seqs.Contains(p.Seq)));
            await Check($"?keyword={keyword}&class=non-operational", posts.Where(p => seqs.Contains(p.Seq) && p.NonOperational));
        }

        foreach (var account in await db.SocialAccounts.Where(a => a.DatasetId == id).ToListAsync())
        {
            await Check($"?handle={Uri.EscapeDataString(account.Handle)}", posts.Where(p => p.AccountRowId == account.Id));
        }
    }

    // ---------------------------------------------------------------- audit log

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AuditLog_FilteredByRecordType_PagesNewestFirst_EachEntryOnce_AndKeepsItsFilters(string provider)
    {
        var app = apps.Get(provider);
        var type = $"PagingTest{Guid.NewGuid():N}"[..20];
        await using (var db = app.CreateDbContext())
        {
            var forceId = await db.Forces.Where(f => f.Slug == "wiltshire").Select(f => f.Id).SingleAsync();
            var at = TestClock.Now.AddMinutes(-5);
            for (var n = 0; n < 120; n++)
            {
                // Every entry at the same moment: the id orders them.
                db.AuditEntries.Add(new AuditEntry { At = at, UserId = "test", UserName = "paging@test.evenhand.test", ForceId = n % 2 == 0 ? forceId : null, EntityType = type, EntityId = (n % 7).ToString(CultureInfo.InvariantCulture), Action = "Updated" });
            }

            await db.SaveChangesAsync();
        }

        List<long> expected, wiltshire;
        await using (var db = app.CreateDbContext())
        {
            var forceId = await db.Forces.Where(f => f.Slug == "wiltshire").Select(f => f.Id).SingleAsync();
            expected = await db.AuditEntries.Where(a => a.EntityType == type).OrderByDescending(a => a.Id).Select(a => a.Id).ToListAsync();
            wiltshire = await db.AuditEntries.Where(a => a.EntityType == type && a.ForceId == forceId).OrderByDescending(a => a.Id).Select(a => a.Id).ToListAsync();
        }

        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var walk = await WalkAsync(admin, $"/admin/audit?type={type}", "#audit-entries tbody tr", "data-entry");
        Assert.Equal(expected.Select(i => i.ToString(CultureInfo.InvariantCulture)), walk.Rows);
        Assert.Equal(3, walk.Pages.Count); // 50 + 50 + 20
        Assert.All(walk.Links, l => Assert.Contains($"type={type}", l, StringComparison.Ordinal));
        var back = await WalkAsync(admin, LastLink(walk.Pages[0]), "#audit-entries tbody tr", "data-entry", backwards: true);
        Assert.Equal(walk.Rows, back.Rows);

        var oneForce = await WalkAsync(admin, $"/admin/audit?force=wiltshire&type={type}", "#audit-entries tbody tr", "data-entry");
        Assert.Equal(wiltshire.Select(i => i.ToString(CultureInfo.InvariantCulture)), oneForce.Rows);
        Assert.All(oneForce.Links, l => Assert.Contains("force=wiltshire", l, StringComparison.Ordinal));

        var record = await admin.GetPageAsync($"/admin/audit?type={type}&record=3");
        Assert.Equal(Enumerable.Range(0, 120).Count(n => n % 7 == 3), record.QuerySelectorAll("#audit-entries tbody tr").Length);
        Assert.Contains("Choose a force from the list", (await admin.GetPageAsync("/admin/audit?force=atlantis")).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- users

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task UsersList_PagesInEmailOrder_EachUserOnce_ForwardsAndBack_AndKeepsItsFilters(string provider)
    {
        var app = apps.Get(provider);
        var prefix = $"kpu{Guid.NewGuid():N}"[..12];
        await using (var db = app.CreateDbContext())
        {
            var forceId = await db.Forces.Where(f => f.Slug == "wiltshire").Select(f => f.Id).SingleAsync();
            // Added in an order unlike the email order; half of them in wiltshire.
            foreach (var n in Enumerable.Range(0, 120).OrderBy(n => (n * 37) % 120))
            {
                var email = $"{prefix}-{n:D3}@paging.evenhand.test";
                db.Users.Add(new EvenhandUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = $"Paging {n}", ForceId = n % 2 == 0 ? forceId : null, SecurityStamp = Guid.NewGuid().ToString("N"),
                });
            }

            await db.SaveChangesAsync();
        }

        var expected = Enumerable.Range(0, 120).Select(n => $"{prefix}-{n:D3}@paging.evenhand.test").ToList();
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var walk = await WalkAsync(admin, $"/admin/users?email={prefix}", "#users tbody tr", "data-email");
        Assert.Equal(expected, walk.Rows);
        Assert.Equal(3, walk.Pages.Count); // 50 + 50 + 20
        Assert.StartsWith("120 users, page 1 of 3", walk.Pages[0].QuerySelector("#users caption")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.All(walk.Links, l => Assert.Contains($"email={prefix}", l, StringComparison.Ordinal));
        var back = await WalkAsync(admin, LastLink(walk.Pages[0]), "#users tbody tr", "data-email", backwards: true);
        Assert.Equal(walk.Rows, back.Rows);
        Assert.Equal("3", Current(back.Pages[0]));

        var wiltshire = await WalkAsync(admin, $"/admin/users?force=wiltshire&email={prefix}", "#users tbody tr", "data-email");
        Assert.Equal(expected.Where((_, n) => n % 2 == 0), wiltshire.Rows);
        Assert.All(wiltshire.Links, l => Assert.Contains("force=wiltshire", l, StringComparison.Ordinal));
        var national = await WalkAsync(admin, $"/admin/users?force=none&email={prefix}", "#users tbody tr", "data-email");
        Assert.Equal(expected.Where((_, n) => n % 2 == 1), national.Rows);
        Assert.Contains("Choose a force from the list", (await admin.GetPageAsync("/admin/users?force=atlantis")).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }
}

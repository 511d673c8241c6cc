using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.SocialMedia;

/// <summary>
/// The social media pages on each provider: import through the upload page, the dashboard's figures against a small export
/// counted by hand, force scoping by URL and by dataset id, roles, bad files, dip samples and their precision, stale reviews,
/// CSV and the background import.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SocialMediaPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Domain = "demo.evenhand.test";
    private const string Comms = "comms.cheshire@" + Domain;
    private const string Base = "/forces/cheshire/social-media";

    // ---------------------------------------------------------------- the export (6 accounts, 40 posts)

    private const string AccountsCsv =
        "account_id,handle,full_name,description,followers,total_posts,created_at,location,verified,url,force,account_type\n" +
        "a1,CheshirePolice,Cheshire Police,Official account of Cheshire Constabulary,100000,5000,2010-01-01T00:00:00Z,Cheshire,true,https://x.com/CheshirePolice,cheshire,main\n" +
        "a2,CheshireRoads,Cheshire Roads Policing,Roads policing unit,20000,2000,2012-01-01T00:00:00Z,Cheshire,false,,cheshire,team\n" +
        "a3,CheshireChief,Chief Constable,Chief constable of Cheshire,5000,800,2015-01-01T00:00:00Z,Cheshire,true,,cheshire,individual\n" +
        "a4,CheshireLGBTNet,Cheshire Police LGBT+ Network,Staff network,1000,300,2016-01-01T00:00:00Z,Cheshire,false,,cheshire,network\n" +
        "a5,CheshireDogs,Cheshire Police Dogs,Our police dogs,3000,400,,Cheshire,false,,cheshire,\n" +
        "a6,CheshireCadets,Cheshire Volunteer Police Cadets,Young people learning about policing,0,50,,Cheshire,false,,cheshire,\n";

    /// <summary>
    /// 40 posts. Non-operational (a topic keyword and no operational keyword): p01–p08, of which gender and sexuality 5
    /// (p01–p05), race 2 (p06, p07), climate 1 (p08). Engagement: none 4 (p02, p07, p11, p12); 1–9 16; 10–99 10; 100–999 6;
    /// 1,000–9,999 2 (p39, p40); more than 10,000 2 (p05, a non-operational repost by the main account; p34, operational).
    /// 'pride' is in p01, p02 (non-operational) and p09 (with 'road', so operational). Years: 2021 13, 2022 15, 2023 12.
    /// </summary>
    private static readonly (string Id, string Account, string Date, string Text, int Likes, int Reposts, int Quotes, int Replies, bool Repost, string Original)[] Posts =
    [
        ("p01", "a4", "2021-06-12", "Proud to celebrate Pride month with colleagues", 8, 2, 1, 1, false, ""),
        ("p02", "a4", "2022-06-11", "Happy Pride everyone", 0, 0, 0, 0, false, ""),
        ("p03", "a4", "2023-05-17", "We stand against homophobia today", 3, 0, 0, 0, false, ""),
        ("p04", "a3", "2022-02-01", "Proud of our LGBTQ officers", 150, 0, 0, 0, false, ""),
        ("p05", "a1", "2023-06-30", "RT Transgender awareness week", 12000, 3000, 0, 0, true, "SomeCharity"),
        ("p06", "a3", "2021-10-01", "Black History Month: celebrating diversity", 5, 0, 0, 0, false, ""),
        ("p07", "a4", "2022-10-20", "Racism has no place here", 0, 0, 0, 0, false, ""),
        ("p08", "a2", "2023-01-15", "Our climate pledge", 40, 0, 0, 0, false, ""),
        ("p09", "a1", "2022-06-10", "Pride parade road closures on Saturday", 10, 5, 2, 3, false, ""),
        ("p10", "a1", "2021-03-03", "Appeal for witnesses after racist abuse in Chester", 300, 0, 0, 0, false, ""),
        ("p11", "a2", "2021-01-05", "Road closed after collision on the A556", 0, 0, 0, 0, false, ""),
        ("p12", "a5", "2022-03-03", "Dogs training day", 0, 0, 0, 0, false, ""),
        ("p13", "a1", "2021-02-10", "Missing person appeal: have you seen Sam?", 4, 0, 0, 0, false, ""),
        ("p14", "a1", "2021-04-11", "Scam advice for older people", 7, 0, 0, 0, false, ""),
        ("p15", "a2", "2021-05-12", "Traffic collision on the M6 motorway", 9, 0, 0, 0, false, ""),
        ("p16", "a2", "2021-07-13", "Diversion in place after collision", 1, 0, 0, 0, false, ""),
        ("p17", "a3", "2021-08-14", "Visited the custody suite today", 2, 0, 0, 0, false, ""),
        ("p18", "a5", "2021-09-15", "Burglary prevention tips", 6, 0, 0, 0, false, ""),
        ("p19", "a6", "2021-11-16", "Cadets helped at the safety fair", 3, 0, 0, 0, false, ""),
        ("p20", "a6", "2022-01-17", "Cadets volunteer at the food bank", 8, 0, 0, 0, false, ""),
        ("p21", "a1", "2022-04-18", "Man arrested and charged", 5, 0, 0, 0, false, ""),
        ("p22", "a2", "2022-05-19", "Motorway closure overnight", 2, 0, 0, 0, false, ""),
        ("p23", "a5", "2022-07-20", "Police dogs searched for missing walker", 9, 0, 0, 0, false, ""),
        ("p24", "a1", "2022-08-21", "Fraud warning: secure your accounts", 1, 0, 0, 0, false, ""),
        ("p25", "a3", "2023-02-22", "Apply now for careers in policing", 4, 0, 0, 0, false, ""),
        ("p26", "a2", "2023-03-23", "Congestion on the ring road", 6, 0, 0, 0, false, ""),
        ("p27", "a1", "2021-12-01", "Join our specials", 10, 0, 0, 0, false, ""),
        ("p28", "a1", "2022-09-02", "Wanted: can you help us find this man?", 55, 0, 0, 0, false, ""),
        ("p29", "a2", "2022-11-03", "CCTV appeal after collision", 99, 0, 0, 0, false, ""),
        ("p30", "a3", "2023-04-04", "Court: burglar jailed", 30, 0, 0, 0, false, ""),
        ("p31", "a5", "2023-07-05", "Dogs lock onto suspect", 25, 0, 0, 0, false, ""),
        ("p32", "a1", "2023-08-06", "Witness appeal after assault", 60, 0, 0, 0, false, ""),
        ("p33", "a2", "2023-09-07", "Road safety week", 15, 0, 0, 0, false, ""),
        ("p34", "a2", "2023-10-08", "Road closed: motorway collision", 20000, 5000, 0, 0, false, ""),
        ("p35", "a1", "2022-12-09", "Sentenced to six years", 500, 0, 0, 0, false, ""),
        ("p36", "a2", "2023-11-10", "Footage released of dangerous driving", 999, 0, 0, 0, false, ""),
        ("p37", "a3", "2022-03-11", "Warrant executed in Crewe", 100, 0, 0, 0, false, ""),
        ("p38", "a1", "2023-12-20", "Remanded in custody", 250, 0, 0, 0, false, ""),
        ("p39", "a3", "2021-06-01", "Convicted after long investigation, information from the public helped", 2000, 0, 0, 0, false, ""),
        ("p40", "a1", "2022-10-01", "Arrest after national appeal", 5000, 0, 0, 0, false, ""),
    ];

    private const string PostsHeader = "post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,original_author\n";

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string PostsCsv(params string[] extraLines)
    {
        var csv = new StringBuilder(PostsHeader);
        foreach (var p in Posts)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{p.Id},{p.Account},{p.Date}T09:00:00Z,{Quote(p.Text)},{p.Likes},{p.Reposts},{p.Quotes},{p.Replies},{(p.Repost ? "true" : "false")},{p.Original}\n");
        }

        foreach (var line in extraLines)
        {
            csv.Append(line).Append('\n');
        }

        return csv.ToString();
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    // ---------------------------------------------------------------- helpers

    /// <summary>Submits the upload form (its hidden fields, the given fields and the two files) like a browser.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(PageClient client, string home, string name, byte[] accounts, byte[] posts, bool strict = false,
        string accountsName = "accounts.csv", string postsName = "posts.csv")
    {
        var page = await client.GetPageAsync(home + "/import");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => (f.GetAttribute("action") ?? "").EndsWith("/import", StringComparison.Ordinal));
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        content.Add(new StringContent(name), "Name");
        if (strict)
        {
            content.Add(new StringContent("true"), "Strict");
        }

        foreach (var (field, fileName, bytes) in new[] { ("AccountsFile", accountsName, accounts), ("PostsFile", postsName, posts) })
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(file, field, fileName);
        }

        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }

    /// <summary>Uploads the export and returns the new dataset's id (from the redirect to its page).</summary>
    private static async Task<int> ImportAsync(PageClient client, string name, string? posts = null, string home = Base)
    {
        var response = await UploadAsync(client, home, name, Bytes(AccountsCsv), Bytes(posts ?? PostsCsv()));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload returned {(int)response.StatusCode}: {await ErrorsAsync(response)}");
        return IdFrom(response);
    }

    private static int IdFrom(HttpResponseMessage redirect) =>
        int.Parse(redirect.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1], CultureInfo.InvariantCulture);

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent ?? "(no error summary)";

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static string Text(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches {selector}");

    private static string Row(IHtmlDocument page, string selector) =>
        string.Join(" | ", (page.QuerySelector(selector) ?? throw new InvalidOperationException($"Nothing matches {selector}"))
            .QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()));

    private static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- tests

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Upload_ShowsTheFiguresCountedByHand(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        var name = Unique("Export");

        var id = await ImportAsync(comms, name);
        var page = await comms.GetPageAsync($"{Base}/{id}");

        Assert.Contains(name, Text(page, "h1"), StringComparison.Ordinal);
        Assert.Contains("Imported 40 posts from 6 accounts", Text(page, ".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.Equal("40", Text(page, "#headline-posts"));
        Assert.Equal("6", Text(page, "#headline-accounts"));
        Assert.Equal("5 January 2021 to 20 December 2023", Text(page, "#headline-period"));
        Assert.Equal("None", Text(page, "#headline-skipped"));
        Assert.Equal("Keywords only", Text(page, "#headline-mode"));
        Assert.Contains("Keyword-only", Text(page, "#notes"), StringComparison.Ordinal);

        Assert.Equal("Posts with no engagement | 4 (10%) | 71,000 (8%)", Row(page, "#engagement-zero"));
        Assert.StartsWith("Posts with fewer than 10 engagements | 20 (50%)", Row(page, "#engagement-under-10"), StringComparison.Ordinal);
        Assert.StartsWith("Posts with more than 10,000 engagements | 2 (5%)", Row(page, "#engagement-over-10000"), StringComparison.Ordinal);
        // 38 posts come from accounts with followers; only p34 (25,000 on 20,000 followers) has one engagement per follower or more.
        Assert.StartsWith("Posts with less than one engagement per follower | 97.4%", Row(page, "#engagement-per-follower"), StringComparison.Ordinal);

        string[] buckets = ["0 | 4 | 10%", "1–9 | 16 | 40%", "10–99 | 10 | 25%", "100–999 | 6 | 15%", "1,000–9,999 | 2 | 5%", "10,000 or more | 2 | 5%"];
        Assert.Equal(buckets, page.QuerySelectorAll("#distribution-table tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("th, td").Take(3).Select(c => c.TextContent.Trim()))));

        Assert.StartsWith("Operational | 32 | 80%", Row(page, "#class-operational"), StringComparison.Ordinal);
        Assert.StartsWith("Non-operational | 8 | 20%", Row(page, "#class-non-operational"), StringComparison.Ordinal);
        Assert.StartsWith("Non-operational posts with fewer than 10 engagements | 4 | 50%", Row(page, "#class-non-operational-under-10"), StringComparison.Ordinal);
        Assert.Equal("Gender and sexuality | 5 | 62.5% | 6 | not sampled yet", Row(page, "#topic-table tr[data-topic='gender and sexuality']"));
        Assert.Equal("Race | 2 | 25% | 3 | not sampled yet", Row(page, "#topic-table tr[data-topic='race']"));
        Assert.Equal("Climate activism | 1 | 12.5% | 1 | not sampled yet", Row(page, "#topic-table tr[data-topic='climate activism']"));
        Assert.Equal("pride | Gender and sexuality | 3 | 2 | not sampled yet", Row(page, "#keyword-table tr[data-keyword='pride']"));

        Assert.StartsWith("Main force accounts | 1 | 16.7% | 13 | 32.5%", Row(page, "#account-type-table tr[data-type='main']"), StringComparison.Ordinal);
        Assert.StartsWith("Teams and units | 3 | 50% | 16 | 40%", Row(page, "#account-type-table tr[data-type='team']"), StringComparison.Ordinal);
        Assert.StartsWith("Individual officers and staff | 1 | 16.7% | 7 | 17.5%", Row(page, "#account-type-table tr[data-type='individual']"), StringComparison.Ordinal);
        Assert.StartsWith("Staff networks | 1 | 16.7% | 4 | 10%", Row(page, "#account-type-table tr[data-type='network']"), StringComparison.Ordinal);

        Assert.StartsWith("Operational | 1", Row(page, "#high-operational"), StringComparison.Ordinal);
        Assert.StartsWith("Non-operational | 1", Row(page, "#high-non-operational"), StringComparison.Ordinal);
        Assert.Contains("| 1 (100%) |", Row(page, "#high-reposts"), StringComparison.Ordinal);
        Assert.StartsWith("Non-operational, from a main force account | 1", Row(page, "#high-main"), StringComparison.Ordinal);

        Assert.Equal(["2021 | 11 | 2 | 13", "2022 | 12 | 3 | 15", "2023 | 9 | 3 | 12"],
            page.QuerySelectorAll("#year-table tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()))));
        // Topics in the lexicon's order: climate activism, gender and sexuality, race.
        Assert.Equal("2021 | 0 | 1 | 1", Row(page, "#topics-table tr[data-period='2021']"));
        Assert.Equal("2022 | 0 | 2 | 1", Row(page, "#topics-table tr[data-period='2022']"));
        Assert.Equal("2023 | 1 | 2 | 0", Row(page, "#topics-table tr[data-period='2023']"));
        Assert.NotNull(page.QuerySelector("svg[role=img] title"));
        Assert.Equal(["25,000", "15,000", "5,000"], page.QuerySelectorAll("#top-posts-table tbody tr").Take(3).Select(tr => tr.QuerySelectorAll("td")[2].TextContent.Trim()));
        Assert.Equal("CheshirePolice", page.QuerySelector("#top-non-operational-table tbody td")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#split-force"));
        Assert.NotNull(page.QuerySelector("#split-account-type"));
        Assert.Contains("Staff networks", Text(page, "#split-account-type"), StringComparison.Ordinal);

        // The two accounts without a type were worked out, with the reason.
        var inferred = page.QuerySelectorAll("#inferred-table tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Equal(2, inferred.Count);
        Assert.Contains(inferred, t => t.Contains("CheshireDogs", StringComparison.Ordinal) && t.Contains("'dogs'", StringComparison.Ordinal));
        Assert.Contains(inferred, t => t.Contains("CheshireCadets", StringComparison.Ordinal) && t.Contains("'cadets'", StringComparison.Ordinal));

        // The list shows it with its headline figures.
        var list = await comms.GetPageAsync(Base);
        var row = list.QuerySelector($"#dataset-list tr[data-dataset='{id}']")!.TextContent;
        Assert.Contains("Ready", row, StringComparison.Ordinal);
        Assert.Contains("8 (20%)", row, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("#import-dataset"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Posts_AreFilteredAndPaged_AndExportedInFull(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        var id = await ImportAsync(comms, Unique("Posts"));
        var url = $"{Base}/{id}/posts";

        var all = await comms.GetPageAsync(url);
        Assert.StartsWith("40 posts", Text(all, "#post-count"), StringComparison.Ordinal);
        Assert.Equal(25, all.QuerySelectorAll("#post-list tbody tr").Length);
        Assert.Equal("p34", all.QuerySelector("#post-list tbody tr")!.GetAttribute("data-post"));
        Assert.NotNull(all.QuerySelector(".govuk-pagination"));
        var next = all.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var second = await comms.GetPageAsync(next);
        Assert.Equal(15, second.QuerySelectorAll("#post-list tbody tr").Length);
        Assert.Contains("page 2 of 2", Text(second, "#post-count"), StringComparison.Ordinal);
        Assert.Null(second.QuerySelector(".govuk-pagination__next"));
        // The 40 posts, each once, across the two pages.
        Assert.Equal(40, all.QuerySelectorAll("#post-list tbody tr").Concat(second.QuerySelectorAll("#post-list tbody tr"))
            .Select(tr => tr.GetAttribute("data-post")).Distinct().Count());

        Assert.StartsWith("8 posts", Text(await comms.GetPageAsync(url + "?class=non-operational"), "#post-count"), StringComparison.Ordinal);
        Assert.StartsWith("32 posts", Text(await comms.GetPageAsync(url + "?class=operational"), "#post-count"), StringComparison.Ordinal);
        // A topic's posts are those kept for it: p06 and p07, and p10, whose 'racist' sits beside 'appeal' and 'witnesses' (so operational).
        Assert.StartsWith("3 posts", Text(await comms.GetPageAsync(url + "?topic=race"), "#post-count"), StringComparison.Ordinal);
        Assert.StartsWith("2 posts", Text(await comms.GetPageAsync(url + "?topic=race&class=non-operational"), "#post-count"), StringComparison.Ordinal);
        Assert.StartsWith("3 posts", Text(await comms.GetPageAsync(url + "?keyword=pride"), "#post-count"), StringComparison.Ordinal);
        Assert.StartsWith("2 posts", Text(await comms.GetPageAsync(url + "?keyword=pride&class=non-operational"), "#post-count"), StringComparison.Ordinal);
        Assert.StartsWith("4 posts", Text(await comms.GetPageAsync(url + "?handle=lgbt"), "#post-count"), StringComparison.Ordinal);
        Assert.Contains("Choose a topic from the list", Text(await comms.GetPageAsync(url + "?topic=astrology"), ".govuk-error-summary"), StringComparison.Ordinal);

        var csv = await comms.GetAsync(url + "?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(41, lines.Count);
        Assert.Equal("seq,post_id,account_id,handle,posted_at,likes,reposts,quotes,replies,impressions,engagement,is_repost,original_author,classification,topics,text", lines[0]);
        Assert.Equal("1,p01,a4,CheshireLGBTNet,2021-06-12T09:00:00Z,8,2,1,1,,12,False,,non-operational,gender and sexuality,Proud to celebrate Pride month with colleagues", lines[1]);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Csv_OfTheEngagementDistribution_MatchesLineByLine(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        var id = await ImportAsync(comms, Unique("Csv"));

        var response = await comms.GetAsync($"{Base}/{id}?handler=Csv&table=engagement-distribution");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "engagement,from,to,posts,share",
            "0,0,0,4,0.1",
            "1–9,1,9,16,0.4",
            "10–99,10,99,10,0.25",
            "100–999,100,999,6,0.15",
            "\"1,000–9,999\",1000,9999,2,0.05",
            "\"10,000 or more\",10000,,2,0.05",
        ], lines);

        // Every other table downloads too, and the accounts CSV says which types were inferred and why.
        foreach (var table in new[] { "engagement", "account-types", "classification-by-topic", "classification-by-keyword", "operational-categories", "topics-by-month",
                     "posts-by-year", "comparison", "high-engagement", "splits", "top-posts", "accounts" })
        {
            var csv = await comms.GetAsync($"{Base}/{id}?handler=Csv&table={table}");
            Assert.True(csv.StatusCode == HttpStatusCode.OK, $"{table}: {(int)csv.StatusCode}");
        }

        var accounts = await comms.Http.GetStringAsync($"{Base}/{id}?handler=Csv&table=accounts");
        Assert.Contains("a5,CheshireDogs,Cheshire Police Dogs,cheshire,team,True,\"the handle, name or description mentions 'dogs'\",3000,4,", accounts, StringComparison.Ordinal);
        Assert.Contains("a1,CheshirePolice,Cheshire Police,cheshire,main,False,,100000,13,", accounts, StringComparison.Ordinal);
        var splits = await comms.Http.GetStringAsync($"{Base}/{id}?handler=Csv&table=splits");
        Assert.Contains("class,nonOperational,8,2,", splits, StringComparison.Ordinal);
        Assert.Contains("year,2022,15,", splits, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await comms.GetAsync($"{Base}/{id}?handler=Csv&table=nonsense")).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AnotherForce_GetsNotFound_ForTheDatasetItsCsvsPostsAndSamples(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        var id = await ImportAsync(comms, Unique("Private"));
        // No keyword chosen: refused beside the list, which is marked and described by the message.
        var noKeyword = await PageClient.ParseAsync(await comms.SubmitAsync(await comms.GetPageAsync($"{Base}/{id}/samples"), $"/{id}/samples", new() { ["Keyword"] = "", ["Size"] = "200", ["Seed"] = "1" }));
        Assert.Equal("#Keyword", noKeyword.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("govuk-select--error", noKeyword.QuerySelector("select#Keyword")!.ClassList);
        Assert.Equal("Keyword-hint Keyword-error", noKeyword.QuerySelector("select#Keyword")!.GetAttribute("aria-describedby"));
        var draw = await comms.SubmitAsync(await comms.GetPageAsync($"{Base}/{id}/samples"), $"/{id}/samples", new() { ["Keyword"] = "pride", ["Size"] = "200", ["Seed"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, draw.StatusCode);
        var sampleId = IdFrom(draw);

        using var other = await app.SignedInAsync("comms.west-midlands@" + Domain);
        string[] paths =
        [
            "", "?handler=Csv&table=engagement-distribution", "?handler=Csv&table=accounts", "/posts", "/posts?handler=Csv", "/samples", "/samples?handler=Csv",
            $"/samples/{sampleId}", $"/samples/{sampleId}?handler=Csv", "/delete",
        ];
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Base}/{id}{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/forces/west-midlands/social-media/{id}{path}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Base)).StatusCode);
        Assert.DoesNotContain($"data-dataset=\"{id}\"", await other.Http.GetStringAsync("/forces/west-midlands/social-media"), StringComparison.Ordinal);

        // A form post aimed at the other force's dataset through the user's own force is refused too, and changes nothing.
        var own = await other.GetPageAsync("/forces/west-midlands/social-media");
        own.QuerySelector("form[action$='/account/sign-out']")!.SetAttribute("action", $"/forces/west-midlands/social-media/{id}/delete");
        Assert.Equal(HttpStatusCode.NotFound, (await other.SubmitAsync(own, "/delete", [])).StatusCode);
        foreach (var path in new[] { "", "/posts", $"/samples/{sampleId}", "/samples" })
        {
            own.QuerySelector("form[action*='/social-media/']")!.SetAttribute("action", $"/forces/west-midlands/social-media/{id}{path}");
            Assert.Equal(HttpStatusCode.NotFound, (await other.SubmitAsync(own, "/social-media/", [])).StatusCode);
        }

        // The sample of one dataset is not found under another dataset of the same force.
        var second = await ImportAsync(comms, Unique("Second"));
        Assert.Equal(HttpStatusCode.NotFound, (await comms.GetAsync($"{Base}/{second}/samples/{sampleId}")).StatusCode);

        // A force user may not open the national pages; the inspectorate sees the force's dataset in the national list and on the force's page.
        AssertAccessDenied(await comms.GetAsync("/social-media"));
        AssertAccessDenied(await comms.GetAsync($"/social-media/{id}"));
        using var inspector = await app.SignedInAsync("inspectorate@" + Domain);
        var national = await inspector.GetPageAsync("/social-media");
        Assert.Contains("Cheshire", national.QuerySelector($"#dataset-list tr[data-dataset='{id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{Base}/{id}", national.QuerySelector($"#dataset-list tr[data-dataset='{id}'] a")!.GetAttribute("href"));
        await inspector.GetPageAsync($"{Base}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/social-media/{id}")).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.True(await db.SocialDatasets.AnyAsync(d => d.Id == id));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task PccOffice_SeesTheAnalysis_ButCannotImportDrawOrReview(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        var id = await ImportAsync(comms, Unique("Pcc"));
        using var pcc = await app.SignedInAsync("pcc.cheshire@" + Domain);

        var list = await pcc.GetPageAsync(Base);
        Assert.Null(list.QuerySelector("#import-dataset"));
        Assert.NotNull(list.QuerySelector($"#dataset-list tr[data-dataset='{id}']"));
        Assert.Equal("40", Text(await pcc.GetPageAsync($"{Base}/{id}"), "#headline-posts"));
        Assert.Null((await pcc.GetPageAsync($"{Base}/{id}/samples")).QuerySelector($"form[action$='/{id}/samples']"));
        AssertAccessDenied(await pcc.GetAsync($"{Base}/import"));
        AssertAccessDenied(await pcc.GetAsync($"{Base}/{id}/delete"));

        // Posts with a valid token (the sign-out form, re-aimed) are refused as well, and store nothing.
        await using var before = app.CreateDbContext();
        var datasets = await before.SocialDatasets.CountAsync();
        var page = await pcc.GetPageAsync(Base);
        page.QuerySelector("form[action$='/account/sign-out']")!.SetAttribute("action", $"{Base}/import");
        AssertAccessDenied(await pcc.SubmitAsync(page, "/import", new() { ["Name"] = "PCC attempt" }, ("PostsFile", "posts.csv", Bytes(PostsCsv()))));
        page.QuerySelector("form[action$='/import']")!.SetAttribute("action", $"{Base}/{id}/samples");
        AssertAccessDenied(await pcc.SubmitAsync(page, "/samples", new() { ["Keyword"] = "pride" }));
        await using var after = app.CreateDbContext();
        Assert.Equal(datasets, await after.SocialDatasets.CountAsync());
        Assert.False(await after.DipSamples.AnyAsync(s => s.DatasetId == id));

        // A call taker has no social media pages at all.
        using var callTaker = await app.SignedInAsync("calltaker.cheshire@" + Domain);
        AssertAccessDenied(await callTaker.GetAsync(Base));
        Assert.DoesNotContain("/social-media", (await callTaker.GetPageAsync("/")).QuerySelector("nav[aria-label=Menu]")?.InnerHtml ?? "", StringComparison.Ordinal);
        Assert.Contains($"{Base}\"", (await comms.GetPageAsync("/")).QuerySelector("nav[aria-label=Menu]")!.InnerHtml, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Upload_WithAMissingColumn_NamesIt_AndTheFailedDatasetIsListedWithItsReason(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        var name = Unique("No likes");
        var posts = PostsCsv().Replace("text,likes,reposts", "text,like_count,reposts", StringComparison.Ordinal);

        var response = await UploadAsync(comms, Base, name, Bytes(AccountsCsv), Bytes(posts));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("posts.csv is missing the column likes", Text(page, ".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal("#PostsFile", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#PostsFile-error"));
        var field = page.QuerySelector("input#PostsFile")!;
        Assert.Contains("govuk-file-upload--error", field.ClassList);
        Assert.Equal("PostsFile-hint PostsFile-error", field.GetAttribute("aria-describedby"));
        Assert.Null(field.GetAttribute("value")); // the file is never echoed back into the page
        Assert.NotNull(page.QuerySelector("#failed-import"));

        await using var db = app.CreateDbContext();
        var dataset = await db.SocialDatasets.SingleAsync(d => d.Name == name);
        Assert.Equal(DatasetStatus.Failed, dataset.Status);
        Assert.Equal(0, await db.SocialPosts.CountAsync(p => p.DatasetId == dataset.Id));
        Assert.Equal(0, await db.SocialAccounts.CountAsync(a => a.DatasetId == dataset.Id));
        var row = (await comms.GetPageAsync(Base)).QuerySelector($"#dataset-list tr[data-dataset='{dataset.Id}']")!;
        Assert.Contains("Import failed", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("missing the column likes", row.TextContent, StringComparison.Ordinal);

        // The failed dataset can be deleted from the list.
        var delete = row.QuerySelector("a[href$='/delete']")!.GetAttribute("href")!;
        var confirm = await comms.GetPageAsync(delete);
        var deleted = await comms.SubmitAsync(confirm, "/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var after = app.CreateDbContext();
        Assert.False(await after.SocialDatasets.AnyAsync(d => d.Id == dataset.Id));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Upload_WithBadRows_IsRefusedInStrictMode_AndOtherwiseSkipsThemWithTheirLineNumbers(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        // Lines 42 and 43: the header is line 1 and the 40 good posts are lines 2 to 41.
        var posts = PostsCsv("p41,a1,2023-01-01T09:00:00Z,Lots of likes,many,0,0,0,false,", "p42,a9,2023-01-02T09:00:00Z,From nowhere,1,0,0,0,false,");

        var strictName = Unique("Strict");
        var refused = await UploadAsync(comms, Base, strictName, Bytes(AccountsCsv), Bytes(posts), strict: true);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("2 bad rows, so nothing was imported (strict mode)", Text(page, ".govuk-error-summary"), StringComparison.Ordinal);
        var problems = Text(page, "#import-problems");
        Assert.Contains("posts.csv line 42: likes 'many' is not a whole number", problems, StringComparison.Ordinal);
        Assert.Contains("posts.csv line 43: account_id 'a9' is not in the accounts file", problems, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var dataset = await db.SocialDatasets.SingleAsync(d => d.Name == strictName);
            Assert.Equal(DatasetStatus.Failed, dataset.Status);
            Assert.True(dataset.Strict);
            Assert.Equal(0, await db.SocialPosts.CountAsync(p => p.DatasetId == dataset.Id));
            Assert.Equal(0, await db.SocialPostKeywords.CountAsync(p => p.DatasetId == dataset.Id));
        }

        var id = await ImportAsync(comms, Unique("Lenient"), posts);
        var dashboard = await comms.GetPageAsync($"{Base}/{id}");
        Assert.Contains("bad rows were skipped", Text(dashboard, ".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.Equal("40", Text(dashboard, "#headline-posts"));
        Assert.StartsWith("2 (2 posts, 0 accounts)", Text(dashboard, "#headline-skipped"), StringComparison.Ordinal);
        var skipped = Text(dashboard, "#skipped-problems");
        Assert.Contains("posts.csv line 42: likes 'many' is not a whole number of 0 or more", skipped, StringComparison.Ordinal);
        Assert.Contains("posts.csv line 43: account_id 'a9' is not in the accounts file", skipped, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Upload_WithAnEmptyFileOrNoName_ShowsEachError_AndStoresNothing(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        await using var before = app.CreateDbContext();
        var count = await before.SocialDatasets.CountAsync();

        var response = await UploadAsync(comms, Base, "", Bytes(AccountsCsv), [], postsName: "empty.csv");
        var wrongType = await UploadAsync(comms, Base, Unique("Spreadsheet"), Bytes(AccountsCsv), Bytes(PostsCsv()), postsName: "posts.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await ErrorsAsync(response);
        Assert.Contains("Enter a name for the dataset", summary, StringComparison.Ordinal);
        Assert.Contains("'empty.csv' is empty", summary, StringComparison.Ordinal);
        Assert.Contains("'posts.xlsx' is not a CSV or JSON lines file", await ErrorsAsync(wrongType), StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.Equal(count, await after.SocialDatasets.CountAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task DrawAndReviewASample_PrecisionAppearsOnTheDashboardAndTheSamplesPage(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        var id = await ImportAsync(comms, Unique("Sample"));
        var samples = await comms.GetPageAsync($"{Base}/{id}/samples");
        Assert.Equal("200", samples.QuerySelector<IHtmlInputElement>("#Size")!.Value);

        var bad = await comms.SubmitAsync(samples, $"/{id}/samples", new() { ["Keyword"] = "pride", ["Size"] = "0" });
        Assert.Contains("Enter a sample size from 1 to 2,000 posts", await ErrorsAsync(bad), StringComparison.Ordinal);
        var draw = await comms.SubmitAsync(samples, $"/{id}/samples", new() { ["Keyword"] = "pride", ["Size"] = "200", ["Seed"] = "42" });
        Assert.Equal(HttpStatusCode.Redirect, draw.StatusCode);
        var sampleId = IdFrom(draw);
        var again = await comms.SubmitAsync(samples, $"/{id}/samples", new() { ["Keyword"] = "pride", ["Size"] = "200" });
        Assert.Contains("has already been drawn", await ErrorsAsync(again), StringComparison.Ordinal);

        var review = await comms.GetPageAsync($"{Base}/{id}/samples/{sampleId}");
        var items = review.QuerySelectorAll("#review-form .evenhand-post").ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("0 of 3", Text(review, "#sample-progress"));
        Assert.All(items, i => Assert.NotNull(i.QuerySelector("fieldset legend")));
        // Mark as a reviewer would: the two non-operational posts are, the parade's road closures are operational.
        var fields = new Dictionary<string, string?>();
        for (var i = 0; i < items.Count; i++)
        {
            fields[$"Verdicts[{i}].Verdict"] = items[i].TextContent.Contains("road closures", StringComparison.Ordinal) ? "Operational" : "NonOperational";
        }

        var saved = await comms.SubmitAsync(review, $"/samples/{sampleId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"/{id}/samples", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // 2 of 3 marked non-operational: 67%, Wilson 95% interval 21% to 94%; Evenhand's 2 non-operational posts both agreed with.
        var dashboard = await comms.GetPageAsync($"{Base}/{id}");
        Assert.Equal("precision 67% (95% CI 21–94%), 3 of 3 reviewed", Text(dashboard, "#keyword-table tr[data-keyword='pride'] td:last-child"));
        Assert.Equal("precision 67% (95% CI 21–94%), 3 of 3 reviewed", Text(dashboard, "#topic-table tr[data-topic='gender and sexuality'] td:last-child"));
        Assert.Equal("not sampled yet", Text(dashboard, "#topic-table tr[data-topic='race'] td:last-child"));
        var list = await comms.GetPageAsync($"{Base}/{id}/samples");
        var row = list.QuerySelector($"#sample-list tr[data-sample='{sampleId}']")!.TextContent;
        Assert.Contains("3 of 3", row, StringComparison.Ordinal);
        Assert.Contains("100% (95% CI 34–100%), 2 of 2", row, StringComparison.Ordinal);
        Assert.Contains("Every post of the sample has been reviewed", Text(await comms.GetPageAsync($"{Base}/{id}/samples/{sampleId}?unreviewed=true"), "#sample-done"), StringComparison.Ordinal);

        var csv = (await comms.Http.GetStringAsync($"{Base}/{id}/samples/{sampleId}?handler=Csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seq,post_id,handle,posted_at,engagement,evenhand_classification,verdict,reviewed_by,reviewed_at,text", csv[0]);
        Assert.StartsWith("1,p01,CheshireLGBTNet,2021-06-12T09:00:00Z,12,non-operational,non-operational,", csv[1], StringComparison.Ordinal);
        Assert.Contains("keyword,pride,gender and sexuality,topic,3,3,3,2,0.666667", await comms.Http.GetStringAsync($"{Base}/{id}/samples?handler=Csv"), StringComparison.Ordinal);
        Assert.Contains("0.666667", await comms.Http.GetStringAsync($"{Base}/{id}?handler=Csv&table=classification-by-keyword"), StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Review_StaleMarks_ShowTheConflictMessage_AndSaveNothing(string provider)
    {
        var app = apps.Get(provider);
        using var alice = await app.SignedInAsync(Comms);
        using var bob = await app.SignedInAsync(Comms);
        var id = await ImportAsync(alice, Unique("Stale"));
        var draw = await alice.SubmitAsync(await alice.GetPageAsync($"{Base}/{id}/samples"), $"/{id}/samples", new() { ["Keyword"] = "pride", ["Size"] = "200" });
        var url = draw.Headers.Location!.OriginalString;
        Assert.Contains("/samples/", url, StringComparison.Ordinal);
        var alicePage = await alice.GetPageAsync(url);
        var bobPage = await bob.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await alice.SubmitAsync(alicePage, "/samples/", new() { ["Verdicts[0].Verdict"] = "Operational" })).StatusCode);
        var stale = await bob.SubmitAsync(bobPage, "/samples/", new() { ["Verdicts[0].Verdict"] = "NonOperational", ["Verdicts[1].Verdict"] = "NonOperational" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var message = await ErrorsAsync(stale);
        Assert.Contains("Someone else marked some of these posts after you opened the page", message, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", message, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var verdicts = await db.DipSampleItems.Where(i => i.DatasetId == id).OrderBy(i => i.Seq).Select(i => i.Verdict).ToListAsync();
        Assert.Equal([DipVerdict.Operational, null, null], verdicts);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task NationalDataset_IsImportedByTheInspectorate_AndSplitByForce(string provider)
    {
        var app = apps.Get(provider);
        using var inspector = await app.SignedInAsync("inspectorate@" + Domain);
        var accounts = AccountsCsv.Replace("a6,CheshireCadets,Cheshire Volunteer Police Cadets,Young people learning about policing,0,50,,Cheshire,false,,cheshire,",
            "a6,WMPolice,West Midlands Police,Official account of West Midlands Police,0,50,,Birmingham,true,,west-midlands,main", StringComparison.Ordinal);
        var response = await UploadAsync(inspector, "/social-media", Unique("National"), Bytes(accounts), Bytes(PostsCsv()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = IdFrom(response);
        Assert.StartsWith($"/social-media/{id}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = await inspector.GetPageAsync($"/social-media/{id}");
        Assert.Equal("National dataset", Text(page, ".govuk-caption-l"));
        Assert.StartsWith("Cheshire Constabulary | 38", Row(page, "#split-force tbody tr[data-group='Cheshire Constabulary']"), StringComparison.Ordinal);
        Assert.StartsWith("West Midlands Police | 2", Row(page, "#split-force tbody tr[data-group='West Midlands Police']"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/social-media/{id}/posts?handler=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"{Base}/{id}")).StatusCode);
        Assert.Contains("National (inspectorate)", (await inspector.GetPageAsync("/social-media")).QuerySelector($"tr[data-dataset='{id}']")!.TextContent, StringComparison.Ordinal);

        using var comms = await app.SignedInAsync(Comms);
        AssertAccessDenied(await comms.GetAsync($"/social-media/{id}/posts?handler=Csv"));
        Assert.Equal(HttpStatusCode.NotFound, (await comms.GetAsync($"{Base}/{id}")).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task WithSmallLimits_AnOversizedFileIsRefused_AndLargerImportsRunInTheBackground(string provider)
    {
        var app = apps.Get(provider);
        await using var small = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("SocialMedia:MaxUploadMegabytes", "1");
            b.UseSetting("SocialMedia:InlineImportMegabytes", "0");
        });
        using var comms = new PageClient(small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await comms.SignInAsync(Comms, EvenhandApp.Password);
        await using var before = app.CreateDbContext();
        var count = await before.SocialDatasets.CountAsync();

        var big = new string('x', (int)(1.2 * 1024 * 1024));
        var oversized = await UploadAsync(comms, Base, Unique("Too big"), Bytes(AccountsCsv), Bytes(PostsCsv($"p99,a1,2023-01-01T09:00:00Z,{big},1,0,0,0,false,")), postsName: "big.csv");
        Assert.Equal(HttpStatusCode.OK, oversized.StatusCode);
        Assert.Contains("'big.csv' is 1.2 MB; the limit is 1 MB. Import larger exports with 'evenhand social import'.", await ErrorsAsync(oversized), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(count, await db.SocialDatasets.CountAsync());
        }

        var response = await UploadAsync(comms, Base, Unique("Background"), Bytes(AccountsCsv), Bytes(PostsCsv()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = IdFrom(response);
        var first = await comms.GetPageAsync($"{Base}/{id}");
        Assert.True(first.QuerySelector("#headline-posts") is not null || first.QuerySelector("#import-progress-panel") is not null);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        DatasetStatus status;
        do
        {
            await Task.Delay(100);
            await using var db = app.CreateDbContext();
            status = await db.SocialDatasets.Where(d => d.Id == id).Select(d => d.Status).SingleAsync();
        }
        while (status is DatasetStatus.Queued or DatasetStatus.Importing && DateTime.UtcNow < deadline);

        Assert.Equal(DatasetStatus.Ready, status);
        var page = await comms.GetPageAsync($"{Base}/{id}");
        Assert.Equal("40", Text(page, "#headline-posts"));
        Assert.Null(page.QuerySelector("meta[http-equiv=refresh]"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Dashboard_WhileQueued_ShowsProgressAndRefreshes_UnlessTurnedOff(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync(Comms);
        int id;
        using (var scope = app.Services.CreateScope())
        {
            var service = app.Service<SocialDatasetService>(scope);
            var dataset = await service.CreateAsync(new DatasetUpload(Unique("Queued"), await CheshireIdAsync(app), "accounts.csv", "posts.csv", false),
                new Evenhand.Common.ProcessContext("test", "Test", TestClock.Now));
            id = dataset.Id;
        }

        var page = await comms.GetPageAsync($"{Base}/{id}");
        Assert.NotNull(page.QuerySelector("#import-progress-panel"));
        Assert.Equal("3", page.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("#headline-posts"));
        Assert.Null((await comms.GetPageAsync($"{Base}/{id}?refresh=off")).QuerySelector("meta[http-equiv=refresh]"));
        Assert.Equal(HttpStatusCode.NotFound, (await comms.GetAsync($"{Base}/{id}?handler=Csv&table=engagement")).StatusCode);
    }

    private static async Task<int> CheshireIdAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
    }
}

using System.Net;
using Evenhand.HateIncidents;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.HateIncidents.Analysis;

/// <summary>The analysis and case-file pages on the demo data: force scoping, roles, no names, CSV.</summary>
[Collection(AppCollection.Name)]
public sealed class AnalysisPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Url = "/forces/cheshire/hate-incidents/analysis";

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Get_AnotherForcesAnalysis_ReturnsNotFound(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/forces/west-midlands/hate-incidents/analysis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/forces/west-midlands/hate-incidents/analysis?handler=Csv&breakdown=area")).StatusCode);
        using var specialist = await app.SignedInAsync("specialist.cheshire@demo.evenhand.test");
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync("/forces/west-midlands/hate-incidents/case-file-reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync("/forces/west-midlands/hate-incidents/case-file-reviews/1")).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Get_Analysis_ShowsCountsButNoNames(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        string[] names;
        await using (var db = app.CreateDbContext())
        {
            names = await db.IncidentPeople.Join(db.HateIncidents.Where(i => i.Force!.Slug == "cheshire"), p => p.HateIncidentId, i => i.Id, (p, i) => p.Name).Distinct().ToArrayAsync();
        }

        var from = TestClock.Today.AddMonths(-20);
        var page = await client.GetPageAsync(Url + $"?From.Day=1&From.Month={from.Month}&From.Year={from.Year}");
        var html = page.DocumentElement.OuterHtml;

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.DoesNotContain(n, html, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(page.QuerySelector("#outcome-table"));
        Assert.NotNull(page.QuerySelector("svg[role=img] title"));
        Assert.NotNull(page.QuerySelector("#month-table"));
        var total = page.QuerySelectorAll("#outcome-table tbody td.govuk-table__cell--numeric").Sum(td => int.Parse(td.TextContent.Replace(",", "")));
        Assert.True(total >= 300, $"Expected the demo data's incidents, found {total}");

        // Each other part on its own, through the page's links (which keep the period), none with a name.
        var links = page.QuerySelectorAll("#analysis-sections a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(5, links.Count);
        Assert.All(links, l => Assert.Contains($"From.Month={from.Month}&From.Year={from.Year}", l, StringComparison.Ordinal));
        foreach (var (link, table) in links.Zip(new[] { "#characteristic-table", "#area-table", "#repeat-complainants", "#timeliness", "#deployment-table" }))
        {
            var part = await client.GetPageAsync(link);
            Assert.NotNull(part.QuerySelector(table));
            Assert.Null(part.QuerySelector("#month-table"));
            Assert.Equal(total.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), part.QuerySelector("#analysis-period strong")!.TextContent);
            Assert.All(names, n => Assert.DoesNotContain(n, part.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase));
        }

        var repeats = await client.GetPageAsync(links[2]);
        Assert.NotEmpty(repeats.QuerySelectorAll("#repeat-complainants tbody tr td"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task GetCsv_EachBreakdown_ReturnsCsv(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync("pcc.cheshire@demo.evenhand.test");

        foreach (var breakdown in new[] { "outcome", "characteristic", "month", "area", "repeat-locations", "repeat-complainants", "repeat-subjects", "review-timeliness", "deployment", "reclassifications" })
        {
            var response = await client.GetAsync($"{Url}?handler=Csv&breakdown={breakdown}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("(invented)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Get_Analysis_WithAPeriodEndingBeforeItStarts_ShowsAnError(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");

        var page = await client.GetPageAsync(Url + "?From.Day=1&From.Month=6&From.Year=2025&To.Day=1&To.Month=1&To.Year=2025");

        Assert.Contains("The end of the period must be", page.QuerySelector(".govuk-error-summary")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#outcome-table"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task CaseFileReviews_SpecialistDrawsAndJudges_GovernanceIsRefused(string provider)
    {
        var app = apps.Get(provider);
        using var specialist = await app.SignedInAsync("specialist.cheshire@demo.evenhand.test");
        using var governance = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");

        var list = await specialist.GetPageAsync("/forces/cheshire/hate-incidents/case-file-reviews");
        var drawn = await specialist.SubmitAsync(list, "case-file-reviews", new() { ["Size"] = "10", ["Seed"] = "2024" });
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        var detailUrl = drawn.Headers.Location!.OriginalString;
        var detail = await specialist.GetPageAsync(detailUrl);
        Assert.Equal("2024", detail.QuerySelector("#seed")?.TextContent);
        Assert.Equal(10, detail.QuerySelectorAll("section[id^=item-]").Length);

        var judged = await specialist.SubmitAsync(detail, "handler=Judge", new() { ["recording"] = "right", ["assessment"] = "error", ["notes"] = "Trivial: should not have been recorded." });
        Assert.Equal(HttpStatusCode.Redirect, judged.StatusCode);
        var after = await specialist.GetPageAsync(detailUrl);
        Assert.Equal("1", after.QuerySelector("#error-rates tr[data-stage=assessment] td:nth-of-type(2)")?.TextContent);

        Assert.NotEqual(HttpStatusCode.OK, (await governance.GetAsync("/forces/cheshire/hate-incidents/case-file-reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await governance.GetAsync(Url)).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task DemoData_HasIncidentsAndAPolicyPerDemoForce_WithTheExampleCases(string provider)
    {
        var app = apps.Get(provider);
        await using var db = app.CreateDbContext();

        foreach (var slug in new[] { "cheshire", "cleveland", "hampshire-and-isle-of-wight", "west-midlands" })
        {
            Assert.True(await db.HateIncidents.CountAsync(i => i.Force!.Slug == slug) >= 300);
            Assert.True(await db.HatePolicies.AnyAsync(p => p.Force!.Slug == slug));
            Assert.True(await db.HateIncidents.AnyAsync(i => i.Force!.Slug == slug && i.Circumstances.StartsWith("Comment on a bus")));
        }

        var hampshire = await db.HatePolicies.SingleAsync(p => p.Force!.Slug == "hampshire-and-isle-of-wight");
        Assert.Contains("sex", hampshire.AdditionalCharacteristics);
        Assert.False(string.IsNullOrWhiteSpace(hampshire.AdditionalCharacteristicsRationale));
    }
}

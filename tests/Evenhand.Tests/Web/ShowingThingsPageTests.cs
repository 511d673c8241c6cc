using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Evenhand.Accounts;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Web;

/// <summary>What people read on pages: words instead of codes, dates without invented times, counts that agree with their noun.</summary>
[Collection(AppCollection.Name)]
public sealed class ShowingThingsPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ActionStatusSelect_ShowsWords_AndPostsTheValue(string provider)
    {
        var app = apps.Get(provider);
        using var gov = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "staffordshire");
        int rec;
        await using (var db = app.CreateDbContext())
        {
            rec = await db.Recommendations.Where(r => r.Number == 17).Select(r => r.Id).FirstAsync();
        }

        var url = $"/forces/staffordshire/recommendations/{rec}";
        var added = await gov.SubmitFormAsync(await gov.GetPageAsync(url), "handler=Action", new() { ["ActionDescription"] = "Brief the duty inspectors", ["ActionOwner"] = "Training lead" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var page = await gov.GetPageAsync(url);
        var select = page.QuerySelector<IHtmlSelectElement>("select[name='ActionStatus']")!;
        Assert.Equal(["Open", "In progress", "Done"], select.Options.Select(o => o.Text.Trim()));
        Assert.Equal(["Open", "InProgress", "Done"], select.Options.Select(o => o.Value));
        Assert.Equal("Open", select.Options.Single(o => o.IsSelected).Text.Trim());
        Assert.DoesNotContain("InProgress", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task IncidentWithOnlyADate_ShowsTheDateAlone_AndOneWithATime_ShowsTheTime(string provider)
    {
        var app = apps.Get(provider);
        using var callTaker = await app.SignedInAsNewUserAsync(Roles.CallTaker, "south-yorkshire");

        var dateOnly = await RecordAsync(callTaker, occurredTime: "");
        var shown = (await callTaker.GetPageAsync(dateOnly)).QuerySelector("#incident-occurred")!.TextContent.Trim();
        Assert.Equal("2 March 2025", shown);

        var timed = await RecordAsync(callTaker, occurredTime: "17:45");
        Assert.Equal("2 Mar 2025, 5:45pm", (await callTaker.GetPageAsync(timed)).QuerySelector("#incident-occurred")!.TextContent.Trim());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task HorizonScan_CountsOneIssue_AsOneIssue_AndShowsItsStatusAndRiskAsWords(string provider)
    {
        var app = apps.Get(provider);
        using var gov = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "warwickshire");
        var response = await gov.SubmitAsync(await gov.GetPageAsync("/forces/warwickshire/governance/horizon-scan/new"), "/new", new()
        {
            ["Issue"] = "Planned march through the town centre", ["FirstSeenOn.Day"] = "1", ["FirstSeenOn.Month"] = "5", ["FirstSeenOn.Year"] = "2025",
            ["Risk"] = "High", ["RiskAssessment"] = "Counter-protest expected", ["AgreedPosition"] = "", ["CommunicationLines"] = "", ["Status"] = "Monitoring",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var list = await gov.GetPageAsync("/forces/warwickshire/governance/horizon-scan");
        Assert.Equal("1 issue", list.QuerySelector("#issue-count")!.TextContent.Trim());
        var filter = list.QuerySelector<IHtmlSelectElement>("select#Status")!;
        Assert.Equal(["Any", "Open", "Monitoring", "Closed"], filter.Options.Select(o => o.Text.Trim()));

        // The filter keeps its choice, and the CSV link carries the handler from the router.
        var filtered = await gov.GetPageAsync("/forces/warwickshire/governance/horizon-scan?Status=Monitoring");
        Assert.Equal("Monitoring", filtered.QuerySelector<IHtmlSelectElement>("select#Status")!.Options.Single(o => o.IsSelected).Value);
        Assert.Contains(filtered.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), h => h == "/forces/warwickshire/governance/horizon-scan?handler=Csv");
    }

    private static async Task<string> RecordAsync(PageClient callTaker, string occurredTime)
    {
        var response = await callTaker.SubmitAsync(await callTaker.GetPageAsync("/forces/south-yorkshire/hate-incidents/new"), "/new", new()
        {
            ["ReportedOn.Day"] = "3", ["ReportedOn.Month"] = "3", ["ReportedOn.Year"] = "2025", ["ReportedTime"] = "18:10",
            ["Channel"] = "Phone", ["OccurredOn.Day"] = "2", ["OccurredOn.Month"] = "3", ["OccurredOn.Year"] = "2025", ["OccurredTime"] = occurredTime,
            ["Area"] = "Sheffield Central", ["LocationDescription"] = "", ["Circumstances"] = "Abuse shouted at a bus stop.",
            ["Characteristics"] = "race", ["PerceivedBy"] = "Complainant", ["ImmediateRisk"] = "false", ["SafeguardingConcern"] = "false",
            ["ComplainantName"] = "", ["ComplainantContact"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}

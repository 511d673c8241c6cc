using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Evenhand.Accounts;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Responses;

/// <summary>The recommendation page's several forms: a refused one keeps what was typed, and the others never come back blank.</summary>
[Collection(AppCollection.Name)]
public sealed class RecommendationFormTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task FailedAddAction_KeepsWhatWasTyped_AndThePlanFormStillShowsThePlan_SoSavingItLosesNothing(string provider)
    {
        var app = apps.Get(provider);
        using var gov = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "lancashire");
        var url = $"/forces/lancashire/recommendations/{await RecommendationIdAsync(app, 13)}";
        var page = await gov.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await gov.SubmitFormAsync(page, "handler=Plan", new()
        {
            ["DefinitionOfDone"] = "Every policy has an equality impact assessment signed off by the EIA panel.",
            ["ExecutiveLead"] = "Deputy Chief Constable",
            ["DeliveryLead"] = "Head of Diversity",
        })).StatusCode);
        page = await gov.GetPageAsync(url);
        var plan = await PlanAsync(app, "lancashire", 13);

        // An action with no description and an impossible due date.
        var refused = await gov.SubmitFormAsync(page, "handler=Action", new()
        {
            ["ActionDescription"] = "", ["ActionOwner"] = "Policy team",
            ["ActionDueOn.Day"] = "32", ["ActionDueOn.Month"] = "1", ["ActionDueOn.Year"] = "2025",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        Assert.Contains("must be a real date", shown.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Policy team", shown.QuerySelector<IHtmlInputElement>("#ActionOwner")!.Value);
        Assert.Equal("32", shown.QuerySelector<IHtmlInputElement>("#ActionDueOn")!.Value);
        Assert.Equal("Every policy has an equality impact assessment signed off by the EIA panel.", shown.QuerySelector("#DefinitionOfDone")!.TextContent);
        Assert.Equal("Deputy Chief Constable", shown.QuerySelector<IHtmlInputElement>("#ExecutiveLead")!.Value);
        Assert.Equal(plan, await PlanAsync(app, "lancashire", 13));

        // The description alone missing: the rule's message, and still nothing stored.
        refused = await gov.SubmitFormAsync(shown, "handler=Action", new() { ["ActionDueOn.Day"] = "31" });
        shown = await PageClient.ParseAsync(refused);
        Assert.Contains("Describe the action.", shown.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31", shown.QuerySelector<IHtmlInputElement>("#ActionDueOn")!.Value);

        // Saving the plan form from the refused page, as a user would, changes nothing in the plan.
        Assert.Equal(HttpStatusCode.Redirect, (await gov.SubmitFormAsync(shown, "handler=Plan")).StatusCode);
        var after = await PlanAsync(app, "lancashire", 13);
        Assert.Equal(plan.DefinitionOfDone, after.DefinitionOfDone);
        Assert.Equal(plan.ExecutiveLead, after.ExecutiveLead);
        Assert.Equal(plan.DeliveryLead, after.DeliveryLead);
        Assert.Equal(0, after.Actions);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ALinkThatIsNotALink_IsRefusedBesideTheLinkField_AndNothingIsStored(string provider)
    {
        var app = apps.Get(provider);
        using var gov = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "merseyside");
        var rec = await RecommendationIdAsync(app, 17);
        var page = await gov.GetPageAsync($"/forces/merseyside/recommendations/{rec}");

        var refused = await gov.SubmitAsync(page, "handler=Progress", new()
        {
            ["Progress"] = "InProgress", ["EvidenceText"] = "Panel minutes", ["EvidenceUrl"] = "intranet/eia-panel",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        Assert.Contains("Enter a link that starts with https:// or http://.", shown.QuerySelector("#EvidenceUrl-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#EvidenceUrl", shown.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.ForceResponses.Where(p => p.Force!.Slug == "merseyside" && p.RecommendationId == rec).SelectMany(p => p.Evidence).CountAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task EvidenceWithALinkAndAFile_KeepsBoth(string provider)
    {
        var app = apps.Get(provider);
        using var gov = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "merseyside");
        var rec = await RecommendationIdAsync(app, 12);
        var page = await gov.GetPageAsync($"/forces/merseyside/recommendations/{rec}");

        var saved = await gov.SubmitAsync(page, "handler=Progress", new()
        {
            ["Progress"] = "InProgress", ["EvidenceText"] = "EIA panel terms of reference",
            ["EvidenceUrl"] = "https://intranet.example.police.uk/eia-panel",
        }, ("EvidenceFile", "eia-panel-terms.txt", "Terms of reference"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = app.CreateDbContext();
        var evidence = await db.ForceResponses.Where(p => p.Force!.Slug == "merseyside" && p.RecommendationId == rec)
            .SelectMany(p => p.Evidence).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, evidence.Count);
        Assert.Equal("eia-panel-terms.txt", evidence[0].FileName);
        Assert.Equal("EIA panel terms of reference", evidence[0].Text);
        Assert.Equal("https://intranet.example.police.uk/eia-panel", evidence[1].Url);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AnotherForcesActionId_IsNotFound_AndOverlongText_IsRefusedBesideTheField(string provider)
    {
        var app = apps.Get(provider);
        using var gov = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "cumbria");
        using var other = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "durham");
        var url = $"/forces/cumbria/recommendations/{await RecommendationIdAsync(app, 17)}";
        var page = await gov.GetPageAsync(url);

        // 201 characters where the column holds 200: refused with the limit, on both providers, nothing stored.
        var refused = await gov.SubmitFormAsync(page, "handler=Action", new() { ["ActionDescription"] = "Review the triage process", ["ActionOwner"] = new string('o', 201) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        Assert.Contains("Owner must be 200 characters or fewer (this is 201)", shown.QuerySelector("#ActionOwner-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("200", shown.QuerySelector("#ActionOwner")!.GetAttribute("maxlength"));
        Assert.Equal(0, (await PlanAsync(app, "cumbria", 17)).Actions);

        Assert.Equal(HttpStatusCode.Redirect, (await gov.SubmitFormAsync(page, "handler=Action", new() { ["ActionDescription"] = "Review the triage process", ["ActionOwner"] = "Crime registrar" })).StatusCode);

        // Durham's user posts a status change naming Cumbria's action, on Durham's own page: not found, not a server error.
        int actionId;
        await using (var db = app.CreateDbContext())
        {
            actionId = await db.ForceResponses.Where(p => p.Force!.Slug == "cumbria").SelectMany(p => p.Actions).Select(a => a.Id).SingleAsync();
        }

        var durham = await other.GetPageAsync(url.Replace("cumbria", "durham", StringComparison.Ordinal));
        var statusUrl = url.Replace("cumbria", "durham", StringComparison.Ordinal) + "?handler=ActionStatus";
        var token = durham.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var version = durham.QuerySelector("form[action*='handler=Action'] input[name='Version']")!.GetAttribute("value")!;
        var posted = await other.Http.PostAsync(statusUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = version, ["ActionId"] = actionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ActionStatus"] = "Done",
        }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    private static async Task<int> RecommendationIdAsync(EvenhandApp app, int number)
    {
        await using var db = app.CreateDbContext();
        return await db.Recommendations.Where(r => r.Number == number).Select(r => r.Id).FirstAsync();
    }

    private static async Task<(string? DefinitionOfDone, string? ExecutiveLead, string? DeliveryLead, int Actions)> PlanAsync(EvenhandApp app, string slug, int number)
    {
        await using var db = app.CreateDbContext();
        var p = await db.ForceResponses.AsNoTracking().Include(x => x.Actions)
            .SingleAsync(x => x.Force!.Slug == slug && x.Recommendation!.Number == number);
        return (p.DefinitionOfDone, p.ExecutiveLead, p.DeliveryLead, p.Actions.Count);
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.HateIncidents;

/// <summary>Recording never ends in a server error: over-long text is refused beside its field, and people recording at once each get a reference.</summary>
[Collection(AppCollection.Name)]
public sealed class RecordingLimitsTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task OverlongArea_Location_Name_Contact_AreRefusedBesideEachField_AndNothingIsStored(string provider)
    {
        var app = apps.Get(provider);
        using var callTaker = await app.SignedInAsNewUserAsync(Roles.CallTaker, "avon-and-somerset");
        var before = await CountAsync(app, "avon-and-somerset");
        var form = await callTaker.GetPageAsync("/forces/avon-and-somerset/hate-incidents/new");

        var refused = await callTaker.SubmitAsync(form, "/new", new Dictionary<string, string?>
        {
            ["ReportedTime"] = "18:10", ["Channel"] = "Phone", ["OccurredTime"] = "17:45",
            ["Area"] = new string('a', 121), ["LocationDescription"] = new string('l', 501), ["Circumstances"] = "Abuse shouted on the bus.",
            ["Characteristics"] = "race", ["PerceivedBy"] = "Complainant", ["ImmediateRisk"] = "false", ["SafeguardingConcern"] = "false",
            ["ComplainantName"] = new string('n', 201), ["ComplainantContact"] = new string('c', 201),
        }.WithDate("ReportedOn", TestClock.DaysAgo(2)).WithDate("OccurredOn", TestClock.DaysAgo(2)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("Area must be 120 characters or fewer (this is 121)", page.QuerySelector("#Area-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Location description must be 500 characters or fewer (this is 501)", page.QuerySelector("#LocationDescription-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Name must be 200 characters or fewer (this is 201)", page.QuerySelector("#ComplainantName-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Contact must be 200 characters or fewer (this is 201)", page.QuerySelector("#ComplainantContact-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("120", page.QuerySelector("#Area")!.GetAttribute("maxlength"));
        Assert.Equal(new string('n', 201), page.QuerySelector<IHtmlInputElement>("#ComplainantName")!.Value); // kept as typed
        Assert.Equal(before, await CountAsync(app, "avon-and-somerset"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AFormWithTheFormsOwnQuestionsAndTheDomainsRulesUnanswered_ShowsEveryError_InTheFirstRound_InFieldOrder(string provider)
    {
        var app = apps.Get(provider);
        using var callTaker = await app.SignedInAsNewUserAsync(Roles.CallTaker, "avon-and-somerset");
        var before = await CountAsync(app, "avon-and-somerset");
        var form = await callTaker.GetPageAsync("/forces/avon-and-somerset/hate-incidents/new");

        // No channel (the form's question) and no area, circumstances or characteristic (the domain's rules), in one post.
        var refused = await callTaker.SubmitAsync(form, "/new", new()
        {
            ["ReportedOn.Day"] = "3", ["ReportedOn.Month"] = "3", ["ReportedOn.Year"] = "2025", ["ReportedTime"] = "18:10",
            ["OccurredOn.Day"] = "3", ["OccurredOn.Month"] = "3", ["OccurredOn.Year"] = "2025", ["OccurredTime"] = "17:45",
            ["Area"] = "", ["Circumstances"] = " ", ["PerceivedBy"] = "Complainant", ["ImmediateRisk"] = "false", ["SafeguardingConcern"] = "false",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Channel", "#Area", "#Circumstances", "#Characteristics"], links);
        Assert.Contains("Enter the area or ward where it happened", page.QuerySelector("#Area-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(app, "avon-and-somerset"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task EightCallTakersRecordingAtOnce_EachGetADifferentReference(string provider)
    {
        var app = apps.Get(provider);
        int forceId;
        await using (var db = app.CreateDbContext())
        {
            forceId = await db.Forces.Where(f => f.Slug == "bedfordshire").Select(f => f.Id).SingleAsync();
        }

        var now = TestClock.Now;
        var recordings = Enumerable.Range(1, 8).Select(n => Task.Run(async () =>
        {
            await using var db = app.CreateDbContext();
            var incident = await TestData.CreateIncidentAsync(db, forceId, b => b.RecordedAt(now).RecordedBy(IncidentStaffRole.CallTaker)
                .Reported("Town centre", null, $"Report {n} of abuse in the street.", "race"));
            return incident.Reference;
        })).ToList();

        var references = await Task.WhenAll(recordings);

        Assert.Equal(8, references.Distinct().Count());
        await using var check = app.CreateDbContext();
        Assert.Equal(8, await check.HateIncidents.CountAsync(i => i.ForceId == forceId && references.Contains(i.Reference)));
    }

    private static async Task<int> CountAsync(EvenhandApp app, string slug)
    {
        await using var db = app.CreateDbContext();
        return await db.HateIncidents.CountAsync(i => i.Force!.Slug == slug);
    }
}

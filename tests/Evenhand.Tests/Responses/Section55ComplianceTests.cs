using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Responses;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Evenhand.Tests.Responses;

/// <summary>
/// The inspectorate's national section 55 view: page, CSV and GET /api/v1/inspections/{id}/section55. The demo report was
/// published on 10 September 2024, so the last day (s.55(5A)) is 4 November 2024 for every force.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class Section55ComplianceTests(AppFixture apps)
{
    private const string Inspector = "inspectorate@demo.evenhand.test";
    private static readonly DateOnly LastDay = new(2024, 11, 4);

    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>Every force role, for a force with demo users.</summary>
    public static TheoryData<string, string> ForceUsers
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in TestDatabases.Providers)
            {
                foreach (var role in new[] { "pcc", "governance", "comms", "specialist", "calltaker", "registrar" })
                {
                    data.Add(provider, $"{role}.cheshire@demo.evenhand.test");
                }
            }

            return data;
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Api_AsTheInspectorate_ReturnsAll43Forces_WithTheLastDayAndRequiredCount(string provider)
    {
        var app = apps.Get(provider);
        var (inspection, required) = await InspectionAsync(app);
        await DraftAsync(app, "suffolk", inspection);
        using var inspector = await app.SignedInAsync(Inspector);

        var response = await inspector.GetAsync($"/api/v1/inspections/{inspection}/section55");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal(43, rows.Count);
        Assert.Equal(43, rows.Select(r => r.GetProperty("force").GetString()).Distinct().Count());
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(await db.Forces.Select(f => f.Slug).OrderBy(s => s).ToListAsync(), rows.Select(r => r.GetProperty("force").GetString()!).Order(StringComparer.Ordinal));
        }

        foreach (var row in rows)
        {
            foreach (var key in new[] { "force", "dueOn", "publishedOn", "late", "answered", "required", "copiesSentToInspectorsOn", "copiesSentToHomeSecretaryOn" })
            {
                Assert.True(row.TryGetProperty(key, out _), $"missing '{key}' in {row}");
            }

            Assert.Equal("2024-11-04", row.GetProperty("dueOn").GetString());
            Assert.Equal(required.Count, row.GetProperty("required").GetInt32());
        }

        // A draft with two complete answers, one stance without its text and one text without a stance: two answered, late.
        var suffolk = rows.Single(r => r.GetProperty("force").GetString() == "suffolk");
        Assert.Equal(2, suffolk.GetProperty("answered").GetInt32());
        Assert.Equal(JsonValueKind.Null, suffolk.GetProperty("publishedOn").ValueKind);
        Assert.True(suffolk.GetProperty("late").GetBoolean()); // unpublished, and today is long after 4 November 2024

        // A force with no response at all: nothing answered, late, no copies.
        var dyfed = rows.Single(r => r.GetProperty("force").GetString() == "dyfed-powys");
        Assert.Equal(0, dyfed.GetProperty("answered").GetInt32());
        Assert.True(dyfed.GetProperty("late").GetBoolean());
        Assert.Equal(JsonValueKind.Null, dyfed.GetProperty("copiesSentToInspectorsOn").ValueKind);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Api_AsAnAdministrator_ReturnsAll43Forces(string provider)
    {
        var app = apps.Get(provider);
        var (inspection, _) = await InspectionAsync(app);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");

        var response = await admin.GetAsync($"/api/v1/inspections/{inspection}/section55");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(43, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
    }

    [SkippableTheory, MemberData(nameof(ForceUsers))]
    public async Task Api_AsAForceUser_IsForbidden(string provider, string email)
    {
        var app = apps.Get(provider);
        var (inspection, _) = await InspectionAsync(app);
        using var user = await app.SignedInAsync(email);

        var response = await user.GetAsync($"/api/v1/inspections/{inspection}/section55");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("dueOn", body, StringComparison.Ordinal);
        Assert.DoesNotContain("dyfed-powys", body, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Api_SignedOut_IsUnauthorised(string provider)
    {
        var app = apps.Get(provider);
        var (inspection, _) = await InspectionAsync(app);
        using var anonymous = app.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/inspections/{inspection}/section55")).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Api_UnknownInspection_IsNotFound(string provider)
    {
        var app = apps.Get(provider);
        using var inspector = await app.SignedInAsync(Inspector);

        var response = await inspector.GetAsync("/api/v1/inspections/987654/section55");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("987654", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Dorset publishes on the last day with both copies sent; Norfolk the day after, with the copy to the Home Secretary
    /// not recorded. The API, the page and the CSV all say the same.
    /// </summary>
    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task PublishedOnTheLastDayAndTheDayAfter_ShowOnTimeAndLate_WithCopies_InApiPageAndCsv(string provider)
    {
        var app = apps.Get(provider);
        var (inspection, required) = await InspectionAsync(app);
        await PublishAsync(app, "dorset", inspection, publishedOn: LastDay, toInspectors: new(2024, 11, 5), toHomeSecretary: new(2024, 11, 6));
        await PublishAsync(app, "norfolk", inspection, publishedOn: LastDay.AddDays(1), toInspectors: new(2024, 11, 7), toHomeSecretary: null);
        using var inspector = await app.SignedInAsync(Inspector);

        // API
        var rows = JsonDocument.Parse(await inspector.Http.GetStringAsync($"/api/v1/inspections/{inspection}/section55")).RootElement
            .EnumerateArray().ToDictionary(r => r.GetProperty("force").GetString()!);
        var dorset = rows["dorset"];
        Assert.Equal("2024-11-04", dorset.GetProperty("publishedOn").GetString());
        Assert.False(dorset.GetProperty("late").GetBoolean());
        Assert.Equal(required.Count, dorset.GetProperty("answered").GetInt32());
        Assert.Equal("2024-11-05", dorset.GetProperty("copiesSentToInspectorsOn").GetString());
        Assert.Equal("2024-11-06", dorset.GetProperty("copiesSentToHomeSecretaryOn").GetString());
        var norfolk = rows["norfolk"];
        Assert.Equal("2024-11-05", norfolk.GetProperty("publishedOn").GetString());
        Assert.True(norfolk.GetProperty("late").GetBoolean());
        Assert.Equal("2024-11-07", norfolk.GetProperty("copiesSentToInspectorsOn").GetString());
        Assert.Equal(JsonValueKind.Null, norfolk.GetProperty("copiesSentToHomeSecretaryOn").ValueKind);

        // Page: every force, the two statuses, and totals that agree with the rows.
        var page = await inspector.GetPageAsync($"/national/section55?inspection={inspection}");
        var trs = page.QuerySelectorAll("#section55-forces tbody tr").ToList();
        Assert.Equal(43, trs.Count);
        var dorsetRow = trs.Single(t => t.GetAttribute("data-force") == "dorset");
        Assert.Equal("PublishedOnTime", dorsetRow.GetAttribute("data-status"));
        Assert.Equal("4 Nov 2024", dorsetRow.QuerySelector("[data-field=published]")!.TextContent.Trim());
        Assert.Equal($"{required.Count} of {required.Count}", dorsetRow.QuerySelector("[data-field=answered]")!.TextContent.Trim());
        Assert.Equal("6 Nov 2024", dorsetRow.QuerySelector("[data-field=copy-home-secretary]")!.TextContent.Trim());
        var norfolkRow = trs.Single(t => t.GetAttribute("data-force") == "norfolk");
        Assert.Equal("PublishedLate", norfolkRow.GetAttribute("data-status"));
        Assert.Equal("Published late", norfolkRow.QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.Equal("Not recorded", norfolkRow.QuerySelector("[data-field=copy-home-secretary]")!.TextContent.Trim());

        var statuses = trs.Select(t => t.GetAttribute("data-status")).ToList();
        Assert.Equal(statuses.Count(s => s == "PublishedOnTime"), Total(page, "published-on-time"));
        Assert.Equal(statuses.Count(s => s == "PublishedLate"), Total(page, "published-late"));
        Assert.Equal(statuses.Count(s => s == "NotYetPublished"), Total(page, "not-yet-published"));
        Assert.Equal(statuses.Count(s => s == "Overdue"), Total(page, "overdue"));
        Assert.Equal(43, Total(page, "published-on-time") + Total(page, "published-late") + Total(page, "not-yet-published") + Total(page, "overdue"));
        Assert.True(Total(page, "copies-sent") >= 1);
        Assert.True(Total(page, "copies-missing") >= 1);

        // Filters
        Assert.Equal(["dorset"], await ForcesAsync(inspector, $"/national/section55?inspection={inspection}&force=dors"));
        var late = await ForcesAsync(inspector, $"/national/section55?inspection={inspection}&status=Late");
        var latePage = await inspector.GetPageAsync($"/national/section55?inspection={inspection}&status=Late");
        var caption = System.Text.RegularExpressions.Regex.Replace(latePage.QuerySelector("#section55-forces caption")!.TextContent, @"\s+", " ").Trim();
        Assert.Equal($"{late.Count} of 43 forces: late Last day for every force: 4 November 2024.", caption);
        Assert.Contains("norfolk", late);
        Assert.DoesNotContain("dorset", late);
        var missing = await ForcesAsync(inspector, $"/national/section55?inspection={inspection}&status=CopiesMissing");
        Assert.Contains("norfolk", missing);
        Assert.DoesNotContain("dorset", missing);
        Assert.DoesNotContain("dyfed-powys", missing); // not published: no copies are due yet
        var published = await ForcesAsync(inspector, $"/national/section55?inspection={inspection}&status=Published");
        Assert.Superset(new HashSet<string> { "dorset", "norfolk" }, published.ToHashSet());
        Assert.DoesNotContain("dyfed-powys", published);

        // CSV: header, one line per force, ISO 8601 dates.
        var csv = await inspector.GetAsync($"/national/section55?inspection={inspection}&handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Force,ForceName,LocalPolicingBody,DueOn,PublishedOn,Status,Late,Answered,Required,ChiefOfficerInvitedOn,CopiesSentToInspectorsOn,CopiesSentToHomeSecretaryOn", lines[0]);
        Assert.Equal(44, lines.Count);
        Assert.Equal($"dorset,Dorset Police,Police and Crime Commissioner for Dorset,2024-11-04,2024-11-04,Published,False,{required.Count},{required.Count},2024-10-01,2024-11-05,2024-11-06",
            lines.Single(l => l.StartsWith("dorset,", StringComparison.Ordinal)));
        Assert.Equal($"norfolk,Norfolk Constabulary,Police and Crime Commissioner for Norfolk,2024-11-04,2024-11-05,Published late,True,{required.Count},{required.Count},2024-10-01,2024-11-07,",
            lines.Single(l => l.StartsWith("norfolk,", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\d{1,2}/\d{1,2}/\d{4}"));

        // The CSV follows the filters on the page.
        var lateCsv = await inspector.Http.GetStringAsync($"/national/section55?inspection={inspection}&status=Late&handler=Csv");
        Assert.Contains("\nnorfolk,", lateCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("\ndorset,", lateCsv, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Late_ForAnUnpublishedResponse_TurnsOnTheDayAfterTheLastDay_InUkTime(string provider)
    {
        var app = apps.Get(provider);
        var (inspection, _) = await InspectionAsync(app);
        await using var db = app.CreateDbContext();

        // 23:30 UTC on 4 November is still 4 November in the UK (GMT); 00:30 UTC on the 5th is the 5th.
        var lastEvening = await RowAsync(db, inspection, "dyfed-powys", new DateTimeOffset(2024, 11, 4, 23, 30, 0, TimeSpan.Zero));
        var nextMorning = await RowAsync(db, inspection, "dyfed-powys", new DateTimeOffset(2024, 11, 5, 0, 30, 0, TimeSpan.Zero));

        Assert.False(lastEvening.Late);
        Assert.Equal(Section55ComplianceStatus.NotYetPublished, lastEvening.Status);
        Assert.True(nextMorning.Late);
        Assert.Equal(Section55ComplianceStatus.Overdue, nextMorning.Status);
    }

    [SkippableTheory, MemberData(nameof(ForceUsers))]
    public async Task Page_AsAForceUser_IsRefused(string provider, string email)
    {
        var app = apps.Get(provider);
        var (inspection, _) = await InspectionAsync(app);
        using var user = await app.SignedInAsync(email);

        foreach (var url in new[] { $"/national/section55?inspection={inspection}", $"/national/section55?inspection={inspection}&handler=Csv" })
        {
            var response = await user.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Page_UnknownInspection_IsNotFound(string provider)
    {
        var app = apps.Get(provider);
        using var inspector = await app.SignedInAsync(Inspector);

        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync("/national/section55?inspection=987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync("/national/section55?inspection=987654&handler=Csv")).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task NationalView_LinksToTheSection55View_ForTheInspectorateOnly(string provider)
    {
        var app = apps.Get(provider);
        var (inspection, _) = await InspectionAsync(app);
        using var inspector = await app.SignedInAsync(Inspector);
        using var force = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");

        var link = (await inspector.GetPageAsync("/national")).QuerySelector("#section55-link");
        Assert.NotNull(link);
        Assert.Equal($"/national/section55?inspection={inspection}", link.GetAttribute("href"));
        Assert.Null((await force.GetPageAsync("/national")).QuerySelector("#section55-link"));
    }

    /// <summary>Above the matrix: per recommendation, forces by progress and by assessment, agreeing with the matrix's own cells.</summary>
    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task NationalView_TotalsPerRecommendation_CountTheMatrixCells(string provider)
    {
        var app = apps.Get(provider);
        using var inspector = await app.SignedInAsync(Inspector);
        using var force = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");

        var page = await inspector.GetPageAsync("/national");
        var matrixRows = page.QuerySelectorAll("#national-matrix tbody tr").ToList();
        var numbers = page.QuerySelectorAll("#national-matrix tbody tr:first-child td").Select(td => td.GetAttribute("data-recommendation")!).ToList();
        Assert.NotEmpty(numbers);
        foreach (var number in numbers)
        {
            var cells = matrixRows.Select(r => r.QuerySelector($"td[data-recommendation='{number}']")!).ToList();
            foreach (var (progress, words) in new[] { ("NotStarted", "Not started"), ("InProgress", "In progress"), ("AwaitingNationalGuidance", "Awaiting national guidance"), ("Complete", "Complete") })
            {
                var expected = cells.Count(c => c.QuerySelector(".govuk-tag")!.TextContent.Trim() == words);
                Assert.Equal(expected, Cell(page, "national-progress-totals", $"data-progress='{progress}'", number));
            }

            Assert.Equal(cells.Count(c => c.TextContent.Contains("Overdue", StringComparison.Ordinal)), Cell(page, "national-progress-totals", "data-progress='Overdue'", number));
            Assert.Equal(cells.Count(c => c.TextContent.Contains("Closed", StringComparison.Ordinal)), Cell(page, "national-assessment-totals", "data-assessment='AcceptedAsClosed'", number));
            var assessed = new[] { "NotAssessed", "EvidenceInsufficient", "AcceptedAsClosed" }.Sum(a => Cell(page, "national-assessment-totals", $"data-assessment='{a}'", number));
            Assert.Equal(43, assessed);
        }

        // Demo plans exist for the four demo forces only, so most forces have not started anything.
        Assert.True(Cell(page, "national-progress-totals", "data-progress='NotStarted'", numbers[0]) >= 39);

        // A force user's national view counts their own row only.
        var own = await force.GetPageAsync("/national");
        var ownTotal = new[] { "NotStarted", "InProgress", "AwaitingNationalGuidance", "Complete" }.Sum(p => Cell(own, "national-progress-totals", $"data-progress='{p}'", numbers[0]));
        Assert.Equal(1, ownTotal);
    }

    [Fact]
    public void RecommendationTotals_CountEveryStatus_IncludingZeros()
    {
        var rec = new Evenhand.Inspections.Recommendation { Id = 1, Number = 9, Text = "…" };
        NationalCell Cell(ForceProgress p, AssessmentStatus a, bool overdue = false) => new(p, a, overdue, 0, null);

        var totals = RecommendationTotals.Of(rec,
        [
            Cell(ForceProgress.Complete, AssessmentStatus.AcceptedAsClosed),
            Cell(ForceProgress.Complete, AssessmentStatus.NotAssessed),
            Cell(ForceProgress.InProgress, AssessmentStatus.EvidenceInsufficient, overdue: true),
        ]);

        Assert.Equal(3, totals.Forces);
        Assert.Equal(0, totals.ByProgress[ForceProgress.NotStarted]);
        Assert.Equal(1, totals.ByProgress[ForceProgress.InProgress]);
        Assert.Equal(0, totals.ByProgress[ForceProgress.AwaitingNationalGuidance]);
        Assert.Equal(2, totals.ByProgress[ForceProgress.Complete]);
        Assert.Equal(1, totals.ByAssessment[AssessmentStatus.AcceptedAsClosed]);
        Assert.Equal(1, totals.ByAssessment[AssessmentStatus.EvidenceInsufficient]);
        Assert.Equal(1, totals.ByAssessment[AssessmentStatus.NotAssessed]);
        Assert.Equal(1, totals.Overdue);
    }

    private static int Total(IHtmlDocument page, string id) =>
        int.Parse(page.QuerySelector($"#section55-totals [data-total='{id}'] .govuk-summary-list__value")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static int Cell(IHtmlDocument page, string table, string row, string number) =>
        int.Parse(page.QuerySelector($"#{table} tr[{row}] td[data-recommendation='{number}']")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<string>> ForcesAsync(PageClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelectorAll("#section55-forces tbody tr").Select(t => t.GetAttribute("data-force")!).ToList();

    private static async Task<Section55ComplianceRow> RowAsync(EvenhandDbContext db, int inspection, string slug, DateTimeOffset now)
    {
        var service = new Section55ComplianceService(db, new FakeTimeProvider(now));
        var compliance = await service.GetAsync(new Section55ComplianceQuery(inspection, ForceName: slug));
        return compliance!.Rows.Single(r => r.Force.Slug == slug);
    }

    private static async Task<(int Inspection, List<int> Required)> InspectionAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        var inspection = await db.Inspections.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var required = await db.Recommendations.Where(r => r.InspectionId == inspection && r.AppliesToForces).Select(r => r.Number).ToListAsync();
        return (inspection, required);
    }

    /// <summary>A draft for a force without demo users: recommendations 9 and 10 answered, 12 with a stance only, 13 with text only.</summary>
    private static async Task DraftAsync(EvenhandApp app, string slug, int inspection)
    {
        await using var db = app.CreateDbContext();
        var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync();
        var service = new Section55Service(db);
        var ctx = new ProcessContext("test", "Test PCC office", TestClock.Now, "National view test");
        var view = await service.GetOrStartAsync(forceId, inspection, ctx);
        var byNumber = view.ForceRecommendations.ToDictionary(r => r.Number);
        await service.UpdateAsync(forceId, inspection, new UpdateSection55Options(view.Response.Version,
                new Section55Details(null, null, null, null, null),
                [
                    new AnswerOptions(byNumber[9].Id, Section55Stance.ActionTakenOrProposed, "We will act."),
                    new AnswerOptions(byNumber[10].Id, Section55Stance.NoActionWithReason, "Already done in 2023."),
                    new AnswerOptions(byNumber[12].Id, Section55Stance.ActionTakenOrProposed, null),
                    new AnswerOptions(byNumber[13].Id, null, "Text without a stance."),
                ]),
            ctx);
    }

    /// <summary>A complete response for a force without demo users, written and published through the service as the PCC office would.</summary>
    private static async Task PublishAsync(EvenhandApp app, string slug, int inspection, DateOnly publishedOn, DateOnly? toInspectors, DateOnly? toHomeSecretary)
    {
        await using var db = app.CreateDbContext();
        var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync();
        if (await db.Section55Responses.AnyAsync(r => r.ForceId == forceId && r.InspectionId == inspection && r.PublishedOn != null))
        {
            return;
        }

        var service = new Section55Service(db);
        var ctx = new ProcessContext("test", "Test PCC office", TestClock.Now, "National view test");
        var view = await service.GetOrStartAsync(forceId, inspection, ctx);
        view = await service.UpdateAsync(forceId, inspection, new UpdateSection55Options(view.Response.Version,
                new Section55Details(new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 21), new DateOnly(2024, 10, 20),
                    "The Chief Constable welcomes the report.", "The Commissioner welcomes the report and will hold the force to account.",
                    ResponseToChiefOfficerComments: "The Commissioner notes the Chief Constable's comments."),
                view.ForceRecommendations.Select(r => new AnswerOptions(r.Id, Section55Stance.ActionTakenOrProposed, $"Action on recommendation {r.Number}.")).ToList()),
            ctx);
        view = await service.PublishAsync(forceId, inspection, new PublishOptions(view.Response.Version, publishedOn, null), ctx);
        await service.RecordCopiesSentAsync(forceId, inspection, new CopiesSentOptions(view.Response.Version, toInspectors, toHomeSecretary), ctx);
    }
}

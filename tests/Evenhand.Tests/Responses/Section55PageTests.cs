using AngleSharp.Dom;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using Evenhand.Accounts;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Responses;

[Collection(AppCollection.Name)]
public sealed class Section55PageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task PccOffice_SeesElevenRecommendationsToAnswer_EditsOne_AndExportsDocx(string provider)
    {
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsync("pcc.cheshire@demo.evenhand.test");
        var inspection = await InspectionIdAsync(app);

        var list = await pcc.GetPageAsync("/forces/cheshire/recommendations");
        var numbers = list.QuerySelectorAll("td a[href*='/forces/cheshire/recommendations/']").Select(a => a.TextContent.Trim().Replace("Recommendation ", "", StringComparison.Ordinal)).ToList();
        // SOURCES.md: 4 and 21 are addressed to several bodies including forces, so a force answers them too.
        Assert.Equal(["4", "9", "10", "12", "13", "16", "17", "18", "20", "21", "22"], numbers);

        var page = await pcc.GetPageAsync($"/forces/cheshire/responses/{inspection}");
        Assert.Equal(11, page.QuerySelectorAll("#tasks a[href^='#answer-']").Length);
        Assert.Equal(22, page.QuerySelectorAll("textarea[name^='Answers[']").Length); // the other eleven may have a comment
        Assert.Contains("Policies will be reviewed", page.QuerySelector("#Answers_16__Text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not started", page.QuerySelector("#task-answer-4-status")!.TextContent, StringComparison.Ordinal);
        // The force's own record is beside each answer.
        Assert.NotNull(page.QuerySelector("#answer-16 a[href^='/forces/cheshire/recommendations/']"));

        var saved = await pcc.SubmitFormAsync(page, "handler=Save", new()
        {
            ["Answers[10].Text"] = "The Chief Constable issued a visible representations policy on 1 March 2025.",
            ["Answers[10].Stance"] = "ActionTakenOrProposed",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await PageClient.ParseAsync(saved)).QuerySelector(".govuk-error-summary")?.TextContent);

        page = await pcc.GetPageAsync($"/forces/cheshire/responses/{inspection}");
        Assert.Contains("visible representations policy on 1 March 2025", page.QuerySelector("#Answers_10__Text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Policies will be reviewed", page.QuerySelector("#Answers_16__Text")!.TextContent, StringComparison.Ordinal); // untouched

        var docx = await pcc.GetAsync($"/forces/cheshire/responses/{inspection}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Recommendation 16", text, StringComparison.Ordinal);
        Assert.Contains("visible representations policy on 1 March 2025", text, StringComparison.Ordinal);
        Assert.Contains("4 November 2024", text, StringComparison.Ordinal); // s.55(5A)

        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Section55Response" && a.Action == "Updated" && a.After!.Contains("1 March 2025")));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task DueDate_IsThe56thDayCountingPublicationAsDay1_OnThePageAndInTheApi(string provider)
    {
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsync("pcc.cleveland@demo.evenhand.test");
        var inspection = await InspectionIdAsync(app);

        // s.55(5A): "56 days beginning with the day on which the report is published": 10 September 2024 gives 4 November 2024.
        var page = await pcc.GetPageAsync($"/forces/cleveland/responses/{inspection}");
        Assert.StartsWith("4 November 2024", page.QuerySelector("#due")!.TextContent.Trim(), StringComparison.Ordinal);

        var list = JsonDocument.Parse(await (await pcc.GetAsync("/api/v1/forces/cleveland/responses")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2024-11-04", list.EnumerateArray().Single(r => r.GetProperty("inspectionId").GetInt32() == inspection).GetProperty("dueOn").GetString());
        var detail = JsonDocument.Parse(await (await pcc.GetAsync($"/api/v1/inspections/{inspection}")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2024-11-04", detail.GetProperty("section55DueOn").GetString());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RefusedPublish_ListsEachMissingItemWithALinkToItsField_AndChangesNothing(string provider)
    {
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsync("pcc.west-midlands@demo.evenhand.test");
        var inspection = await InspectionIdAsync(app);
        var before = await StoredAsync(app, "west-midlands");

        var response = await Section55Journey.PublishAsync(pcc, "west-midlands", inspection, "1", "11", "2024");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        var edit = $"/forces/west-midlands/responses/{inspection}#";
        Assert.Contains((edit + "ChiefOfficerInvitedOn", "Enter the date the chief officer was invited to comment (section 55(4))"), links);
        Assert.Contains((edit + "ChiefOfficerComments", "Enter the chief officer's comments, or note that none were submitted by the date given"), links);
        // The commissioner's comments came in with the imported West Midlands response, so they are not missing.
        Assert.DoesNotContain(links, l => l.Item1 == edit + "PccComments");
        Assert.Contains((edit + "Answers_4__Text", "Recommendation 4 needs an answer (section 55(5B))"), links);
        Assert.Contains((edit + "Answers_9__Text", "Recommendation 9 needs an answer (section 55(5B))"), links);
        Assert.Contains((edit + "Answers_21__Text", "Recommendation 21 needs an answer (section 55(5B))"), links);
        // The publication fields keep what was typed.
        Assert.Equal("1", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#PublishedOn")!.Value);
        Assert.Equal("https://pcc.example.org/west-midlands/section-55", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#PublicUrl")!.Value);
        Assert.Equal(before, await StoredAsync(app, "west-midlands"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RefusedSave_ShowsEverythingAsTyped_BesideEachField_AndStoresNothing(string provider)
    {
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsNewUserAsync(Roles.PccOffice, "gwent");
        var inspection = await InspectionIdAsync(app);
        var page = await Section55Journey.StartAsync(pcc, "gwent", inspection);
        var typed = Section55Journey.CompleteAnswers(page, "Our answer.");
        typed["ChiefOfficerCommentsDueOn.Day"] = "31"; // 31 February: no such date
        typed["ChiefOfficerCommentsDueOn.Month"] = "2";
        typed["PccComments"] = new string('a', 100_000);
        typed["Answers[9].Stance"] = "NoActionWithReason";
        var before = await StoredAsync(app, "gwent");

        var response = await pcc.SubmitFormAsync(page, "handler=Save", typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await PageClient.ParseAsync(response);
        Assert.Contains("must be a real date", shown.QuerySelector("#ChiefOfficerCommentsDueOn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31", shown.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#ChiefOfficerCommentsDueOn")!.Value);
        Assert.Equal(before, await StoredAsync(app, "gwent"));

        // Only the date is wrong now; the long text is refused by the rules, beside its field, all else kept.
        typed["ChiefOfficerCommentsDueOn.Day"] = "1";
        typed["ChiefOfficerCommentsDueOn.Month"] = "10";
        response = await pcc.SubmitFormAsync(shown, "handler=Save", typed);
        shown = await PageClient.ParseAsync(response);
        Assert.Contains("20,000 characters or fewer (this is 100,000)", shown.QuerySelector("#PccComments-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#PccComments", shown.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        var resent = PageClient.FormValues(shown.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form").Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Save", StringComparison.Ordinal)))
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var (name, value) in typed)
        {
            Assert.True(resent.TryGetValue(name, out var got) && got == value?.ReplaceLineEndings("\n"), $"'{name}' came back as '{got?[..Math.Min(got.Length, 40)]}'");
        }

        Assert.Equal(before, await StoredAsync(app, "gwent"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task StaleSave_IsRefusedWithTheConflictMessage_AndKeepsTheOtherUsersChange(string provider)
    {
        const string Force = "warwickshire"; // no other test writes this force's response
        var app = apps.Get(provider);
        using var first = await app.SignedInAsNewUserAsync(Roles.PccOffice, Force);
        using var second = await app.SignedInAsNewUserAsync(Roles.PccOffice, Force);
        var inspection = await InspectionIdAsync(app);
        var page1 = await Section55Journey.StartAsync(first, Force, inspection);
        var page2 = await second.GetPageAsync($"/forces/{Force}/responses/{inspection}");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(page1, "handler=Save", new() { ["PccComments"] = "First user's comments." })).StatusCode);
        var stale = await second.SubmitFormAsync(page2, "handler=Save", new() { ["PccComments"] = "Second user's comments." });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var shown = await PageClient.ParseAsync(stale);
        Assert.Contains("changed by someone else", shown.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Second user's comments.", shown.QuerySelector("#PccComments")!.TextContent);
        await using var db = app.CreateDbContext();
        Assert.Equal("First user's comments.", await db.Section55Responses.Where(r => r.Force!.Slug == Force).Select(r => r.PccComments).SingleAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task FullJourney_CompleteCheckPublishCopiesCorrect_PublicPageAndOpenDataShowTheStance(string provider)
    {
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsNewUserAsync(Roles.PccOffice, "essex");
        using var anonymous = app.Client();
        var inspection = await InspectionIdAsync(app);
        await Section55Journey.CompleteAsync(pcc, "essex", inspection);

        // Check your answers: a read-only summary with a change link for each part, and nothing missing.
        var check = await pcc.GetPageAsync($"/forces/essex/responses/{inspection}/check");
        Assert.Null(check.QuerySelector(".govuk-error-summary"));
        Assert.Contains(check.QuerySelectorAll("#check-answers a"), a => a.GetAttribute("href") == $"/forces/essex/responses/{inspection}#Answers_21__Text");

        // A date in the future is refused beside the date.
        var tomorrow = TestClock.Today.AddDays(1);
        var future = await Section55Journey.PublishAsync(pcc, "essex", inspection,
            tomorrow.Day.ToString(CultureInfo.InvariantCulture), tomorrow.Month.ToString(CultureInfo.InvariantCulture), tomorrow.Year.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("The date published must be today or in the past", (await PageClient.ParseAsync(future)).QuerySelector("#PublishedOn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await PublishedOnAsync(app, "essex"));

        var published = await Section55Journey.PublishAsync(pcc, "essex", inspection, "3", "11", "2024");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(new DateOnly(2024, 11, 3), await PublishedOnAsync(app, "essex"));

        // Copies (s.55(6)): not before publication.
        var edit = await pcc.GetPageAsync($"/forces/essex/responses/{inspection}");
        var copies = await pcc.SubmitFormAsync(edit, "handler=Copies", new()
        {
            ["SentToInspectorateOn.Day"] = "1", ["SentToInspectorateOn.Month"] = "11", ["SentToInspectorateOn.Year"] = "2024",
            ["SentToHomeSecretaryOn.Day"] = "4", ["SentToHomeSecretaryOn.Month"] = "11", ["SentToHomeSecretaryOn.Year"] = "2024",
        });
        Assert.True(copies.StatusCode == HttpStatusCode.OK, $"{copies.StatusCode} {copies.Headers.Location}");
        var refused = await PageClient.ParseAsync(copies);
        Assert.True(refused.QuerySelector("#SentToInspectorateOn-error") is not null, refused.QuerySelector(".govuk-error-summary")?.OuterHtml ?? refused.Body!.TextContent[..2000]);
        Assert.Contains("on or after the date the response was published (3 November 2024)", refused.QuerySelector("#SentToInspectorateOn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("4", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#SentToHomeSecretaryOn")!.Value);
        copies = await pcc.SubmitFormAsync(refused, "handler=Copies", new() { ["SentToInspectorateOn.Day"] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, copies.StatusCode);

        // A correction: dated, audited, shown publicly with the earlier wording.
        var recId = await RecommendationIdAsync(app, inspection, 21);
        var correct = await pcc.GetPageAsync($"/forces/essex/responses/{inspection}/correct");
        var corrected = await pcc.SubmitFormAsync(correct, "/correct", new()
        {
            ["Part"] = "Answer", ["RecommendationId"] = recId.ToString(CultureInfo.InvariantCulture), ["NewStance"] = "NoActionWithReason",
            ["NewText"] = "The force funds no staff network from its budget, so there is nothing to withdraw.",
            ["Notice"] = "Our answer to recommendation 21 was wrong: the force funds no network.",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var pub = await PageClient.ParseAsync(await anonymous.GetAsync($"/public/essex/responses/{inspection}"));
        Assert.Equal("No action, with the reason", pub.QuerySelector("#recommendation-21 .evenhand-stance")!.TextContent.Trim());
        Assert.Equal("Action taken or proposed", pub.QuerySelector("#recommendation-4 .evenhand-stance")!.TextContent.Trim());
        Assert.Contains("the force funds no network", pub.QuerySelector("#corrections")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The force will review its policy.", pub.QuerySelector("#recommendation-21 details")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The Chief Constable welcomes the report", pub.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hold the force to account", pub.Body!.TextContent, StringComparison.Ordinal);

        var json = JsonDocument.Parse(await (await anonymous.GetAsync($"/public/essex/responses/{inspection}/statuses.json")).Content.ReadAsStringAsync()).RootElement;
        var recs = json.GetProperty("recommendations").EnumerateArray().ToDictionary(r => r.GetProperty("recommendation").GetInt32());
        Assert.Equal("no-action", recs[21].GetProperty("stance").GetString());
        Assert.Equal("action", recs[4].GetProperty("stance").GetString());
        Assert.Equal("2024-11-04", json.GetProperty("dueOn").GetString());
        Assert.StartsWith("The Chief Constable welcomes", json.GetProperty("chiefOfficerComments").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("I welcome the Chief Constable", json.GetProperty("responseToChiefOfficerComments").GetString(), StringComparison.Ordinal);
        Assert.Equal("2024-11-04", json.GetProperty("copiesSentToInspectorsOn").GetString());

        // The CSV, read as a spreadsheet would: ISO dates, the stance per recommendation.
        using var reader = new StringReader(await (await anonymous.GetAsync($"/public/essex/responses/{inspection}/statuses.csv")).Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(11, rows.Count);
        var row21 = rows.Single(r => (string)r["Recommendation"] == "21");
        Assert.Equal("no-action", row21["Stance"]);
        Assert.Equal("2025-03-31", row21["DueOn"]);
        Assert.Equal("2024-11-03", row21["PublishedOn"]);

        // The Word export carries the response to the chief officer and the correction, and still validates.
        var docx = await (await pcc.GetAsync($"/forces/essex/responses/{inspection}?handler=Docx")).Content.ReadAsByteArrayAsync();
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var body = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("hold the force to account", body, StringComparison.Ordinal);
            Assert.Contains("the force funds no network", body, StringComparison.Ordinal);
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(word));
        }

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Section55Response" && a.Action == "Corrected").ToListAsync();
        Assert.Contains(audit, a => a.Before!.Contains("The force will review its policy.", StringComparison.Ordinal) && a.After!.Contains("nothing to withdraw", StringComparison.Ordinal));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Drafts_AreReadByThePccOfficeAndGovernanceOnly(string provider)
    {
        var app = apps.Get(provider);
        var inspection = await InspectionIdAsync(app);
        foreach (var role in new[] { Roles.CallTaker, Roles.Communications, Roles.HateCrimeSpecialist, Roles.ForceCrimeRegistrar })
        {
            using var other = await app.SignedInAsNewUserAsync(role, "cheshire");
            Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync($"/forces/cheshire/responses/{inspection}")).StatusCode); // access denied
            Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync($"/forces/cheshire/responses/{inspection}?handler=Docx")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/forces/cheshire/responses")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/forces/cheshire/responses")).StatusCode);
        }

        using var governance = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        Assert.Equal(HttpStatusCode.OK, (await governance.GetAsync($"/forces/cheshire/responses/{inspection}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await governance.GetAsync($"/forces/cheshire/responses/{inspection}?handler=Docx")).StatusCode);
        var page = await governance.GetPageAsync($"/forces/cheshire/responses/{inspection}");
        Assert.NotNull(page.QuerySelector("#Answers_16__Text") is null ? page.QuerySelector("#answer-16") : null); // read-only: no fields
        Assert.Equal(HttpStatusCode.Redirect, (await governance.GetAsync($"/forces/cheshire/responses/{inspection}/check")).StatusCode); // PCC office only
    }

    private static async Task<int> InspectionIdAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Inspections.Select(i => i.Id).FirstAsync();
    }

    private static async Task<int> RecommendationIdAsync(EvenhandApp app, int inspection, int number)
    {
        await using var db = app.CreateDbContext();
        return await db.Recommendations.Where(r => r.InspectionId == inspection && r.Number == number).Select(r => r.Id).SingleAsync();
    }

    private static async Task<DateOnly?> PublishedOnAsync(EvenhandApp app, string slug)
    {
        await using var db = app.CreateDbContext();
        return await db.Section55Responses.Where(r => r.Force!.Slug == slug).Select(r => r.PublishedOn).SingleAsync();
    }

    /// <summary>Everything stored for the force's response, as one string to compare before and after.</summary>
    private static async Task<string> StoredAsync(EvenhandApp app, string slug)
    {
        await using var db = app.CreateDbContext();
        var r = await db.Section55Responses.AsNoTracking().Include(x => x.Items).Include(x => x.Corrections).SingleOrDefaultAsync(x => x.Force!.Slug == slug);
        return r is null ? "none" : JsonSerializer.Serialize(new
        {
            r.Version, r.ChiefOfficerInvitedOn, r.ChiefOfficerCommentsDueOn, r.ChiefOfficerCommentsReceivedOn, r.ChiefOfficerComments, r.ChiefOfficerNoCommentsNote,
            r.ResponseToChiefOfficerComments, r.PccComments, r.PublishedOn, r.PublicUrl, r.SentToInspectorateOn, r.SentToHomeSecretaryOn,
            Items = r.Items.OrderBy(i => i.RecommendationId).Select(i => new { i.RecommendationId, i.Stance, i.Text }),
            Corrections = r.Corrections.Count,
        });
    }
}

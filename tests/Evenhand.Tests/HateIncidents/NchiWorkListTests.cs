using System.Net;
using System.Text;
using System.Text.Json;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Analysis;
using Evenhand.HateIncidents.Rules;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.HateIncidents;

/// <summary>
/// Issue 9 through the pages, the API and the database on each provider: the Code's work lists hold NCHIs only, the due-work
/// API, telling the subject on a clock, deletion that leaves nothing in the database files, audited displays of the subject's
/// data and linkage by permission.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NchiWorkListTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Domain = "demo.evenhand.test";
    private static readonly string[] CodeWork = ["tell-subject", "reply-to-subject", "retention-review", "purge"];

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task HateCrimes_NeverAppearInTheCodesWorkLists_OnThePageOrInTheApi_EvenWithOldDueDates(string provider)
    {
        var app = apps.Get(provider);
        var crime = await TestData.CreateIncidentAsync(app, "cleveland", b => b
            .Reported("Test ward", "shop", "Assault with racist abuse.", "race").AsHateCrime().WithSubject("Crime Subject " + Guid.NewGuid().ToString("N")[..6], address: "2 Mill Lane"));
        Assert.Equal("hate-crime", crime.Classification);
        var (id, reference) = (crime.Id, crime.Reference);
        // Records from before the fix could carry the Code's dates; the lists must not depend on their being cleared.
        await using (var db = app.CreateDbContext())
        {
            var past = TestClock.DaysAgo(40);
            await db.HateIncidents.Where(i => i.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.RetentionReviewDueOn, past).SetProperty(i => i.SubjectToBeToldBy, past).SetProperty(i => i.SubjectReplyDueOn, past));
            db.PurgeConfirmations.Add(new PurgeConfirmation { HateIncidentId = id, System = "Body-worn video", RequestedAt = TestClock.Now.AddDays(-3) });
            await db.SaveChangesAsync();
        }

        using var specialist = await app.SignedInAsync($"specialist.cleveland@{Domain}");
        var items = await DueWorkAsync(specialist, "cleveland");
        Assert.DoesNotContain(items, i => CodeWork.Contains(i.Kind) && i.Classification == "hate-crime");
        Assert.DoesNotContain(items, i => i.Reference == reference);
        Assert.Contains(items, i => i.Kind == "review"); // the demo queue is not empty, so the list is really there

        var queue = await specialist.GetPageAsync("/forces/cleveland/hate-incidents/review-queue");
        foreach (var kind in CodeWork)
        {
            var table = queue.QuerySelector($"#{kind}");
            Assert.True(table is not null || queue.QuerySelector($"#{kind}-none") is not null, kind);
            Assert.DoesNotContain(reference, table?.TextContent ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("Hate crime", table?.TextContent ?? "", StringComparison.Ordinal);
        }

        // Every due-work item on the page shows its classification.
        Assert.All(queue.QuerySelectorAll("#tell-subject tbody tr, #reply-to-subject tbody tr, #retention-review tbody tr, #purge tbody tr"),
            row => Assert.NotNull(row.QuerySelector(".govuk-tag")));

        // The hate crime's own pages offer none of it, and say why.
        var page = await specialist.GetPageAsync($"/forces/cleveland/hate-incidents/{id}");
        Assert.DoesNotContain("Telling the subject", page.QuerySelector("#incident-actions")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Delete the subject's personal data", page.QuerySelector("#incident-actions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("section 60(4)", page.QuerySelector("#crime-recording-rules")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("retention review due", page.QuerySelector("#personal-data-status")!.TextContent, StringComparison.Ordinal);
        foreach (var step in new[] { "subject-notification", "delete-personal-data" })
        {
            var stepPage = await specialist.GetPageAsync($"/forces/cleveland/hate-incidents/{id}/{step}");
            Assert.NotNull(stepPage.QuerySelector("#crime-recording-rules"));
            Assert.Empty(stepPage.QuerySelectorAll("main form"));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task DemoData_PutsNoHateCrimeInTheCodesWorkLists_AndEveryItemHasItsClassification(string provider)
    {
        var app = apps.Get(provider);
        foreach (var slug in new[] { "cheshire", "cleveland", "hampshire-and-isle-of-wight", "west-midlands" })
        {
            using var specialist = await app.SignedInAsync($"specialist.{slug}@{Domain}");
            var items = await DueWorkAsync(specialist, slug);

            Assert.All(items, i => Assert.Contains(i.Classification, new[] { "hate-crime", "nchi", "nchi-with-personal-data", "no-record" }));
            Assert.DoesNotContain(items, i => CodeWork.Contains(i.Kind) && i.Classification == "hate-crime");
            Assert.All(items.Where(i => i.Kind is "tell-subject"), i => Assert.Equal("nchi-with-personal-data", i.Classification));
            Assert.All(items.Where(i => i.Kind is "review"), i => Assert.Contains(i.Classification, new[] { "nchi", "nchi-with-personal-data" }));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task DueWorkApi_HasTheReviewQueuesRolesAndForceScoping(string provider)
    {
        var app = apps.Get(provider);
        using var callTaker = await app.SignedInAsync($"calltaker.cleveland@{Domain}");
        using var governance = await app.SignedInAsync($"governance.cleveland@{Domain}");
        using var otherForce = await app.SignedInAsync($"specialist.cheshire@{Domain}");

        var ok = await callTaker.Http.GetAsync("/api/v1/forces/cleveland/hate-incidents/due-work");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var first = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0];
        Assert.Equal(["kind", "reference", "classification", "dueOn", "overdue"], first.EnumerateObject().Select(p => p.Name));
        var refused = await governance.Http.GetAsync("/api/v1/forces/cleveland/hate-incidents/due-work");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)refused.StatusCode}");
        Assert.DoesNotContain("\"items\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherForce.Http.GetAsync("/api/v1/forces/cleveland/hate-incidents/due-work")).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task TellingTheSubject_IsDueOnThePolicysClock_AndAFutureDateToldIsRefusedWithAMessage(string provider)
    {
        var app = apps.Get(provider);
        var incident = await TestData.CreateIncidentAsync(app, "cleveland", b => b
            .WithSubject("Subject " + Guid.NewGuid().ToString("N")[..8]).Reviewed(AssessmentOutcome.NchiWithPersonalData));
        var (id, reference) = (incident.Id, incident.Reference);
        using var specialist = await app.SignedInAsync($"specialist.cleveland@{Domain}");

        var today = TestClock.Today;
        var item = Assert.Single(await DueWorkAsync(specialist, "cleveland"), i => i.Reference == reference && i.Kind == "tell-subject");
        Assert.Equal(today.AddDays(14), item.DueOn);
        Assert.False(item.Overdue);
        Assert.Equal("nchi-with-personal-data", item.Classification);

        var url = $"/forces/cleveland/hate-incidents/{id}/subject-notification";
        var page = await specialist.GetPageAsync(url);
        Assert.Contains(UkDay(today.AddDays(14)), page.QuerySelector("#tell-by")!.TextContent, StringComparison.Ordinal);
        var tomorrow = today.AddDays(1);
        var refused = await specialist.SubmitAsync(page, "handler=Told", new Dictionary<string, string?>().WithDate("ToldOn", tomorrow));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        Assert.Contains("must be today or in the past", shown.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Null(await db.HateIncidents.Where(i => i.Id == id).Select(i => i.SubjectToldAt).SingleAsync());
        }

        var told = await specialist.SubmitAsync(page, "handler=Told", new Dictionary<string, string?>().WithDate("ToldOn", today));
        Assert.Equal(HttpStatusCode.Redirect, told.StatusCode);
        Assert.DoesNotContain(await DueWorkAsync(specialist, "cleveland"), i => i.Reference == reference && i.Kind == "tell-subject");
    }

    [SkippableFact]
    public async Task DeletingTheSubject_LeavesNoTraceOfNameAddressOrPhoneInTheSqliteFileOrItsWal()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        var tag = Guid.NewGuid().ToString("N")[..12];
        var name = $"Quentin Zeal{tag}";
        var address = $"{tag} Larkspur Terrace, Stockton";
        var phone = $"07700 9{Random.Shared.Next(0, 99999):D5}{tag[..4]}";
        var id = (await TestData.CreateIncidentAsync(app, "cleveland", b => b
            .Assessed(risk: true, rationale: "Threats repeated over weeks").WithSubject(name, new DateOnly(1979, 5, 6), address, phone, "Lives next door"))).Id;
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource;

        // The test can fail: before the deletion the data is there, in the file or its write-ahead log.
        Assert.True(Occurrences(path, name) + Occurrences(path, address) + Occurrences(path, phone) > 0, "the subject's data should be in the files before deletion");

        using var specialist = await app.SignedInAsync($"specialist.cleveland@{Domain}");
        var page = await specialist.GetPageAsync($"/forces/cleveland/hate-incidents/{id}/delete-personal-data");
        var deleted = await specialist.SubmitAsync(page, "delete-personal-data", new() { ["Reason"] = "Retention review: no longer needed" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        foreach (var text in new[] { name, name.ToLowerInvariant(), address, phone })
        {
            Assert.Equal(0, Occurrences(path, text));
        }

        Assert.Equal(0, File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
    }

    [SkippableFact]
    public async Task DueWorkJob_VacuumsThePersonalDataTables_OnPostgres()
    {
        var app = apps.Get(TestDatabases.Postgres);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
        // The server's clock, not this process's: last_vacuum is the server's time (and tests/at-date moves only this process's).
        var before = (await db.Database.SqlQueryRaw<DateTime>("SELECT statement_timestamp() AS \"Value\"").SingleAsync()).AddSeconds(-1);

        await scope.ServiceProvider.GetRequiredService<HateIncidentDueWork>().RunAsync();

        var vacuumed = await db.Database.SqlQueryRaw<DateTime?>(
            "SELECT last_vacuum AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'IncidentPeople'").SingleAsync();
        // The statistics collector can lag a moment behind the VACUUM itself.
        for (var i = 0; i < 20 && (vacuumed is null || vacuumed < before); i++)
        {
            await Task.Delay(100);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_stat_clear_snapshot();");
            vacuumed = await db.Database.SqlQueryRaw<DateTime?>(
                "SELECT last_vacuum AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'IncidentPeople'").SingleAsync();
        }

        Assert.True(vacuumed >= before, $"IncidentPeople last vacuumed {vacuumed:o}, expected after {before:o}");
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task IncidentPage_ListingFilesAboutTheSubject_IsAudited_AndNothingIsAuditedWhereNoneIsShown(string provider)
    {
        var app = apps.Get(provider);
        var id = (await TestData.CreateIncidentAsync(app, "cleveland", b => b.WithSubject("Subject " + Guid.NewGuid().ToString("N")[..8]))).Id;
        using var specialist = await app.SignedInAsync($"specialist.cleveland@{Domain}");
        using var callTaker = await app.SignedInAsync($"calltaker.cleveland@{Domain}");
        var url = $"/forces/cleveland/hate-incidents/{id}";
        var page = await specialist.GetPageAsync(url);
        var attached = await specialist.SubmitAsync(page, "handler=Attachment",
            new() { ["AttachmentDescription"] = "Letter the subject wrote", ["AttachmentAboutSubject"] = "true" }, ("Upload", "subject-letter.txt", "words"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);

        var before = await ShownAsync(app, id);
        var shown = await specialist.GetPageAsync(url);
        Assert.Contains("subject-letter.txt", shown.QuerySelector("#attachment-list")!.TextContent, StringComparison.Ordinal);
        var after = await ShownAsync(app, id);
        var entry = Assert.Single(after.Skip(before.Count));
        Assert.Contains("\"Page\":\"incident\"", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"SubjectFiles\":1", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("subject-letter", entry.After, StringComparison.Ordinal);

        // The call taker (policy: no subject data) is not shown the file, so no view of subject data is recorded.
        var hidden = await callTaker.GetPageAsync(url);
        Assert.DoesNotContain("subject-letter.txt", hidden.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(after.Count, (await ShownAsync(app, id)).Count);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AssessAndReviewPages_ShowTheRationaleOnlyToRolesThatMaySeeTheSubject_AndAuditIt(string provider)
    {
        var app = apps.Get(provider);
        var id = (await TestData.CreateIncidentAsync(app, "cleveland", b => b.WithSubject("Subject " + Guid.NewGuid().ToString("N")[..8]))).Id;
        using var specialist = await app.SignedInAsync($"specialist.cleveland@{Domain}");
        using var callTaker = await app.SignedInAsync($"calltaker.cleveland@{Domain}");
        const string rationale = "Repeated threats to the same family";
        var before = await ShownAsync(app, id);

        var hidden = await callTaker.GetPageAsync($"/forces/cleveland/hate-incidents/{id}/assess");
        Assert.DoesNotContain(rationale, hidden.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await ShownAsync(app, id)).Count);

        var assess = await specialist.GetPageAsync($"/forces/cleveland/hate-incidents/{id}/assess");
        Assert.Contains(rationale, assess.QuerySelector("#Rationale")!.TextContent, StringComparison.Ordinal);
        var review = await specialist.GetPageAsync($"/forces/cleveland/hate-incidents/{id}/review");
        Assert.Contains(rationale, review.Body!.InnerHtml, StringComparison.Ordinal);
        var views = (await ShownAsync(app, id)).Skip(before.Count).ToList();
        Assert.Equal(2, views.Count);
        Assert.Contains(views, v => v.After!.Contains("\"Page\":\"assess\"", StringComparison.Ordinal));
        Assert.Contains(views, v => v.After!.Contains("\"Page\":\"review\"", StringComparison.Ordinal));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RepeatSubjects_ShowReferencesOnlyToRolesThePolicyAllows_AndEachViewIsAudited(string provider)
    {
        var app = apps.Get(provider);
        using var callTaker = await app.SignedInAsync($"calltaker.cleveland@{Domain}");
        using var specialist = await app.SignedInAsync($"specialist.cleveland@{Domain}");
        using var governance = await app.SignedInAsync($"governance.cleveland@{Domain}");
        const string url = "/forces/cleveland/hate-incidents/analysis?show=repeats";
        const string csv = "/forces/cleveland/hate-incidents/analysis?handler=Csv&breakdown=repeat-subjects";

        var full = await specialist.GetPageAsync(url);
        var fullRows = full.QuerySelectorAll("#repeat-subjects tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(fullRows, r => r.Contains("CL-", StringComparison.Ordinal)); // the demo has repeat subjects with references
        var linkageViews = await LinkageViewsAsync(app);
        Assert.NotEmpty(linkageViews);

        // Cleveland's policy hides subjects from call takers: counts, no references, in the page and the CSV.
        var limited = await callTaker.GetPageAsync(url);
        Assert.NotNull(limited.QuerySelector("#repeat-subjects-hidden"));
        Assert.DoesNotContain("CL-", limited.QuerySelector("#repeat-subjects")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(fullRows.Count, limited.QuerySelectorAll("#repeat-subjects tbody tr").Length);
        Assert.DoesNotContain("CL-", await callTaker.Http.GetStringAsync(csv), StringComparison.Ordinal);
        // Call takers may see complainants, so that table keeps its references.
        Assert.Contains("CL-", limited.QuerySelector("#repeat-complainants")!.TextContent, StringComparison.Ordinal);

        // Governance sees neither table's references.
        var aggregate = await governance.GetPageAsync(url);
        Assert.DoesNotContain("CL-", aggregate.QuerySelector("#repeat-subjects")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("CL-", aggregate.QuerySelector("#repeat-complainants")!.TextContent, StringComparison.Ordinal);

        var afterHidden = await LinkageViewsAsync(app);
        Assert.Equal(linkageViews.Count + 1, afterHidden.Count); // only the call taker's complainant table was a view of linkage
        Assert.Contains("CL-", await specialist.Http.GetStringAsync(csv), StringComparison.Ordinal);
        Assert.Equal(afterHidden.Count + 1, (await LinkageViewsAsync(app)).Count);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task SchoolCase_AssessedOnThePage_ShowsTheReferralToTheSchoolAndTheSafeguardingReferral(string provider)
    {
        var app = apps.Get(provider);
        var id = (await TestData.CreateIncidentAsync(app, "cleveland", b => b.RecordedBy(IncidentStaffRole.CallTaker)
            .Reported("Test ward", "school playground", "Repeated racist threats between pupils at a secondary school.", "race").WithSafeguardingConcern())).Id;

        using var callTaker = await app.SignedInAsync($"calltaker.cleveland@{Domain}");
        var page = await callTaker.GetPageAsync($"/forces/cleveland/hate-incidents/{id}/assess");
        var saved = await callTaker.SubmitAsync(page, "/assess", new()
        {
            ["Answers[isCrime]"] = "false", ["Answers[perceivedHostility]"] = "true", ["Answers[trivialIrrationalOrMalicious]"] = "false",
            ["Answers[basisToConcludeIntentionalHostility]"] = "true", ["Answers[schoolChildrenOnSchoolPremises]"] = "true",
            ["Answers[lawfulFreedomOfExpression]"] = "false", ["Answers[realRiskOfSignificantHarm]"] = "true", ["Answers[realRiskOfFutureOffence]"] = "false",
            ["Answers[immediateRisk]"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var incident = await callTaker.GetPageAsync($"/forces/cleveland/hate-incidents/{id}");
        var advice = incident.QuerySelector("#referral-advice")!.TextContent;
        Assert.Contains("designated safeguarding lead", advice, StringComparison.Ordinal);
        Assert.Contains("Safeguarding referral", advice, StringComparison.Ordinal);
        Assert.Contains("No hate-incident record", incident.QuerySelector("#assessment-outcome")!.TextContent, StringComparison.Ordinal);
    }

    private sealed record DueItem(string Kind, string Reference, string? Classification, DateOnly? DueOn, bool Overdue);

    private static async Task<List<DueItem>> DueWorkAsync(PageClient client, string slug)
    {
        var json = JsonDocument.Parse(await client.Http.GetStringAsync($"/api/v1/forces/{slug}/hate-incidents/due-work")).RootElement;
        return json.GetProperty("items").EnumerateArray().Select(i => new DueItem(
            i.GetProperty("kind").GetString()!, i.GetProperty("reference").GetString()!, i.GetProperty("classification").GetString(),
            i.GetProperty("dueOn").ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(i.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            i.GetProperty("overdue").GetBoolean())).ToList();
    }

    private static string UkDay(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many times <paramref name="text"/> (UTF-8) occurs in the database file and its write-ahead log, read as raw bytes.</summary>
    private static int Occurrences(string path, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var count = 0;
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.GetBuffer().AsSpan(0, (int)memory.Length);
            for (var at = bytes.IndexOf(needle); at >= 0; at = bytes[(at + 1)..].IndexOf(needle) is var next and >= 0 ? at + 1 + next : -1)
            {
                count++;
            }
        }

        return count;
    }

    private static async Task<List<Evenhand.Auditing.AuditEntry>> ShownAsync(EvenhandApp app, int id)
    {
        await using var db = app.CreateDbContext();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.Where(a => a.EntityType == HateIncidentService.PersonalDataEntity && a.EntityId == key && a.Action == "Viewed")
            .OrderBy(a => a.Id).ToListAsync();
    }

    private static async Task<List<Evenhand.Auditing.AuditEntry>> LinkageViewsAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.Where(a => a.EntityType == HateIncidentAnalysisService.LinkageEntity && a.Action == "Viewed").OrderBy(a => a.Id).ToListAsync();
    }
}

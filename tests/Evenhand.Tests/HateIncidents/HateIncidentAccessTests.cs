using System.Net;
using System.Text;
using System.Text.Json;
using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.HateIncidents;

/// <summary>
/// Hate incidents through the pages and the API on each provider: who sees personal data, force scoping, deletion that
/// really deletes, audited views, stale edits and the legacy code import.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HateIncidentAccessTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Domain = "demo.evenhand.test";

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task CallTaker_CannotSeeSubjectPersonalData_UnlessThePolicyAllows(string provider)
    {
        var app = apps.Get(provider);
        var subject = UniqueName("Subject");
        var id = (await TestData.CreateIncidentAsync(app, "cleveland", b => b.WithComplainant(UniqueName("Complainant")).WithSubject(subject))).Id;
        var url = $"/forces/cleveland/hate-incidents/{id}/personal-data";
        using var callTaker = await app.SignedInAsync($"calltaker.cleveland@{Domain}");
        using var specialist = await app.SignedInAsync($"specialist.cleveland@{Domain}");
        using var governance = await app.SignedInAsync($"governance.cleveland@{Domain}");
        using var pcc = await app.SignedInAsync($"pcc.cleveland@{Domain}");
        using var inspector = await app.SignedInAsync($"inspectorate@{Domain}");

        try
        {
            var page = await callTaker.GetPageAsync(url);
            Assert.DoesNotContain(subject, page.Body!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("#subject-withheld"));
            Assert.Contains(subject, (await specialist.GetPageAsync(url)).Body!.TextContent, StringComparison.Ordinal);
            // Nor in the download a call taker can make.
            Assert.DoesNotContain(subject, await callTaker.Http.GetStringAsync(url + "?handler=Download"), StringComparison.Ordinal);

            await SetCallTakersMaySeeAsync(app, "cleveland", true);
            page = await callTaker.GetPageAsync(url);
            Assert.Contains(subject, page.Body!.TextContent, StringComparison.Ordinal);

            await SetCallTakersMaySeeAsync(app, "cleveland", false);
            page = await callTaker.GetPageAsync(url);
            Assert.DoesNotContain(subject, page.Body!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await SetCallTakersMaySeeAsync(app, "cleveland", false);
        }

        // Governance, the PCC office and the inspectorate never see incidents or personal data.
        foreach (var client in new[] { governance, pcc, inspector })
        {
            foreach (var u in new[] { url, $"/forces/cleveland/hate-incidents/{id}", "/forces/cleveland/hate-incidents" })
            {
                var r = await client.GetAsync(u);
                Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{u}: {(int)r.StatusCode}");
                Assert.DoesNotContain(subject, await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // The list and detail pages never show personal data, even to a specialist.
        Assert.DoesNotContain(subject, (await specialist.GetPageAsync($"/forces/cleveland/hate-incidents/{id}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(subject, (await specialist.GetPageAsync("/forces/cleveland/hate-incidents")).Body!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AnotherForcesIncidents_AreInvisible(string provider)
    {
        var app = apps.Get(provider);
        var incident = await TestData.CreateIncidentAsync(app, "west-midlands", b => b.WithSubject(UniqueName("Subject")));
        var (id, reference) = (incident.Id, incident.Reference);
        using var cheshire = await app.SignedInAsync($"specialist.cheshire@{Domain}");

        foreach (var url in new[]
        {
            "/forces/west-midlands/hate-incidents", $"/forces/west-midlands/hate-incidents/{id}", $"/forces/west-midlands/hate-incidents/{id}/personal-data",
            $"/forces/west-midlands/hate-incidents/{id}/review", "/forces/west-midlands/hate-incidents/review-queue", "/forces/west-midlands/hate-incidents/policy",
            // The other force's id under the user's own force.
            $"/forces/cheshire/hate-incidents/{id}", $"/forces/cheshire/hate-incidents/{id}/personal-data", $"/forces/cheshire/hate-incidents/{id}/delete-personal-data",
            "/api/v1/forces/west-midlands/hate-incidents", $"/api/v1/forces/west-midlands/hate-incidents/{id}", $"/api/v1/forces/cheshire/hate-incidents/{id}",
        })
        {
            Assert.True((await cheshire.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        var list = await cheshire.GetPageAsync($"/forces/cheshire/hate-incidents?reference={reference}");
        Assert.Null(list.QuerySelector("#incidents"));
        var api = await cheshire.Http.GetStringAsync($"/api/v1/forces/cheshire/hate-incidents?pageSize=100");
        Assert.DoesNotContain(reference, api, StringComparison.Ordinal);

        // A form of the user's own force re-aimed at the other force's incident changes nothing.
        var own = (await TestData.CreateIncidentAsync(app, "cheshire", b => b.Assessed())).Id;
        var page = await cheshire.GetPageAsync($"/forces/cheshire/hate-incidents/{own}/review");
        page.QuerySelector("form[action$='/review']")!.SetAttribute("action", $"/forces/cheshire/hate-incidents/{id}/review");
        var post = await cheshire.SubmitAsync(page, $"/{id}/review", new() { ["Outcome"] = "NoRecord", ["Note"] = "cross-force" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Null((await db.HateIncidents.SingleAsync(i => i.Id == id)).ReviewedAt);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task DeletingTheSubjectsPersonalData_RemovesItEverywhere(string provider)
    {
        var app = apps.Get(provider);
        var subject = UniqueName("Subject");
        var address = UniqueName("Street");
        var created = await TestData.CreateIncidentAsync(app, "hampshire-and-isle-of-wight", b => b.WithSubject(subject, address: address));
        var (id, reference) = (created.Id, created.Reference);
        var slug = "hampshire-and-isle-of-wight";
        using var specialist = await app.SignedInAsync($"specialist.{slug}@{Domain}");
        Assert.Contains(subject, await specialist.Http.GetStringAsync($"/forces/{slug}/hate-incidents/{id}/personal-data?handler=Download"), StringComparison.Ordinal);

        var page = await specialist.GetPageAsync($"/forces/{slug}/hate-incidents/{id}/delete-personal-data");
        var response = await specialist.SubmitAsync(page, "/delete-personal-data", new() { ["Reason"] = "Recorded without a lawful basis" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.IncidentPeople.AnyAsync(p => p.HateIncidentId == id && p.Role == PersonRole.Subject));
            Assert.False(await db.IncidentPeople.AnyAsync(p => p.Name == subject || p.Address == address));
            var incident = await db.HateIncidents.Include(i => i.History).SingleAsync(i => i.Id == id);
            Assert.NotNull(incident.PersonalDataDeletedAt);
            Assert.Null(incident.SubjectReply);
            Assert.DoesNotContain(subject, JsonSerializer.Serialize(incident), StringComparison.Ordinal);
            var audit = await db.AuditEntries.Where(a => a.ForceId == incident.ForceId).ToListAsync();
            Assert.DoesNotContain(audit, a => $"{a.Before}{a.After}{a.Reason}".Contains(subject, StringComparison.Ordinal) || $"{a.Before}{a.After}".Contains(address, StringComparison.Ordinal));
            Assert.Contains(audit, a => a.EntityType == HateIncidentService.PersonalDataEntity && a.EntityId == id.ToString() && a.Action == "Deleted");
            var purges = await db.PurgeConfirmations.Where(p => p.HateIncidentId == id).ToListAsync();
            Assert.Equal(PurgeConfirmation.DefaultSystems.Count, purges.Count);
            Assert.All(purges, p => Assert.Null(p.ConfirmedAt));
        }

        // Every export and read made afterwards.
        Assert.DoesNotContain(subject, await specialist.Http.GetStringAsync($"/forces/{slug}/hate-incidents/{id}/personal-data?handler=Download"), StringComparison.Ordinal);
        Assert.DoesNotContain(subject, await specialist.Http.GetStringAsync($"/forces/{slug}/hate-incidents?handler=Csv&reference={reference}"), StringComparison.Ordinal);
        Assert.DoesNotContain(subject, await specialist.Http.GetStringAsync($"/api/v1/forces/{slug}/hate-incidents/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(subject, (await specialist.GetPageAsync($"/forces/{slug}/hate-incidents/{id}/personal-data")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"subjectPersonalDataHeld\":false", await specialist.Http.GetStringAsync($"/api/v1/forces/{slug}/hate-incidents/{id}"), StringComparison.Ordinal);

        // Each other system is confirmed on its own.
        page = await specialist.GetPageAsync($"/forces/{slug}/hate-incidents/{id}/delete-personal-data");
        var first = await specialist.SubmitAsync(page, "handler=Purge", new() { ["PurgeNote"] = "Deleted from the log" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.PurgeConfirmations.CountAsync(p => p.HateIncidentId == id && p.ConfirmedAt != null));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task FilesAboutTheSubject_AreHiddenFromCallTakers_AuditedOnDownload_AndDeletedWithTheSubjectsData(string provider)
    {
        var app = apps.Get(provider);
        const string slug = "cheshire";
        var id = (await TestData.CreateIncidentAsync(app, slug, b => b.WithSubject(UniqueName("Subject")))).Id;
        using var specialist = await app.SignedInAsync($"specialist.{slug}@{Domain}");
        using var callTaker = await app.SignedInAsync($"calltaker.{slug}@{Domain}");
        var url = $"/forces/{slug}/hate-incidents/{id}";
        var photo = Encoding.UTF8.GetBytes("a photograph of the subject");

        var sent = await specialist.SubmitAsync(await specialist.GetPageAsync(url), "handler=Attachment",
            new() { ["AttachmentDescription"] = "Photograph", ["AttachmentAboutSubject"] = "true" }, ("Upload", "subject-photo.png", photo));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        sent = await callTaker.SubmitAsync(await callTaker.GetPageAsync(url), "handler=Attachment", new(), ("Upload", "route-map.pdf", [1, 2, 3]));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        // Too large: the form says why, nothing is stored.
        var tooBig = await specialist.SubmitAsync(await specialist.GetPageAsync(url), "handler=Attachment", new(),
            ("Upload", "huge.bin", new byte[Evenhand.HateIncidents.IncidentAttachment.MaxBytes + 1]));
        Assert.Equal(HttpStatusCode.OK, tooBig.StatusCode);
        Assert.Contains("attachments must be smaller than 10 MB", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        int photoId, mapId;
        await using (var db = app.CreateDbContext())
        {
            var files = await db.Set<IncidentAttachment>().Where(a => a.HateIncidentId == id).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal([("subject-photo.png", true), ("route-map.pdf", false)], files.Select(f => (f.FileName, f.AboutSubject)));
            (photoId, mapId) = (files[0].Id, files[1].Id);
        }

        Assert.DoesNotContain("subject-photo.png", (await callTaker.GetPageAsync(url)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("route-map.pdf", (await callTaker.GetPageAsync(url)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await callTaker.GetAsync($"{url}?handler=Attachment&attachmentId={photoId}")).StatusCode);

        int ViewsOf(Evenhand.Data.EvenhandDbContext db, int attachmentId) =>
            db.AuditEntries.Count(a => a.EntityType == nameof(IncidentAttachment) && a.EntityId == attachmentId.ToString() && a.Action == "Viewed");
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, ViewsOf(db, photoId));
        }

        var download = await specialist.GetAsync($"{url}?handler=Attachment&attachmentId={photoId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, ViewsOf(db, photoId));
        }

        var page = await specialist.GetPageAsync($"{url}/delete-personal-data");
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(page, "/delete-personal-data", new() { ["Reason"] = "No lawful basis any more" })).StatusCode);

        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Set<IncidentAttachment>().AnyAsync(a => a.Id == photoId));
            Assert.False(await db.Set<IncidentAttachmentFile>().AnyAsync(f => f.IncidentAttachmentId == photoId));
            Assert.True(await db.Set<IncidentAttachmentFile>().AnyAsync(f => f.IncidentAttachmentId == mapId));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"{url}?handler=Attachment&attachmentId={photoId}")).StatusCode);
        Assert.DoesNotContain("subject-photo.png", (await specialist.GetPageAsync(url)).Body!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task EveryViewOfPersonalData_LeavesAnAuditEntry(string provider)
    {
        var app = apps.Get(provider);
        var subject = UniqueName("Subject");
        var id = (await TestData.CreateIncidentAsync(app, "cheshire", b => b.WithSubject(subject))).Id;
        using var specialist = await app.SignedInAsync($"registrar.cheshire@{Domain}");
        using var callTaker = await app.SignedInAsync($"calltaker.cheshire@{Domain}");
        var before = await ViewsAsync(app, id);

        await specialist.GetPageAsync($"/forces/cheshire/hate-incidents/{id}/personal-data");
        await specialist.Http.GetStringAsync($"/forces/cheshire/hate-incidents/{id}/personal-data?handler=Download");
        await callTaker.GetPageAsync($"/forces/cheshire/hate-incidents/{id}/personal-data");
        // The incident page shows the specialist the rationale for holding the subject's data: a view of it.
        await specialist.GetPageAsync($"/forces/cheshire/hate-incidents/{id}");
        // Pages that show no personal data are not "views" of it: the call taker's incident page hides the rationale.
        await callTaker.GetPageAsync($"/forces/cheshire/hate-incidents/{id}");

        var views = await ViewsAsync(app, id);
        Assert.Equal(before.Count + 4, views.Count);
        Assert.Single(views, v => (v.After ?? "").Contains("\"Page\":\"incident\"", StringComparison.Ordinal) && (v.After ?? "").Contains("\"Rationale\":true", StringComparison.Ordinal));
        Assert.Contains(views, v => v.UserName.Contains("registrar", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(views, v => v.UserName.Contains("Call taker", StringComparison.OrdinalIgnoreCase));
        Assert.All(views, v => Assert.DoesNotContain(subject, $"{v.Before}{v.After}{v.Reason}", StringComparison.Ordinal));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task StaleEdit_ShowsTheConflictMessage_AndKeepsTheFirstEdit(string provider)
    {
        var app = apps.Get(provider);
        var id = (await TestData.CreateIncidentAsync(app, "cheshire", b => b.Assessed())).Id;
        using var alice = await app.SignedInAsync($"specialist.cheshire@{Domain}");
        using var bob = await app.SignedInAsync($"registrar.cheshire@{Domain}");
        var url = $"/forces/cheshire/hate-incidents/{id}/review";
        var alicePage = await alice.GetPageAsync(url);
        var bobPage = await bob.GetPageAsync(url);

        var first = await alice.SubmitAsync(alicePage, "/review", new() { ["Outcome"] = "Nchi", ["Note"] = "Confirmed by Alice" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await bob.SubmitAsync(bobPage, "/review", new() { ["Outcome"] = "HateCrime", ["Note"] = "Bob's stale review" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var incident = await db.HateIncidents.SingleAsync(i => i.Id == id);
        Assert.Equal("nchi", incident.Classification);
        Assert.Equal("Confirmed by Alice", incident.ReviewNote);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task LegacyCodeCsv_WithABadRow_ReportsTheLine_AndStoresNothing(string provider)
    {
        var app = apps.Get(provider);
        using var registrar = await app.SignedInAsync($"registrar.cleveland@{Domain}");
        var prefix = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var page = await registrar.GetPageAsync("/forces/cleveland/hate-incidents/codes");
        var bad = $"legacy_code,code\n{prefix}-1,NCHI-RACE\n{prefix}-2,NOT-A-CODE\n{prefix}-3,HC-RELIGION\n";

        var response = await registrar.SubmitAsync(page, "/codes", new(), ("Upload", "legacy.csv", Encoding.UTF8.GetBytes(bad)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("line 3", html, StringComparison.Ordinal);
        Assert.Contains("NOT-A-CODE", html, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.LegacyCodeMappings.AnyAsync(m => m.LegacyCode.StartsWith(prefix)));
        }

        page = await registrar.GetPageAsync("/forces/cleveland/hate-incidents/codes");
        var good = $"legacy_code,code\n{prefix}-1,NCHI-RACE\n{prefix}-3,HC-RELIGION\n";
        var ok = await registrar.SubmitAsync(page, "/codes", new(), ("Upload", "legacy.csv", Encoding.UTF8.GetBytes(good)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(2, await db.LegacyCodeMappings.CountAsync(m => m.LegacyCode.StartsWith(prefix)));
        }

        // Only the registrar (and administrators) may upload the mapping.
        using var specialist = await app.SignedInAsync($"specialist.cleveland@{Domain}");
        var specialistPage = await specialist.GetPageAsync("/forces/cleveland/hate-incidents/codes");
        Assert.Null(specialistPage.QuerySelector("input#Upload"));

        // Anyone who sees the codes can translate a file of past incidents through the force's mapping.
        var past = $"reference,legacy_code,area\nR1,{prefix}-1,Crewe\nR2,{prefix.ToLowerInvariant()}-3,\"Chester, city\"\nR3,{prefix}-9,Widnes\n";
        var translated = await specialist.SubmitAsync(specialistPage, "handler=Translate", new(), ("Incidents", "past.csv", Encoding.UTF8.GetBytes(past)));
        Assert.Equal(HttpStatusCode.OK, translated.StatusCode);
        Assert.Equal("text/csv", translated.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", translated.Headers.GetValues("X-Evenhand-Untranslated").Single());
        var lines = (await translated.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("reference,legacy_code,area,national_code,outcome,characteristic", lines[0]);
        Assert.Equal($"R1,{prefix}-1,Crewe,NCHI-RACE,nchi,race", lines[1]);
        Assert.Equal($"R2,{prefix.ToLowerInvariant()}-3,\"Chester, city\",HC-RELIGION,hate-crime,religion", lines[2]);
        Assert.Equal($"R3,{prefix}-9,Widnes,,,", lines[3]);

        // A file without the column says which columns it has.
        specialistPage = await specialist.GetPageAsync("/forces/cleveland/hate-incidents/codes");
        var wrong = await specialist.SubmitAsync(specialistPage, "handler=Translate", new(), ("Incidents", "wrong.csv", Encoding.UTF8.GetBytes("reference,code\nR1,X\n")));
        Assert.Contains("no legacy_code column. Its columns are: reference, code", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RecordAssessAndReview_ThroughThePages(string provider)
    {
        var app = apps.Get(provider);
        // Where the force's policy is specialist triage (West Midlands' demo policy), a call taker cannot save an assessment.
        var triaged = (await TestData.CreateIncidentAsync(app, "west-midlands", b => b.Assessed())).Id;
        using (var wmCallTaker = await app.SignedInAsync($"calltaker.west-midlands@{Domain}"))
        {
            var wm = await wmCallTaker.GetPageAsync($"/forces/west-midlands/hate-incidents/{triaged}/assess");
            Assert.DoesNotContain(wm.QuerySelectorAll("button"), b => b.TextContent.Contains("Save assessment", StringComparison.Ordinal));
        }

        using var callTaker = await app.SignedInAsync($"calltaker.cheshire@{Domain}");
        var area = UniqueName("Ward");
        var form = await callTaker.GetPageAsync("/forces/cheshire/hate-incidents/new");
        var recorded = await callTaker.SubmitAsync(form, "/new", new Dictionary<string, string?>
        {
            ["ReportedTime"] = "18:10", ["Channel"] = "Phone", ["OccurredTime"] = "17:45",
            ["Area"] = area, ["LocationDescription"] = "bus", ["Circumstances"] = "A passenger shouted racist abuse at the complainant on the bus.",
            ["Characteristics"] = "race", ["PerceivedBy"] = "Complainant", ["ImmediateRisk"] = "false", ["SafeguardingConcern"] = "false",
        }.WithDate("ReportedOn", TestClock.DaysAgo(2)).WithDate("OccurredOn", TestClock.DaysAgo(2)));
        Assert.True(recorded.StatusCode == HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        var detail = recorded.Headers.Location!.OriginalString;
        var id = int.Parse(detail.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // Missing answers are refused with a message per question.
        var assess = await callTaker.GetPageAsync($"{detail}/assess");
        var missing = await callTaker.SubmitAsync(assess, "/assess", new() { ["Answers[isCrime]"] = "false" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("govuk-error-summary", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The summary lists the unanswered questions in the order the form asks them, each linked to its question.
        var missingPage = await PageClient.ParseAsync(missing);
        var links = missingPage.QuerySelectorAll(".govuk-error-summary__list a").Select(l => l.GetAttribute("href")!.TrimStart('#')).ToList();
        Assert.True(links.Count >= 5, string.Join(", ", links));
        var inPage = missingPage.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.All(links, l => Assert.Contains(l, inPage));
        Assert.Equal(links.OrderBy(l => inPage.IndexOf(l)), links);

        var answers = new Dictionary<string, string?>
        {
            ["Answers[isCrime]"] = "false", ["Answers[perceivedHostility]"] = "true", ["Answers[trivialIrrationalOrMalicious]"] = "false", ["Answers[basisToConcludeIntentionalHostility]"] = "true",
            ["Answers[schoolChildrenOnSchoolPremises]"] = "false", ["Answers[lawfulFreedomOfExpression]"] = "false",
            ["Answers[realRiskOfSignificantHarm]"] = "false", ["Answers[realRiskOfFutureOffence]"] = "false", ["Answers[immediateRisk]"] = "false",
        };
        var preview = await callTaker.Http.PostAsync($"{detail}/assess?handler=Preview", new FormUrlEncodedContent(
            answers.Select(a => new KeyValuePair<string, string>(a.Key, a.Value!)).Append(new("__RequestVerificationToken",
                assess.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!))));
        Assert.Contains("assessment-reasons", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await callTaker.SubmitAsync(assess, "/assess", answers);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(saved));

        var page = await callTaker.GetPageAsync(detail);
        Assert.Contains("Non-crime hate incident", page.QuerySelector("#assessment-outcome")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("#assessment-reasons li"));
        // A call taker cannot review.
        Assert.Equal(HttpStatusCode.Redirect, (await callTaker.GetAsync($"{detail}/review")).StatusCode);

        using var specialist = await app.SignedInAsync($"specialist.cheshire@{Domain}");
        var queue = await specialist.GetPageAsync("/forces/cheshire/hate-incidents/review-queue");
        Assert.NotNull(queue.QuerySelector($"#review-queue a[href$='/{id}/review']"));
        var review = await specialist.GetPageAsync($"{detail}/review");
        var reviewed = await specialist.SubmitAsync(review, "/review", new() { ["Outcome"] = "Nchi", ["Note"] = "Codes checked" });
        Assert.True(reviewed.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(reviewed));
        queue = await specialist.GetPageAsync("/forces/cheshire/hate-incidents/review-queue");
        Assert.Null(queue.QuerySelector($"#review-queue a[href$='/{id}/review']"));

        await using var db = app.CreateDbContext();
        var incident = await db.HateIncidents.SingleAsync(i => i.Id == id);
        Assert.Equal(IncidentStatus.Finalised, incident.Status);
        Assert.Equal("NCHI-RACE", incident.FinalisingCode);
        Assert.Equal(Code2023Rev2RuleSet.RuleSetId, incident.RuleSetId);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task SubjectPersonalData_CanBeAddedOnlyWhereTheAssessmentAllowsIt(string provider)
    {
        var app = apps.Get(provider);
        var withRisk = (await TestData.CreateIncidentAsync(app, "cleveland", b => b.WithSubject(UniqueName("Subject")))).Id;
        var withoutRisk = (await TestData.CreateIncidentAsync(app, "cleveland", b => b.Assessed())).Id;
        using var specialist = await app.SignedInAsync($"specialist.cleveland@{Domain}");
        var name = UniqueName("Second subject");

        var page = await specialist.GetPageAsync($"/forces/cleveland/hate-incidents/{withRisk}/personal-data");
        var added = await specialist.SubmitAsync(page, "/personal-data", new()
        {
            ["PersonRole"] = "Subject", ["Name"] = name, ["DateOfBirth.Day"] = "", ["DateOfBirth.Month"] = "", ["DateOfBirth.Year"] = "",
            ["Address"] = "", ["Contact"] = "", ["Description"] = "",
        });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(added));
        Assert.Contains(name, (await specialist.GetPageAsync($"/forces/cleveland/hate-incidents/{withRisk}/personal-data")).QuerySelector("#people")!.TextContent, StringComparison.Ordinal);

        page = await specialist.GetPageAsync($"/forces/cleveland/hate-incidents/{withoutRisk}/personal-data");
        Assert.NotNull(page.QuerySelector("#subject-not-allowed"));
        var refused = await specialist.SubmitAsync(page, "/personal-data", new() { ["PersonRole"] = "Subject", ["Name"] = name });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("may not be recorded", await ErrorsAsync(refused), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.IncidentPeople.AnyAsync(p => p.HateIncidentId == withoutRisk && p.Role == PersonRole.Subject));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Api_Assess_IsStateless_AndSpeaksTheCliJson(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync($"calltaker.cheshire@{Domain}");
        var token = JsonDocument.Parse(await client.Http.GetStringAsync("/api/v1/antiforgery")).RootElement.GetProperty("token").GetString();
        client.Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);

        var response = await client.Http.PostAsync("/api/v1/hate-incidents/assess", Json(new
        {
            characteristics = new[] { "race" }, perceivedHostility = true, basisToConcludeIntentionalHostility = true, isCrime = false, realRiskOfSignificantHarm = true,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("nchi-with-personal-data", json.GetProperty("outcome").GetString());
        Assert.True(json.GetProperty("subjectPersonalDataAllowed").GetBoolean());
        Assert.Equal("required", json.GetProperty("specialistReview").GetString());
        Assert.True(json.GetProperty("reasons").GetArrayLength() > 0);

        // Under code-2023 an unknown characteristic was refused; from code-2023-r2 it is a decision: no record, naming the adopted list.
        var bad = await client.Http.PostAsync("/api/v1/hate-incidents/assess", Json(new { characteristics = new[] { "vegan" }, perceivedHostility = true, isCrime = false, ruleSet = "code-2023" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("vegan", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notAdopted = JsonDocument.Parse(await (await client.Http.PostAsync("/api/v1/hate-incidents/assess",
            Json(new { characteristics = new[] { "vegan" }, perceivedHostility = true, basisToConcludeIntentionalHostility = true, isCrime = false }))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("no-record", notAdopted.GetProperty("outcome").GetString());
        Assert.Contains(notAdopted.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("\"vegan\" is not a characteristic your force has adopted", StringComparison.Ordinal));
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage r) =>
        $"{(int)r.StatusCode}: " + ((await PageClient.ParseAsync(r)).QuerySelector(".govuk-error-summary")?.TextContent ?? "(no error summary)");

    private static StringContent Json(object o) => new(JsonSerializer.Serialize(o), Encoding.UTF8, "application/json");

    private static string UniqueName(string kind) => $"{kind} {Guid.NewGuid().ToString("N")[..10]}";

    private static async Task<List<Evenhand.Auditing.AuditEntry>> ViewsAsync(EvenhandApp app, int id)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.Where(a => a.EntityType == HateIncidentService.PersonalDataEntity && a.EntityId == id.ToString() && a.Action == "Viewed").ToListAsync();
    }

    private static async Task SetCallTakersMaySeeAsync(EvenhandApp app, string slug, bool allowed)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Evenhand.Data.EvenhandDbContext>();
        var policies = scope.ServiceProvider.GetRequiredService<HatePolicyService>();
        var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync();
        var p = await policies.GetAsync(forceId);
        await policies.UpdateAsync(forceId, new UpdateHatePolicyOptions(p.Version, HateIncidentWorkflowTests.Settings(p) with
        {
            CallTakersMaySeePersonalData = allowed,
            PersonalDataVisibilityRationale = allowed ? "Control room supervisors triage with the subject's history" : null,
        }), TestClock.Context("Test registrar"));
    }
}

using System.Net;
using Evenhand.Accounts;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class SecurityAndNationalViewTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccount(string provider)
    {
        var app = apps.Get(provider);
        using var client = app.Client();
        // A user of this test's own: a locked demo user would turn away every later test that signs in as them.
        var email = await app.CreateUserAsync(Roles.Communications, "cleveland");
        for (var i = 0; i < 5; i++)
        {
            var page = await client.GetPageAsync("/account/sign-in");
            var wrong = await client.SubmitAsync(page, "/account/sign-in", new() { ["Email"] = email, ["Password"] = "not-the-password" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var again = await client.GetPageAsync("/account/sign-in");
        var locked = await client.SubmitAsync(again, "/account/sign-in", new() { ["Email"] = email, ["Password"] = EvenhandApp.Password });

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", (await PageClient.ParseAsync(locked)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Post_WithoutAntiforgeryToken_IsRejected(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        int rec;
        await using (var db = app.CreateDbContext())
        {
            rec = await db.Recommendations.Where(r => r.Number == 17).Select(r => r.Id).FirstAsync();
        }

        var response = await client.Http.PostAsync($"/forces/cheshire/recommendations/{rec}?handler=Progress",
            new FormUrlEncodedContent([new("Progress", "InProgress"), new("EvidenceText", "forged")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Evidence.AnyAsync(e => e.Text == "forged"));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task NationalView_ShowsEveryForceToTheInspectorate_AndOnlyTheirOwnToAForce(string provider)
    {
        var app = apps.Get(provider);
        using var inspector = await app.SignedInAsync("inspectorate@demo.evenhand.test");
        using var force = await app.SignedInAsync("governance.west-midlands@demo.evenhand.test");

        var national = await inspector.GetPageAsync("/national");
        Assert.Equal(43, national.QuerySelectorAll("#national-matrix tbody tr").Length);
        Assert.Equal(11, national.QuerySelectorAll("#national-matrix thead th").Length - 1); // the eleven recommendations that bind forces (4 and 21 with other bodies)

        var own = await force.GetPageAsync("/national");
        Assert.Equal(["west-midlands"], own.QuerySelectorAll("#national-matrix tbody tr").Select(r => r.GetAttribute("data-force")));

        var csv = await inspector.GetAsync("/national?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(1 + 43 * 11, (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Length);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task UpdateWithEvidenceFile_AppearsInTheNationalView_AndTheFileIsDownloadableByTheForceOnly(string provider)
    {
        var app = apps.Get(provider);
        using var gov = await app.SignedInAsync("governance.hampshire-and-isle-of-wight@demo.evenhand.test");
        using var other = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        using var inspector = await app.SignedInAsync("inspectorate@demo.evenhand.test");
        int rec;
        await using (var db = app.CreateDbContext())
        {
            rec = await db.Recommendations.Where(r => r.Number == 10).Select(r => r.Id).FirstAsync();
        }

        var url = $"/forces/hampshire-and-isle-of-wight/recommendations/{rec}";
        var page = await gov.GetPageAsync(url);
        var saved = await gov.SubmitAsync(page, "handler=Progress", new() { ["Progress"] = "Complete", ["EvidenceText"] = "Policy issued" },
            ("EvidenceFile", "visible-representations-policy.txt", "Visible representations policy v2"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        page = await gov.GetPageAsync(url);
        Assert.Contains("Progress updated", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var link = page.QuerySelector("#evidence-list a[href*='handler=Evidence']")!.GetAttribute("href")!;
        var file = await gov.GetAsync(link);
        Assert.Equal("Visible representations policy v2", await file.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link.Replace("hampshire-and-isle-of-wight", "cheshire", StringComparison.Ordinal))).StatusCode);

        var national = await inspector.GetPageAsync("/national");
        var cell = national.QuerySelector("tr[data-force='hampshire-and-isle-of-wight'] td[data-recommendation='10']")!;
        Assert.Contains("Complete", cell.TextContent, StringComparison.Ordinal);

        var timeline = page.QuerySelectorAll("ol li").Select(li => li.TextContent).ToList();
        Assert.Contains(timeline, t => t.Contains("Progress: Not started → Complete", StringComparison.Ordinal));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task OpenApi_DescribesTheApi(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        var json = await client.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/forces/{slug}/responses", json, StringComparison.Ordinal);
        Assert.Contains("/api/v1/forces/{slug}/recommendations/{recommendationId}/progress", json, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Inspectorate_RecordsTheRecommendation9Event_AndTheDeadlineIsComputed(string provider)
    {
        var app = apps.Get(provider);
        using var inspector = await app.SignedInAsync("inspectorate@demo.evenhand.test");
        using var pcc = await app.SignedInAsync("pcc.cheshire@demo.evenhand.test");
        int inspection;
        await using (var db = app.CreateDbContext())
        {
            inspection = await db.Inspections.Select(i => i.Id).FirstAsync();
        }

        // Only the inspectorate may record it.
        Assert.Null((await pcc.GetPageAsync($"/inspections/{inspection}")).QuerySelector("form[action*='handler=Trigger']"));
        var page = await inspector.GetPageAsync($"/inspections/{inspection}");
        var response = await inspector.SubmitAsync(page, "handler=Trigger", new() { ["OccurredOn.Day"] = "31", ["OccurredOn.Month"] = "8", ["OccurredOn.Year"] = "2025" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var rec9 = await db.Recommendations.SingleAsync(r => r.InspectionId == inspection && r.Number == 9);
            Assert.Equal(new DateOnly(2026, 2, 28), rec9.EffectiveDueDate);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "TriggerEventRecorded" && a.EntityId == rec9.Id.ToString()));
        }
    }
}

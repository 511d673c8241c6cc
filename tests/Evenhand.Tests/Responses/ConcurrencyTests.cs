using System.Net;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Responses;

[Collection(AppCollection.Name)]
public sealed class ConcurrencyTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Post_StaleEdit_ShowsConflictMessage_AndKeepsTheFirstEdit(string provider)
    {
        var app = apps.Get(provider);
        int rec;
        await using (var db = app.CreateDbContext())
        {
            rec = await db.Recommendations.Where(r => r.Number == 13).Select(r => r.Id).FirstAsync();
        }

        using var alice = await app.SignedInAsync("governance.cleveland@demo.evenhand.test");
        using var bob = await app.SignedInAsync("governance.cleveland@demo.evenhand.test");
        var url = $"/forces/cleveland/recommendations/{rec}";
        var alicePage = await alice.GetPageAsync(url);
        var bobPage = await bob.GetPageAsync(url);

        var first = await alice.SubmitAsync(alicePage, "handler=Progress", new() { ["Progress"] = "InProgress", ["EvidenceText"] = "Policy audit started (Alice)" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var stale = await bob.SubmitAsync(bobPage, "handler=Progress", new() { ["Progress"] = "AwaitingNationalGuidance", ["EvidenceText"] = "Bob's stale update" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var plan = await db.ForceResponses.Include(p => p.Evidence).SingleAsync(p => p.RecommendationId == rec && p.Force!.Slug == "cleveland");
            Assert.Equal(Evenhand.Responses.ForceProgress.InProgress, plan.Progress);
            Assert.DoesNotContain(plan.Evidence, e => e.Text == "Bob's stale update");
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Api_StaleVersion_Returns409(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        int rec;
        await using (var db = app.CreateDbContext())
        {
            rec = await db.Recommendations.Where(r => r.Number == 20).Select(r => r.Id).FirstAsync();
        }

        var token = System.Text.Json.JsonDocument.Parse(await client.Http.GetStringAsync("/api/v1/antiforgery")).RootElement.GetProperty("token").GetString();
        client.Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        var plan = System.Text.Json.JsonDocument.Parse(await client.Http.GetStringAsync($"/api/v1/forces/cheshire/recommendations/{rec}")).RootElement;
        var version = plan.GetProperty("plan").GetProperty("version").GetGuid();

        var ok = await client.Http.PostAsync($"/api/v1/forces/cheshire/recommendations/{rec}/progress",
            JsonContent(new { version, progress = "InProgress", evidenceText = "Data policy drafted" }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await client.Http.PostAsync($"/api/v1/forces/cheshire/recommendations/{rec}/progress",
            JsonContent(new { version, progress = "Complete" }));
        Assert.True(stale.StatusCode == HttpStatusCode.Conflict, await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent JsonContent(object o) =>
        new(System.Text.Json.JsonSerializer.Serialize(o), System.Text.Encoding.UTF8, "application/json");
}

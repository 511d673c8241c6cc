using System.Net;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Responses;

/// <summary>Force scoping, roles and public access, through both pages and the API, on each database provider.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<int> RecommendationIdAsync(EvenhandApp app, int number)
    {
        await using var db = app.CreateDbContext();
        return await db.Recommendations.Where(r => r.Number == number).Select(r => r.Id).FirstAsync();
    }

    private static async Task<int> InspectionIdAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Inspections.Select(i => i.Id).FirstAsync();
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Get_PagesOfAnotherForce_ReturnNotFound(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        var rec = await RecommendationIdAsync(app, 16);
        var inspection = await InspectionIdAsync(app);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/forces/cheshire/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/forces/west-midlands/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/forces/west-midlands/recommendations/{rec}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/forces/west-midlands/responses/{inspection}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/forces/west-midlands/responses/{inspection}?handler=Docx")).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Post_ToAnotherForcesPlan_IsRefusedAndChangesNothing(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        var rec = await RecommendationIdAsync(app, 12);
        // A form of the user's own force, re-aimed at another force's record.
        var page = await client.GetPageAsync($"/forces/cheshire/recommendations/{rec}");
        var form = page.QuerySelector("form[action*='handler=Progress']")!;
        form.SetAttribute("action", $"/forces/west-midlands/recommendations/{rec}?handler=Progress");

        var response = await client.SubmitAsync(page, "west-midlands", new() { ["Progress"] = "InProgress", ["EvidenceText"] = "cross-force write" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Evidence.AnyAsync(e => e.Text == "cross-force write"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Api_ForceRoutes_AreScopedToTheUsersForce(string provider)
    {
        var app = apps.Get(provider);
        using var anonymous = app.Client();
        using var cheshire = await app.SignedInAsync("pcc.cheshire@demo.evenhand.test");
        using var inspector = await app.SignedInAsync("inspectorate@demo.evenhand.test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/forces/cheshire/responses")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cheshire.GetAsync("/api/v1/forces/cheshire/responses")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cheshire.GetAsync("/api/v1/forces/west-midlands/responses")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cheshire.GetAsync("/api/v1/forces/west-midlands/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cheshire.GetAsync("/api/v1/forces/atlantis/responses")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync("/api/v1/forces/west-midlands/responses")).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Anonymous_CanReadPublishedResponsesOnly(string provider)
    {
        var app = apps.Get(provider);
        using var anonymous = app.Client();
        var inspection = await InspectionIdAsync(app);

        // Nothing but the start page, sign-in and published responses is open.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
        foreach (var url in new[] { "/forces/cheshire/recommendations", "/national", "/inspections", $"/forces/cheshire/responses/{inspection}" })
        {
            var r = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/account/sign-in", r.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/forces")).StatusCode);
        // A draft is not public.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/hampshire-and-isle-of-wight/responses/{inspection}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/hampshire-and-isle-of-wight/responses/{inspection}/statuses.json")).StatusCode);

        await PublishAsync(app, "hampshire-and-isle-of-wight", inspection);

        var page = await anonymous.GetAsync($"/public/hampshire-and-isle-of-wight/responses/{inspection}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Recommendation 16", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var csv = await anonymous.GetAsync($"/public/hampshire-and-isle-of-wight/responses/{inspection}/statuses.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        using (var reader = new CsvHelper.CsvReader(new StringReader(await csv.Content.ReadAsStringAsync()), System.Globalization.CultureInfo.InvariantCulture))
        {
            Assert.Equal(11, reader.GetRecords<dynamic>().Count()); // the eleven recommendations that bind forces
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public/hampshire-and-isle-of-wight/responses/{inspection}/statuses.json")).StatusCode);
        // Publishing one force's response opens nothing else.
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/forces/hampshire-and-isle-of-wight/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/cheshire/responses/{inspection}")).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Post_WithoutTheRightRole_IsForbidden(string provider)
    {
        var app = apps.Get(provider);
        var rec = await RecommendationIdAsync(app, 22);
        using var pcc = await app.SignedInAsync("pcc.cheshire@demo.evenhand.test");
        var page = await pcc.GetPageAsync($"/forces/cheshire/recommendations/{rec}");
        // The PCC office sees no progress form; a hand-made post is refused.
        Assert.Null(page.QuerySelector("form[action*='handler=Progress']"));
        var form = page.QuerySelector("form[action*='handler=Assess']")!;
        form.SetAttribute("action", $"/forces/cheshire/recommendations/{rec}?handler=Progress");
        var response = await pcc.SubmitAsync(page, "handler=Progress", new() { ["Progress"] = "Complete" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    internal static async Task PublishAsync(EvenhandApp app, string slug, int inspection)
    {
        using var pcc = await app.SignedInAsync($"pcc.{slug}@demo.evenhand.test");
        await Section55Journey.CompleteAsync(pcc, slug, inspection);
        var published = await Section55Journey.PublishAsync(pcc, slug, inspection);
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
    }
}

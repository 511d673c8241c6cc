using System.Net;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Governance;

/// <summary>The policy register through its pages, on each provider: roles, force scoping, validation, stale edits, CSV and the indicator.</summary>
[Collection(AppCollection.Name)]
public sealed class PolicyRegisterPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Domain = "demo.evenhand.test";

    private static Dictionary<string, string?> Fields(string title, bool equalityAct = true, string? reviewed = "2025-05-01", string interval = "24")
    {
        DateOnly? day = reviewed is null ? null : DateOnly.Parse(reviewed, System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            ["Title"] = title, ["Reference"] = "", ["Owner"] = "Head of People", ["RelatesToEqualityAct"] = equalityAct ? "true" : "false",
            ["LastReviewedOn.Day"] = day?.Day.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["LastReviewedOn.Month"] = day?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["LastReviewedOn.Year"] = day?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["ReviewIntervalMonths"] = interval, ["Notes"] = "",
        };
    }

    private static async Task<int> AddAsync(PageClient client, string slug, Dictionary<string, string?> fields)
    {
        var response = await client.SubmitAsync(await client.GetPageAsync($"/forces/{slug}/governance/policies/new"), "/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Governance_AddsAPolicy_ItsHistoryAndCsvShowIt_AndAnotherForceCannotSeeIt(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync($"governance.cheshire@{Domain}");
        var title = "Test policy " + Guid.NewGuid().ToString("N")[..8];

        var id = await AddAsync(governance, "cheshire", Fields(title));

        var detail = await governance.GetPageAsync($"/forces/cheshire/governance/policies/{id}");
        Assert.Contains(title, detail.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Added to the register", detail.QuerySelector("#policy-history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No equality impact assessment", detail.QuerySelector("#policy-flags")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(title, await governance.Http.GetStringAsync("/forces/cheshire/governance/policies?handler=Csv"), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Policy" && a.EntityId == id.ToString() && a.Action == "Created"));
        }

        using var other = await app.SignedInAsync($"governance.west-midlands@{Domain}");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/forces/cheshire/governance/policies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/forces/west-midlands/governance/policies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/forces/west-midlands/governance/policies/{id}/edit")).StatusCode);
        Assert.DoesNotContain(title, await other.Http.GetStringAsync("/forces/west-midlands/governance/policies?handler=Csv"), StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task PccOffice_ReadsTheRegister_ButCannotChangeIt_AndCallTakersCannotSeeIt(string provider)
    {
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsync($"pcc.cleveland@{Domain}");
        using var callTaker = await app.SignedInAsync($"calltaker.cleveland@{Domain}");

        var list = await pcc.GetPageAsync("/forces/cleveland/governance/policies");
        Assert.NotNull(list.QuerySelector("#policy-list"));
        Assert.Null(list.QuerySelector("a[href$='/policies/new']"));
        AssertAccessDenied(await pcc.GetAsync("/forces/cleveland/governance/policies/new"));
        AssertAccessDenied(await callTaker.GetAsync("/forces/cleveland/governance/policies"));

        // A PCC office's post (with a valid token, from the sign-out form re-aimed) is refused as well, and stores nothing.
        var page = await pcc.GetPageAsync("/forces/cleveland/governance/policies");
        page.QuerySelector("form[action$='/account/sign-out']")!.SetAttribute("action", "/forces/cleveland/governance/policies/new");
        var title = "PCC attempt " + Guid.NewGuid().ToString("N")[..6];
        AssertAccessDenied(await pcc.SubmitAsync(page, "/governance/policies/new", Fields(title)));
        await using var db = app.CreateDbContext();
        Assert.False(await db.PolicyDocuments.AnyAsync(p => p.Title == title));
    }

    private static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Add_WithMissingFields_ShowsEachError_AndStoresNothing(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync($"governance.cleveland@{Domain}");
        await using var before = app.CreateDbContext();
        var count = await before.PolicyDocuments.CountAsync();

        var fields = Fields("");
        fields["Owner"] = "";
        fields.Remove("RelatesToEqualityAct");
        fields["LastReviewedOn.Month"] = "13";
        var response = await governance.SubmitAsync(await governance.GetPageAsync("/forces/cleveland/governance/policies/new"), "/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter the policy&#x27;s title", html, StringComparison.Ordinal);
        Assert.Contains("Select whether the policy relates to the Equality Act 2010", html, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.Equal(count, await after.PolicyDocuments.CountAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task StaleEdit_ShowsTheConflictMessage_AndKeepsTheFirstEdit(string provider)
    {
        var app = apps.Get(provider);
        using var alice = await app.SignedInAsync($"governance.hampshire-and-isle-of-wight@{Domain}");
        using var bob = await app.SignedInAsync($"governance.hampshire-and-isle-of-wight@{Domain}");
        var id = await AddAsync(alice, "hampshire-and-isle-of-wight", Fields("Concurrency " + Guid.NewGuid().ToString("N")[..6]));
        var url = $"/forces/hampshire-and-isle-of-wight/governance/policies/{id}/edit";
        var alicePage = await alice.GetPageAsync(url);
        var bobPage = await bob.GetPageAsync(url);

        var aliceFields = Fields("Alice's title");
        Assert.Equal(HttpStatusCode.Redirect, (await alice.SubmitAsync(alicePage, "/edit", aliceFields)).StatusCode);
        var stale = await bob.SubmitAsync(bobPage, "/edit", Fields("Bob's title"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal("Alice's title", await db.PolicyDocuments.Where(p => p.Id == id).Select(p => p.Title).SingleAsync());
        Assert.Contains("Title:", (await alice.GetPageAsync($"/forces/hampshire-and-isle-of-wight/governance/policies/{id}")).QuerySelector("#policy-history")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RecordingACompleteAssessment_ChangesTheIndicatorOnRecommendation12(string provider)
    {
        var app = apps.Get(provider);
        const string slug = "west-midlands";
        using var governance = await app.SignedInAsync($"governance.{slug}@{Domain}");
        int rec12;
        await using (var db = app.CreateDbContext())
        {
            rec12 = await db.Recommendations.Where(r => r.Number == 12).Select(r => r.Id).FirstAsync();
        }

        async Task<string> IndicatorAsync() =>
            (await governance.GetPageAsync($"/forces/{slug}/recommendations/{rec12}")).QuerySelector("#register-indicators")!.TextContent;
        var before = await IndicatorAsync();

        var id = await AddAsync(governance, slug, Fields("Indicator " + Guid.NewGuid().ToString("N")[..6], reviewed: TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var assess = await governance.GetPageAsync($"/forces/{slug}/governance/policies/{id}/assessments/new");
        var today = TestClock.Today;
        var fields = new Dictionary<string, string?>
        {
            ["AssessedOn.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AssessedOn.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AssessedOn.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Assessor"] = "A. Patel", ["AssessorTrainedOn.Day"] = "1", ["AssessorTrainedOn.Month"] = "1", ["AssessorTrainedOn.Year"] = "2024",
        };
        foreach (var c in Enum.GetValues<Evenhand.Governance.ProtectedCharacteristic>())
        {
            fields[$"Impact[{c}]"] = "Neutral";
            fields[$"Rationale[{c}]"] = "Reviewed workforce and community data";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await governance.SubmitAsync(assess, "/assessments/new", fields)).StatusCode);

        var after = await IndicatorAsync();
        Assert.NotEqual(before, after);
        var detail = await governance.GetPageAsync($"/forces/{slug}/governance/policies/{id}");
        Assert.Null(detail.QuerySelector("#policy-flags"));
        Assert.Contains("Complete", detail.QuerySelector("table[id^='assessment-']")!.TextContent, StringComparison.Ordinal);
    }
}

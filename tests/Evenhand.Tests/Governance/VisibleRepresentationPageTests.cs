using System.Net;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Governance;

[Collection(AppCollection.Name)]
public sealed class VisibleRepresentationPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Domain = "demo.evenhand.test";

    // Dates counted from today, so the decision means the same whatever day the tests run: permitted for a week starting in
    // ten days, decided a month ago, reviewed in a year.
    private static readonly DateOnly From = TestClock.Today.AddDays(10);
    private static readonly DateOnly To = From.AddDays(6);

    private static Dictionary<string, string?> Fields(string description, string decision = "PermittedForPeriod") => new Dictionary<string, string?>
    {
        ["Item"] = "Lanyard", ["Description"] = description, ["Cause"] = "Awareness week", ["Decision"] = decision,
        ["Conditions"] = "", ["DecidedBy"] = "Deputy Chief Constable", ["Rationale"] = "Linked to the force's own awareness work",
    }.WithDate("PermittedFrom", From).WithDate("PermittedTo", To).WithDate("DecidedOn", TestClock.DaysAgo(30)).WithDate("ReviewOn", TestClock.Today.AddYears(1));

    /// <summary>The "May I wear it?" question for <paramref name="item"/> on <paramref name="on"/>.</summary>
    private static string MayIWear(string slug, int id, DateOnly on) =>
        $"/forces/{slug}/governance/visible-representations/may-i-wear?item={id}&On.Day={on.Day}&On.Month={on.Month}&On.Year={on.Year}";

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Communications_RecordsADecision_AnyoneInTheForceCanAskAboutIt_AndOtherForcesCannotSeeIt(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync($"comms.cheshire@{Domain}");
        var description = "Test lanyard " + Guid.NewGuid().ToString("N")[..6];

        var response = await comms.SubmitAsync(await comms.GetPageAsync("/forces/cheshire/governance/visible-representations/new"), "/new", Fields(description));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // A call taker is not a register user, but reads the policy and asks the question.
        using var callTaker = await app.SignedInAsync($"calltaker.cheshire@{Domain}");
        Assert.Contains(description, (await callTaker.GetPageAsync("/forces/cheshire/governance/visible-representations/policy")).Body!.TextContent, StringComparison.Ordinal);
        var yes = await callTaker.GetPageAsync(MayIWear("cheshire", id, From.AddDays(2)));
        Assert.StartsWith("Yes", yes.QuerySelector("#answer")!.TextContent.Trim(), StringComparison.Ordinal);
        var no = await callTaker.GetPageAsync(MayIWear("cheshire", id, To.AddDays(1)));
        Assert.StartsWith("No", no.QuerySelector("#answer")!.TextContent.Trim(), StringComparison.Ordinal);
        var missing = await callTaker.GetPageAsync($"/forces/cheshire/governance/visible-representations/may-i-wear?item={id}");
        Assert.NotNull(missing.QuerySelector(".govuk-error-summary"));
        // The form sent with nothing chosen, as a browser sends it: both questions are errors, in the form's order, linked.
        var nothing = await callTaker.GetPageAsync("/forces/cheshire/governance/visible-representations/may-i-wear?item=&On.Day=&On.Month=&On.Year=");
        var summary = nothing.QuerySelectorAll(".govuk-error-summary__list a").Select(l => (l.TextContent.Trim(), l.GetAttribute("href"))).ToList();
        Assert.Equal(["Choose what you want to wear or display", "Enter the date"], summary.Select(s => s.Item1));
        Assert.All(summary, s => Assert.StartsWith("#", s.Item2, StringComparison.Ordinal));
        Assert.Null(nothing.QuerySelector("#answer"));
        Assert.Null((await callTaker.GetPageAsync("/forces/cheshire/governance/visible-representations/may-i-wear")).QuerySelector(".govuk-error-summary"));
        Assert.Equal(HttpStatusCode.Redirect, (await callTaker.GetAsync("/forces/cheshire/governance/visible-representations")).StatusCode);

        using var other = await app.SignedInAsync($"comms.cleveland@{Domain}");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/forces/cleveland/governance/visible-representations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/forces/cheshire/governance/visible-representations/policy")).StatusCode);
        Assert.DoesNotContain(description, (await other.GetPageAsync(MayIWear("cleveland", id, From.AddDays(2)))).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(description, await other.Http.GetStringAsync("/forces/cleveland/governance/visible-representations?handler=Csv"), StringComparison.Ordinal);
        Assert.Contains(description, await comms.Http.GetStringAsync("/forces/cheshire/governance/visible-representations?handler=Csv"), StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Record_WithoutARationale_OrWithABackwardsPeriod_SaysWhy_AndStoresNothing(string provider)
    {
        var app = apps.Get(provider);
        using var comms = await app.SignedInAsync($"comms.west-midlands@{Domain}");
        var description = "Refused " + Guid.NewGuid().ToString("N")[..6];
        var fields = Fields(description);
        fields["Rationale"] = "";
        var noRationale = await comms.SubmitAsync(await comms.GetPageAsync("/forces/west-midlands/governance/visible-representations/new"), "/new", fields);
        Assert.Contains("Give the rationale for the decision", await noRationale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields = Fields(description).WithDate("PermittedTo", From.AddDays(-1));
        var backwards = await comms.SubmitAsync(await comms.GetPageAsync("/forces/west-midlands/governance/visible-representations/new"), "/new", fields);
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Contains("on or after the first", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.False(await db.VisibleRepresentations.AnyAsync(r => r.Description == description));
    }
}

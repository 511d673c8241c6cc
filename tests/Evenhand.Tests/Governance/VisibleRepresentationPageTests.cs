using System.Net;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Governance;

[Collection(AppCollection.Name)]
public sealed class VisibleRepresentationPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Domain = "demo.evenhand.test";

    private static Dictionary<string, string?> Fields(string description, string decision = "PermittedForPeriod") => new()
    {
        ["Item"] = "Lanyard", ["Description"] = description, ["Cause"] = "Awareness week", ["Decision"] = decision,
        ["PermittedFrom.Day"] = "1", ["PermittedFrom.Month"] = "3", ["PermittedFrom.Year"] = "2026",
        ["PermittedTo.Day"] = "7", ["PermittedTo.Month"] = "3", ["PermittedTo.Year"] = "2026",
        ["Conditions"] = "", ["DecidedBy"] = "Deputy Chief Constable",
        ["DecidedOn.Day"] = "1", ["DecidedOn.Month"] = "1", ["DecidedOn.Year"] = "2025",
        ["Rationale"] = "Linked to the force's own awareness work", ["ReviewOn.Day"] = "1", ["ReviewOn.Month"] = "1", ["ReviewOn.Year"] = "2027",
    };

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
        var yes = await callTaker.GetPageAsync($"/forces/cheshire/governance/visible-representations/may-i-wear?item={id}&On.Day=3&On.Month=3&On.Year=2026");
        Assert.StartsWith("Yes", yes.QuerySelector("#answer")!.TextContent.Trim(), StringComparison.Ordinal);
        var no = await callTaker.GetPageAsync($"/forces/cheshire/governance/visible-representations/may-i-wear?item={id}&On.Day=8&On.Month=3&On.Year=2026");
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
        Assert.DoesNotContain(description, (await other.GetPageAsync($"/forces/cleveland/governance/visible-representations/may-i-wear?item={id}&On.Day=3&On.Month=3&On.Year=2026")).Body!.TextContent, StringComparison.Ordinal);
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

        fields = Fields(description);
        fields["PermittedTo.Day"] = "28";
        fields["PermittedTo.Month"] = "2";
        var backwards = await comms.SubmitAsync(await comms.GetPageAsync("/forces/west-midlands/governance/visible-representations/new"), "/new", fields);
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Contains("on or after the first", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.False(await db.VisibleRepresentations.AnyAsync(r => r.Description == description));
    }
}

using System.Net;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Governance;

public sealed class ContentiousIssueTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static IssueDetails Details(IssueStatus status = IssueStatus.Open, string? position = null, string? lines = null) =>
        new("Protest at the refinery", new DateOnly(2025, 5, 1), RiskLevel.High, "Large protest likely; counter-protest planned.", position, lines, status);

    [Fact]
    public void IsUnprepared_UntilBothThePositionAndTheLinesAreRecorded()
    {
        var issue = ContentiousIssue.Create(1, Details(), Today);
        Assert.True(issue.IsUnprepared);

        issue.Apply(Details(position: "Police impartially to keep the peace"), Today);
        Assert.True(issue.IsUnprepared);

        issue.Apply(Details(position: "Police impartially to keep the peace", lines: "We do not take sides"), Today);
        Assert.False(issue.IsUnprepared);
    }

    [Fact]
    public void Close_WithoutTheForcesPosition_IsRefused()
    {
        var e = Assert.Throws<DomainRuleException>(() => ContentiousIssue.Create(1, Details(IssueStatus.Closed), Today));
        Assert.Contains("position the force took", e.Message, StringComparison.Ordinal);
    }
}

[Collection(AppCollection.Name)]
public sealed class GovernanceRegisterPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task HorizonScan_AddAnIssue_ItIsFlaggedUntilPrepared_AndOnlyItsForceSeesIt(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync("governance.west-midlands@demo.evenhand.test");
        var name = "Test issue " + Guid.NewGuid().ToString("N")[..6];
        var response = await governance.SubmitAsync(await governance.GetPageAsync("/forces/west-midlands/governance/horizon-scan/new"), "/new", new()
        {
            ["Issue"] = name, ["FirstSeenOn.Day"] = "1", ["FirstSeenOn.Month"] = "5", ["FirstSeenOn.Year"] = "2025", ["Risk"] = "High",
            ["RiskAssessment"] = "Counter-protest expected", ["AgreedPosition"] = "", ["CommunicationLines"] = "", ["Status"] = "Open",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;

        Assert.Contains("no agreed position", (await governance.GetPageAsync(url)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(name, await governance.Http.GetStringAsync("/forces/west-midlands/governance/horizon-scan?handler=Csv"), StringComparison.Ordinal);
        using var other = await app.SignedInAsync("governance.cleveland@demo.evenhand.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url.Replace("west-midlands", "cleveland", StringComparison.Ordinal))).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RegistersPage_ShowsEachRegistersIndicators_AndCommunicationsOnlyVisibleRepresentations(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        using var comms = await app.SignedInAsync("comms.cheshire@demo.evenhand.test");

        var all = (await governance.GetPageAsync("/forces/cheshire/governance")).Body!.TextContent;
        Assert.Contains("Recommendation 13:", all, StringComparison.Ordinal);
        Assert.Contains("Recommendation 7:", all, StringComparison.Ordinal);
        Assert.Contains("Recommendation 6:", all, StringComparison.Ordinal);
        var theirs = (await comms.GetPageAsync("/forces/cheshire/governance")).Body!.TextContent;
        Assert.Contains("Recommendation 10:", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Recommendation 13:", theirs, StringComparison.Ordinal);
    }
}

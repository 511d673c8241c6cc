using System.Net;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Governance;

public sealed class StaffNetworkTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static StaffNetwork Network(NpccCriteria criteria = NpccCriteria.All, ProtectedCharacteristic? characteristic = ProtectedCharacteristic.Race, string? rationale = null) =>
        StaffNetwork.Create(1, new NetworkDetails("Black Police Association", NetworkScope.NationalBranch, characteristic, rationale, "A. Chair", true, Today.AddMonths(-2), criteria, 10, 5000m, 1200m), Today);

    private static FundingDetails Funding(decimal? workforce, decimal? population, bool concern, FundingDecision decision, decimal? awarded = null, string? rationale = "Under-represented locally") =>
        new(Today, "Mentoring scheme", 2500m, workforce, population, concern, decision, awarded, rationale);

    [Theory]
    [InlineData(2.0, 8.0, false, 60)] // a quarter of the population share: 0.75 × 80
    [InlineData(2.0, 8.0, true, 80)]
    [InlineData(10.0, 8.0, false, 0)] // over-represented: no shortfall
    [InlineData(0.0, 0.0, true, 20)]
    public void NeedScore_WeighsUnderRepresentationAndRecruitmentConcerns(double workforce, double population, bool concern, int expected)
    {
        var request = Network().AddFundingRequest(Funding((decimal)workforce, (decimal)population, concern, FundingDecision.Pending), Today);
        Assert.Equal(expected, request.NeedScore);
    }

    [Fact]
    public void Deciding_WithoutAnAssessmentOfNeed_OrARationale_IsRefused()
    {
        var network = Network();
        var e = Assert.Throws<DomainRuleException>(() => network.AddFundingRequest(Funding(null, null, false, FundingDecision.Approved, 2000m, null), Today));
        Assert.Contains("Assess local need before deciding", e.Message, StringComparison.Ordinal);
        Assert.Contains("rationale", e.Message, StringComparison.Ordinal);
        Assert.Empty(network.FundingRequests);

        Assert.Null(network.AddFundingRequest(Funding(null, null, false, FundingDecision.Pending, rationale: null), Today).NeedScore);
    }

    [Fact]
    public void APendingRequest_IsDecidedLater_OnceNeedIsAssessed_AndTheChangesAreListed()
    {
        var network = Network();
        var request = network.AddFundingRequest(Funding(null, null, false, FundingDecision.Pending, rationale: null), Today);
        request.Id = 7;

        var refused = Assert.Throws<DomainRuleException>(() => network.ChangeFundingRequest(7, Funding(null, 18m, false, FundingDecision.Approved, null, null), Today));
        Assert.Equal(["WorkforceSharePercent", "AmountAwarded", "Rationale"], refused.Errors.Select(e => e.Field));
        Assert.Equal(FundingDecision.Pending, request.Decision);
        Assert.Null(request.LocalPopulationSharePercent);

        var version = network.Version;
        var changes = network.ChangeFundingRequest(7, Funding(6m, 18m, false, FundingDecision.Approved, 1000m, "Under-represented locally"), Today);
        Assert.Equal(
            ["Workforce share (%): (none) → 6", "Local population share (%): (none) → 18", "Decision: Pending → Approved", "Amount awarded (£): (none) → 1000",
             "Rationale: (none) → Under-represented locally"],
            changes);
        Assert.Equal(53, request.NeedScore);
        Assert.NotEqual(version, network.Version);
        Assert.Empty(network.ChangeFundingRequest(7, Funding(6m, 18m, false, FundingDecision.Approved, 1000m, "Under-represented locally"), Today));
        Assert.Throws<NotFoundException>(() => network.ChangeFundingRequest(8, Funding(6m, 18m, false, FundingDecision.Pending), Today));
    }

    [Fact]
    public void Flags_CriteriaNotMet_AndANetworkWithoutACharacteristicNeedsARationale()
    {
        var partial = Network(NpccCriteria.All & ~NpccCriteria.ElectedChair);
        Assert.Equal([NpccCriteria.ElectedChair], partial.CriteriaNotMet);
        Assert.Contains("1 of the NPCC's ten criteria not met", partial.Flags());
        Assert.Empty(Network().Flags());

        var e = Assert.Throws<DomainRuleException>(() => Network(characteristic: null));
        Assert.Contains("rationale for a network linked to none", e.Message, StringComparison.Ordinal);
        Assert.Null(Network(characteristic: null, rationale: "Carers of all kinds").Characteristic);
    }
}

[Collection(AppCollection.Name)]
public sealed class StaffNetworkPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AddANetworkAndAFundingRequest_TheDecisionNeedsTheAssessment_AndOtherForcesCannotSeeIt(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync("governance.cleveland@demo.evenhand.test");
        var name = "Test network " + Guid.NewGuid().ToString("N")[..6];
        var form = new Dictionary<string, string?>
        {
            ["Name"] = name, ["Scope"] = "Local", ["Characteristic"] = "Disability", ["NoCharacteristicRationale"] = "", ["Chair"] = "D. Chair", ["ChairElected"] = "true",
            ["TermsOfReferenceOn.Day"] = "1", ["TermsOfReferenceOn.Month"] = "1", ["TermsOfReferenceOn.Year"] = "2025",
            ["DutyHoursPerMonth"] = "8", ["AnnualBudget"] = "3000", ["SpendToDate"] = "500",
        };
        var page = await governance.GetPageAsync("/forces/cleveland/governance/staff-networks/new");
        var created = await governance.SubmitAsync(page, "/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        Assert.Contains("10 of the NPCC's ten criteria not met", (await governance.GetPageAsync(url)).QuerySelector("#network-flags")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(name, (await governance.GetPageAsync("/forces/cleveland/governance/staff-networks?Flagged=true&Scope=Local")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(name, (await governance.GetPageAsync("/forces/cleveland/governance/staff-networks?Scope=NationalBranch")).Body!.TextContent, StringComparison.Ordinal);

        var funding = new Dictionary<string, string?>
        {
            ["RequestedOn.Day"] = "1", ["RequestedOn.Month"] = "2", ["RequestedOn.Year"] = "2025", ["Purpose"] = "Accessible training", ["Amount"] = "1500",
            ["WorkforceSharePercent"] = "", ["LocalPopulationSharePercent"] = "", ["Decision"] = "Approved", ["AmountAwarded"] = "1000", ["Rationale"] = "Need",
        };
        var refused = await governance.SubmitAsync(await governance.GetPageAsync(url + "/funding/new"), "/funding/new", funding);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Assess local need before deciding", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        funding["WorkforceSharePercent"] = "6";
        funding["LocalPopulationSharePercent"] = "18";
        Assert.Equal(HttpStatusCode.Redirect, (await governance.SubmitAsync(await governance.GetPageAsync(url + "/funding/new"), "/funding/new", funding)).StatusCode);
        Assert.Contains("Score 53", (await governance.GetPageAsync(url)).QuerySelector("#funding-list")!.TextContent, StringComparison.Ordinal);

        // A pending request, decided later from its own change form; the history says what changed.
        funding["Purpose"] = "Network conference";
        funding["Decision"] = "Pending";
        funding["WorkforceSharePercent"] = "";
        funding["LocalPopulationSharePercent"] = "";
        funding["AmountAwarded"] = "";
        funding["Rationale"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await governance.SubmitAsync(await governance.GetPageAsync(url + "/funding/new"), "/funding/new", funding)).StatusCode);
        var change = (await governance.GetPageAsync(url)).QuerySelectorAll("#funding-list tr")
            .Single(r => r.TextContent.Contains("Network conference", StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;
        var form2 = await governance.GetPageAsync(change);
        Assert.Equal("Network conference", form2.QuerySelector("#Purpose")!.TextContent.Trim());
        funding["Decision"] = "Refused";
        var refusedChange = await governance.SubmitAsync(form2, change, funding);
        Assert.Equal(HttpStatusCode.OK, refusedChange.StatusCode);
        var links = (await PageClient.ParseAsync(refusedChange)).QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#WorkforceSharePercent", "#Rationale"], links);
        funding["WorkforceSharePercent"] = "9";
        funding["LocalPopulationSharePercent"] = "8";
        funding["Rationale"] = "Not under-represented locally";
        Assert.Equal(HttpStatusCode.Redirect, (await governance.SubmitAsync(await governance.GetPageAsync(change), change, funding)).StatusCode);
        var detail = await governance.GetPageAsync(url);
        Assert.Contains("Refused. Not under-represented locally", detail.QuerySelector("#funding-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Decision: Pending → Refused", detail.QuerySelector("#network-history")!.TextContent, StringComparison.Ordinal);

        using var other = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(change)).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.StaffNetworks.Where(n => n.Name == name).SelectMany(n => n.FundingRequests).CountAsync());
    }
}

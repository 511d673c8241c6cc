using Evenhand.Data;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Evenhand.Tests.Governance;

/// <summary>Each register's indicators from a few known records, on SQLite: the numbers a PCC or the inspectorate reads.</summary>
public sealed class IndicatorTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private readonly TestDatabase database = TestDatabases.Create(TestDatabases.Sqlite);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private int force;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        await DatabaseInitializer.InitialiseAsync(db);
        force = await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<IReadOnlyList<EvidenceIndicator>> IndicatorsAsync(Action<EvenhandDbContext> seed)
    {
        await using (var db = database.CreateContext())
        {
            seed(db);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        return await GovernanceEvidenceService.For(read, time).ForForceAsync(force, Today);
    }

    private static string Value(IReadOnlyList<EvidenceIndicator> all, int recommendation, string nameStart) =>
        Assert.Single(all, i => i.Recommendation == recommendation && i.Name.StartsWith(nameStart, StringComparison.Ordinal)).Value;

    [Fact]
    public async Task EveryRegister_CountsItsRecords()
    {
        var all = await IndicatorsAsync(db =>
        {
            // Two Equality Act policies, one in date; a third not Equality-Act-related is not counted.
            db.PolicyDocuments.AddRange(
                PolicyDocument.Create(force, new PolicyDetails("A", null, "Owner", true, Today.AddMonths(-1), 12, null), Today, Ctx),
                PolicyDocument.Create(force, new PolicyDetails("B", null, "Owner", true, Today.AddYears(-2), 12, null), Today, Ctx),
                PolicyDocument.Create(force, new PolicyDetails("C", null, "Owner", false, null, 12, null), Today, Ctx));
            db.VisibleRepresentations.Add(VisibleRepresentation.Create(force, new RepresentationDetails(RepresentationItem.Badge, "Poppy", "Remembrance",
                RepresentationDecision.Permitted, null, null, null, "DCC", Today.AddYears(-1), "Observance", Today.AddDays(-1)), Today));
            db.PoliticalContacts.AddRange(
                PoliticalContact.Create(force, new ContactDetails(Today.AddDays(-10), ContactSource.MemberOfParliament, null, ContactChannel.Letter, "Ban the march", ContactKind.AttemptToDirectInAdvance, null, true, "DCC"), Today),
                PoliticalContact.Create(force, new ContactDetails(Today.AddDays(-20), ContactSource.PccOffice, null, ContactChannel.Email, "Figures", ContactKind.RequestForInformation, null, false, null), Today));
            db.ContentiousIssues.Add(ContentiousIssue.Create(force, new IssueDetails("Protest", Today.AddDays(-5), RiskLevel.High, "High tension", null, null, IssueStatus.Open), Today));
            var ended = PolicedEvent.Create(force, new EventDetails("March", EventCategory.Protest, Today.AddDays(-60), Today.AddDays(-60), true, AttendanceReason.PublicSafetyDeployment,
                "Keep the peace", "Website", "Intranet", null, true, true));
            db.PolicedEvents.Add(ended);
            var group = AdvisoryGroup.Create(force, new AdvisoryGroupDetails("IAG", AdvisoryGroupType.IndependentAdvisoryGroup, Today.AddMonths(-2), "Chair", ChairKind.Independent, null), Today);
            group.AddMeeting(Today.AddDays(-9), true, "Asked for data", null, Today);
            db.AdvisoryGroups.Add(group);
            var network = StaffNetwork.Create(force, new NetworkDetails("Network", NetworkScope.Local, ProtectedCharacteristic.Race, null, "Chair", true, Today, NpccCriteria.All, 8, 1000m, 100m), Today);
            network.AddFundingRequest(new FundingDetails(Today, "Mentoring", 500m, 2m, 8m, false, FundingDecision.Approved, 400m, "Under-represented"), Today);
            network.AddFundingRequest(new FundingDetails(Today, "Conference", 500m, null, null, false, FundingDecision.Pending, null, null), Today);
            db.StaffNetworks.Add(network);
        });

        Assert.Equal("1 of 2 (50%)", Value(all, 13, "Policies relating"));
        Assert.Equal("0 of 2 (0%)", Value(all, 12, "Equality Act policies"));
        Assert.Equal("no records yet", Value(all, 12, "Latest equality"));
        Assert.Equal("0 of 1 (0%)", Value(all, 10, "Decisions"));
        Assert.Equal("1 of 1 (100%)", Value(all, 7, "Attempts"));
        Assert.Equal("1 of 2 (50%)", Value(all, 7, "Political contacts"));
        Assert.Equal("0 of 1 (0%)", Value(all, 6, "Live"));
        Assert.Equal("1 of 1 (100%)", Value(all, 4, "Contentious"));
        Assert.Equal("0 of 1 (0%)", Value(all, 5, "Events"));
        Assert.Equal("1 of 1 (100%)", Value(all, 15, "Advisory groups"));
        Assert.Equal("0 of 1 (0%)", Value(all, 15, "Matters raised"));
        Assert.Equal("1 of 1 (100%)", Value(all, 21, "Staff networks"));
        Assert.Equal("1 of 2 (50%)", Value(all, 22, "Funding"));
        Assert.All(all, i => Assert.StartsWith("governance/", i.Register, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachRecommendation_GetsExactlyItsIndicators_FromTheRegistersThatDeclareIt()
    {
        var all = await IndicatorsAsync(db => db.PolicyDocuments.Add(PolicyDocument.Create(force, new PolicyDetails("A", null, "Owner", true, Today, 12, null), Today, Ctx)));
        await using var read = database.CreateContext();
        var service = GovernanceEvidenceService.For(read, time);

        // A register only asked for the recommendations it declares must not measure any other: each indicator's number is declared.
        foreach (var source in new IEvidenceSource[] { new PolicyRegisterService(read, time), new VisibleRepresentationService(read, time), new PoliticalContactService(read, time),
                     new ContentiousIssueService(read, time), new PolicedEventService(read, time), new AdvisoryGroupService(read, time), new StaffNetworkService(read, time) })
        {
            Assert.All(await source.IndicatorsAsync(force, Today), i => Assert.Contains(i.Recommendation, source.Recommendations));
        }

        for (var recommendation = 1; recommendation <= 22; recommendation++)
        {
            var expected = all.Where(i => i.Recommendation == recommendation).Select(i => (i.Name, i.Value)).Order().ToList();
            var actual = (await service.ForRecommendationAsync(force, recommendation, Today)).Select(i => (i.Name, i.Value)).Order().ToList();
            Assert.Equal(expected, actual);
        }

        Assert.Equal("1 of 1 (100%)", Assert.Single(await service.ForRecommendationAsync(force, 13, Today)).Value);
        Assert.Empty(await service.ForRecommendationAsync(force, 1, Today));
    }

    [Fact]
    public async Task AnotherForcesRecords_AreNotCounted()
    {
        var all = await IndicatorsAsync(db =>
        {
            var other = db.Forces.Single(f => f.Slug == "cleveland").Id;
            db.PolicyDocuments.Add(PolicyDocument.Create(other, new PolicyDetails("Other force", null, "Owner", true, Today, 12, null), Today, Ctx));
        });

        Assert.Equal("no records yet", Value(all, 13, "Policies relating"));
    }

    private static readonly Evenhand.Common.ProcessContext Ctx = new("u", "Tester", new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
}

using Evenhand.Data;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Evenhand.Tests.Governance;

/// <summary>
/// The registers' flags and measures are decided in the database (so a register of thousands is never loaded to filter or
/// count it). They must agree with the entities' own rules, record by record, on the demo registers of several forces, on
/// SQLite and PostgreSQL.
/// </summary>
public sealed class RegisterQueriesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static async Task<(TestDatabase Database, List<int> Forces)> DemoRegistersAsync(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();
        await DatabaseInitializer.InitialiseAsync(db);
        var forces = await db.Forces.OrderBy(f => f.Id).Select(f => f.Id).Take(6).ToListAsync();
        await GovernanceDemoData.EnsureAsync(db, forces, Time);
        return (database, forces);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task FlaggedPolicies_InTheDatabase_AreThoseTheEntityFlags(string provider)
    {
        var (database, forces) = await DemoRegistersAsync(provider);
        using var _ = database;
        await using var db = database.CreateContext();
        foreach (var force in forces)
        {
            var policies = await db.PolicyDocuments.AsNoTracking().Where(p => p.ForceId == force).Include(p => p.Assessments).ThenInclude(a => a.Lines).ToListAsync();
            var flagged = await PolicyRegisterService.Flagged(db.PolicyDocuments.Where(p => p.ForceId == force), Today).Select(p => p.Id).OrderBy(id => id).ToListAsync();
            Assert.Equal(policies.Where(p => PolicyRegisterService.Flags(p, Today).Count > 0).Select(p => p.Id).Order(), flagged);
            Assert.NotEmpty(flagged);
            Assert.NotEqual(policies.Count, flagged.Count);

            // The register page's filter and count.
            var page = await new PolicyRegisterService(db, Time).ListAsync(force, new PolicyQuery(FlaggedOnly: true, PageSize: 100));
            Assert.Equal(flagged.Count, page.Total);
            Assert.All(page.Items, p => Assert.NotEmpty(PolicyRegisterService.Flags(p, Today)));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Measures_CountedInTheDatabase_AreThoseOfTheLoadedRecords(string provider)
    {
        var (database, forces) = await DemoRegistersAsync(provider);
        using var _ = database;
        await using var db = database.CreateContext();
        foreach (var force in forces)
        {
            var indicators = (await GovernanceEvidenceService.For(db, Time).ForForceAsync(force, Today)).ToDictionary(i => (i.Recommendation, i.Name));
            (string Value, int Records) Measure(int recommendation, string start)
            {
                var i = indicators.Single(kv => kv.Key.Recommendation == recommendation && kv.Key.Name.StartsWith(start, StringComparison.Ordinal)).Value;
                return (i.Value, i.Records);
            }

            // The same measures from every record loaded, with the entities' rules.
            var equality = await db.PolicyDocuments.AsNoTracking().Where(p => p.ForceId == force && p.RelatesToEqualityAct).Include(p => p.Assessments).ThenInclude(a => a.Lines).ToListAsync();
            var latest = equality.Select(p => p.LatestAssessment).OfType<EqualityImpactAssessment>().ToList();
            Assert.Equal((EvidenceIndicator.Share(equality.Count(p => !p.IsOverdue(Today)), equality.Count), equality.Count), Measure(13, "Policies relating"));
            Assert.Equal((EvidenceIndicator.Share(latest.Count(a => a.IsComplete), equality.Count), equality.Count), Measure(12, "Equality Act policies"));
            Assert.Equal((EvidenceIndicator.Share(latest.Count(a => a.AssessorTrained), latest.Count), latest.Count), Measure(12, "Latest equality"));

            var events = await db.PolicedEvents.AsNoTracking().Where(e => e.ForceId == force).ToListAsync();
            var contentious = events.Where(e => e.Contentious && e.Attended).ToList();
            var ended = events.Where(e => e.Attended && e.EndsOn.AddDays(PolicedEvent.ReviewWithinDays) < Today).ToList();
            Assert.Equal((EvidenceIndicator.Share(contentious.Count(e => !e.ReasonsNotCommunicated), contentious.Count), contentious.Count), Measure(4, "Contentious"));
            Assert.Equal((EvidenceIndicator.Share(ended.Count(e => e.ReviewedOn is not null), ended.Count), ended.Count), Measure(5, "Events attended"));

            var limits = await new AdvisoryGroupService(db, Time).SettingsAsync(force);
            var groups = await db.AdvisoryGroups.AsNoTracking().Where(g => g.ForceId == force).Include(g => g.Members).Include(g => g.Meetings).ToListAsync();
            Assert.Equal((EvidenceIndicator.Share(groups.Count(g => !g.TermsOfReferenceOutOfDate(Today, limits) && g.ChairIndependent && g.MembersPastTenure(Today, limits).Count == 0), groups.Count), groups.Count),
                Measure(15, "Advisory groups"));
            var raised = groups.Sum(g => g.Meetings.Count(m => m.YouSaid is not null));
            Assert.Equal((EvidenceIndicator.Share(groups.Sum(g => g.Meetings.Count(m => m.YouSaid is not null && m.WeDid is not null)), raised), raised), Measure(15, "Matters raised"));

            var networks = await db.StaffNetworks.AsNoTracking().Where(n => n.ForceId == force).Include(n => n.FundingRequests).ToListAsync();
            var requests = networks.SelectMany(n => n.FundingRequests).ToList();
            Assert.Equal((EvidenceIndicator.Share(networks.Count(n => n.CriteriaNotMet.Count == 0), networks.Count), networks.Count), Measure(21, "Staff networks"));
            Assert.Equal((EvidenceIndicator.Share(requests.Count(r => r.Decision != FundingDecision.Pending && r.NeedAssessed), requests.Count), requests.Count), Measure(22, "Funding requests"));

            var representations = await db.VisibleRepresentations.AsNoTracking().Where(r => r.ForceId == force).ToListAsync();
            Assert.Equal((EvidenceIndicator.Share(representations.Count(r => r.ReviewOn > Today), representations.Count), representations.Count), Measure(10, "Decisions on visible"));

            var year = await db.PoliticalContacts.AsNoTracking().Where(c => c.ForceId == force).ToListAsync();
            year = year.Where(c => c.ContactOn > Today.AddMonths(-12)).ToList();
            var directing = year.Where(c => c.Kind == ContactKind.AttemptToDirectInAdvance).ToList();
            Assert.Equal((EvidenceIndicator.Share(directing.Count(c => c.Escalated), directing.Count), directing.Count), Measure(7, "Attempts to direct"));
            Assert.Equal((EvidenceIndicator.Share(directing.Count, year.Count), year.Count), Measure(7, "Political contacts"));

            var live = (await db.ContentiousIssues.AsNoTracking().Where(i => i.ForceId == force).ToListAsync()).Where(i => i.Status != IssueStatus.Closed).ToList();
            Assert.Equal((EvidenceIndicator.Share(live.Count(i => !i.IsUnprepared), live.Count), live.Count), Measure(6, "Live contentious"));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task IndicatorsForOneRecommendation_AskingOnlyTheRegistersThatMeasureIt_AreThoseOfTheWholeList(string provider)
    {
        var (database, forces) = await DemoRegistersAsync(provider);
        using var _ = database;
        await using var db = database.CreateContext();
        var evidence = GovernanceEvidenceService.For(db, Time);
        var all = await evidence.ForForceAsync(forces[0], Today);
        Assert.NotEmpty(all);
        for (var recommendation = 1; recommendation <= 25; recommendation++)
        {
            var one = await evidence.ForRecommendationAsync(forces[0], recommendation, Today);
            Assert.Equal(all.Where(i => i.Recommendation == recommendation), one);
        }
    }
}

using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Analysis;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.HateIncidents.Analysis;

/// <summary>The analysis numbers against <see cref="AnalysisDataset"/>, on SQLite and PostgreSQL.</summary>
public sealed class HateIncidentAnalysisServiceTests(AnalysisDataset data) : IClassFixture<AnalysisDataset>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly HateAnalysisFilter Period = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 15));

    private async Task<T> RunAsync<T>(string provider, Func<HateIncidentAnalysisService, int, Task<T>> query)
    {
        var (db, cheshire, _) = await data.GetAsync(provider);
        await using var context = db.CreateContext();
        return await query(new HateIncidentAnalysisService(context, data.Time), cheshire);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Analyse_CountsByOutcome_OnlyTheForcesIncidentsInThePeriod(string provider)
    {
        var result = await RunAsync(provider, (s, force) => s.AnalyseAsync(force, Period));

        Assert.Equal(new OutcomeSplit(HateCrime: 1, Nchi: 4, NchiWithPersonalData: 1, NoRecord: 1, NotAssessed: 1), result.Totals);
        Assert.Equal(24, result.ReviewTargetHours);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ByCharacteristic_CountsAnIncidentUnderEachOfItsCharacteristics(string provider)
    {
        var rows = await RunAsync(provider, (s, force) => s.ByCharacteristicAsync(force, Period));

        var byKey = rows.ToDictionary(r => r.Key, r => r.Counts);
        Assert.Equal(new OutcomeSplit(1, 2, 0, 0, 0), byKey["race"]);
        Assert.Equal(new OutcomeSplit(0, 3, 0, 0, 0), byKey["religion"]);
        Assert.Equal(new OutcomeSplit(0, 0, 1, 0, 0), byKey["sexual-orientation"]);
        Assert.Equal(new OutcomeSplit(0, 0, 0, 1, 0), byKey["disability"]);
        Assert.Equal(new OutcomeSplit(0, 0, 0, 0, 1), byKey["transgender-identity"]);
        Assert.Equal(["race", "religion"], rows.Take(2).Select(r => r.Key).Order());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ByMonth_UsesLondonCalendarMonths_AndListsEveryMonth(string provider)
    {
        var months = await RunAsync(provider, (s, force) => s.ByMonthAsync(force, Period));

        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 1), new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 1)], months.Select(m => m.Month));
        Assert.Equal([2, 2, 1, 3], months.Select(m => m.Total));
        // 31 March 23:30 UTC is 1 April in London: the no-record incident counts in April.
        Assert.Equal(new OutcomeSplit(0, 0, 1, 1, 0), months[1].Counts);
        Assert.Equal(new OutcomeSplit(0, 2, 0, 0, 1), months[3].Counts);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ByArea_SplitsByOutcome(string provider)
    {
        var rows = await RunAsync(provider, (s, force) => s.ByAreaAsync(force, Period));

        Assert.Equal(["Chester", "Crewe"], rows.Select(r => r.Key));
        Assert.Equal(new OutcomeSplit(0, 2, 1, 1, 0), rows[0].Counts);
        Assert.Equal(new OutcomeSplit(1, 2, 0, 0, 1), rows[1].Counts);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RepeatLocations_AreaAndLocationSeenMoreThanOnce_MostRecentReferencesFirst(string provider)
    {
        var rows = await RunAsync(provider, (s, force) => s.RepeatLocationsAsync(force, Period));

        Assert.Equal([("Chester", "Park", 3), ("Crewe", "Bus station", 2)], rows.Select(r => (r.Area, r.Location, r.Count)));
        Assert.Equal(["T-I", "T-C", "T-D"], rows[0].References);
        Assert.Equal(["T-B", "T-A"], rows[1].References);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RepeatComplainants_MatchNameIgnoringCaseAndDateOfBirth_WithoutNames(string provider)
    {
        var rows = await RunAsync(provider, (s, force) => s.RepeatPeopleAsync(force, Period, PersonRole.Complainant));

        var only = Assert.Single(rows);
        Assert.Equal("Complainant A", only.Label);
        Assert.Equal(3, only.Count);
        Assert.Equal(["T-D", "T-B", "T-A"], only.References);
        Assert.DoesNotContain("Smith", only.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RepeatComplainants_WithACharacteristicFilter_CountOnlyTheMatchingIncidents(string provider)
    {
        // Ann Smith is on T-A (race), T-B (race, religion) and T-D (disability).
        var race = await RunAsync(provider, (s, force) => s.RepeatPeopleAsync(force, Period with { Characteristic = "race" }, PersonRole.Complainant));
        var disability = await RunAsync(provider, (s, force) => s.RepeatPeopleAsync(force, Period with { Characteristic = "disability" }, PersonRole.Complainant));

        var only = Assert.Single(race);
        Assert.Equal(2, only.Count);
        Assert.Equal(["T-B", "T-A"], only.References);
        Assert.Empty(disability);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RepeatSubjects_OnlyWherePersonalDataIsHeld(string provider)
    {
        var rows = await RunAsync(provider, (s, force) => s.RepeatPeopleAsync(force, Period, PersonRole.Subject));

        var only = Assert.Single(rows);
        Assert.Equal(("Subject A", 2), (only.Label, only.Count));
        Assert.Equal(["T-C", "T-A"], only.References);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ReviewTimeliness_MedianPercentileTargetAndOverdue(string provider)
    {
        var t = await RunAsync(provider, (s, force) => s.ReviewTimelinessAsync(force, Period));

        // Reviews took 10, 30 and 2 hours; the target is 24.
        Assert.Equal(3, t.Reviewed);
        Assert.Equal(10, t.MedianHours!.Value, 3);
        Assert.Equal(26, t.Percentile90Hours!.Value, 3);
        Assert.Equal(2, t.WithinTarget);
        Assert.Equal(2.0 / 3, t.ShareWithinTarget!.Value, 6);
        Assert.Equal(2, t.AwaitingReview);
        Assert.Equal(1, t.OverdueNow);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Deployment_RateByOutcome_AndDeploymentsBeforeReview(string provider)
    {
        var d = await RunAsync(provider, (s, force) => s.DeploymentAsync(force, Period));

        Assert.Equal([("hate-crime", 1, 1), ("nchi", 1, 0), ("nchi-with-personal-data", 1, 1)], d.ByOutcome.Select(r => (r.Outcome, r.Decisions, r.Deployed)));
        Assert.Equal(2.0 / 3, d.Rate!.Value, 6);
        Assert.Equal(1, d.NchiDeployedBeforeReview);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Reclassifications_CountChangesNotConfirmations(string provider)
    {
        var r = await RunAsync(provider, (s, force) => s.ReclassificationsAsync(force, Period));

        Assert.Equal(2, r.IncidentsReclassified);
        Assert.Equal([("nchi", "no-record", 1), ("nchi-with-personal-data", "nchi", 1)], r.Changes.Select(c => (c.From, c.To, c.Count)));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Filters_ByCharacteristicAndOutcome(string provider)
    {
        var religion = await RunAsync(provider, (s, force) => s.AnalyseAsync(force, Period with { Characteristic = "religion" }));
        var nchi = await RunAsync(provider, (s, force) => s.AnalyseAsync(force, Period with { Outcome = "nchi" }));
        var notAssessed = await RunAsync(provider, (s, force) => s.ByAreaAsync(force, Period with { Outcome = HateAnalysisFilter.NotAssessed }));

        Assert.Equal(3, religion.Totals.Total);
        Assert.Equal(3, religion.Totals.Nchi);
        Assert.Equal(4, nchi.Totals.Total);
        Assert.Empty(nchi.RepeatLocations); // with the other outcomes filtered out, no place has two NCHIs
        Assert.Equal(("Crewe", 1), (Assert.Single(notAssessed).Key, notAssessed[0].Total));
    }

    [Fact]
    public void Percentile_InterpolatesBetweenRanks()
    {
        Assert.Null(HateIncidentAnalysisService.Percentile([], 0.5));
        Assert.Equal(5, HateIncidentAnalysisService.Percentile([5], 0.9));
        Assert.Equal(2.5, HateIncidentAnalysisService.Percentile([1, 2, 3, 4], 0.5));
        Assert.Equal(3.7, HateIncidentAnalysisService.Percentile([1, 2, 3, 4], 0.9)!.Value, 6);
    }

    [Fact]
    public void StartOfDay_IsLondonMidnight()
    {
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero), HateIncidentAnalysisService.StartOfDay(new DateOnly(2025, 1, 10)));
        Assert.Equal(new DateTimeOffset(2025, 6, 9, 23, 0, 0, TimeSpan.Zero), HateIncidentAnalysisService.StartOfDay(new DateOnly(2025, 6, 10)));
    }
}

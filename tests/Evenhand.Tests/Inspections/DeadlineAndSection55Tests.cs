using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;

namespace Evenhand.Tests.Inspections;

public sealed class DeadlineAndSection55Tests
{
    private static readonly ProcessContext Ctx = new("u1", "PCC office", DateTimeOffset.UnixEpoch);

    [Fact]
    public void RelativeDeadline_IsUnknownUntilTheEventIsRecorded_ThenComputed()
    {
        var rec = new Recommendation { Number = 9, Text = "…", DueRuleMonths = 6, DueRuleEvent = "College of Policing updates its APP", DueRuleDescription = "Within six months of …" };
        Assert.Null(rec.EffectiveDueDate);
        rec.RecordTriggerEvent(new DateOnly(2025, 8, 31));
        Assert.Equal(new DateOnly(2026, 2, 28), rec.EffectiveDueDate); // clamped to the end of February
    }

    [Fact]
    public void RecordTriggerEvent_OnAFixedDeadline_IsRefused()
    {
        var rec = new Recommendation { Number = 10, Text = "…", DueDate = new DateOnly(2025, 3, 31) };
        Assert.Throws<DomainRuleException>(() => rec.RecordTriggerEvent(new DateOnly(2025, 1, 1)));
    }

    // s.55(5A): "before the end of the period of 56 days beginning with the day on which the report is published":
    // the publication day is day 1 of the 56 (SOURCES.md: 10 September 2024 -> 4 November 2024).
    [Theory]
    [InlineData("2024-09-10", "2024-11-04")] // the report itself
    [InlineData("2024-01-01", "2024-02-25")] // day 1 is 1 January, day 56 is 25 February
    [InlineData("2024-12-31", "2025-02-24")] // across a year end
    [InlineData("2024-01-05", "2024-02-29")] // into a leap day
    [InlineData("2023-01-05", "2023-03-01")] // the same dates in a common year
    [InlineData("2025-03-01", "2025-04-25")] // across the spring clock change (30 March 2025): calendar days, not 24-hour blocks
    [InlineData("2025-10-01", "2025-11-25")] // across the autumn clock change (26 October 2025)
    [InlineData("2025-03-30", "2025-05-24")] // published on the day the clocks go forward
    public void Section55_LastDay_IsThe56thDayCountingPublicationAsDay1(string published, string lastDay)
    {
        var p = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture);
        var last = Section55Rules.LastDayOf56DaysBeginningWithPublication(p);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), last);
        // Counting the days of the period one by one, publication day included, gives 56.
        Assert.Equal(56, last.DayNumber - p.DayNumber + 1);
    }

    [Fact]
    public void IsLate_WhenUnpublishedAfterTheDueDate_OrPublishedAfterIt()
    {
        var (response, _) = Draft();
        Assert.False(response.IsLate(new DateOnly(2024, 11, 4))); // the 56th day, still in time
        Assert.True(response.IsLate(new DateOnly(2024, 11, 5)));  // the 57th day
    }

    [Fact]
    public void ForceCatalogue_Has43ForcesWithUniqueSlugsAndABody()
    {
        Assert.Equal(43, ForceCatalogue.All.Count);
        Assert.Equal(43, ForceCatalogue.All.Select(f => f.Slug).Distinct().Count());
        Assert.All(ForceCatalogue.All, f => Assert.Matches("^[a-z]+(-[a-z]+)*$", f.Slug));
        Assert.Equal(LocalPolicingBodyType.Mayor, ForceCatalogue.FindBySlug("greater-manchester")!.LocalPolicingBodyType);
        Assert.Equal(4, ForceCatalogue.All.Count(f => f.Country == "Wales"));
    }

    private static (Section55Response, List<Recommendation>) Draft()
    {
        var inspection = new Inspection { Id = 1, Title = "T", Publisher = "HMICFRS", PublishedOn = new DateOnly(2024, 9, 10) };
        var recs = new[] { 9, 10, 12 }.Select((n, i) => new Recommendation { Id = i + 1, InspectionId = 1, Number = n, Text = "…", AppliesToForces = true }).ToList();
        var force = ForceCatalogue.FindBySlug("cheshire")!;
        return (Section55Response.Start(force, inspection), recs);
    }
}

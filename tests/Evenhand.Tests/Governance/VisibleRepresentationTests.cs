using Evenhand.Common;
using Evenhand.Governance;

namespace Evenhand.Tests.Governance;

public sealed class VisibleRepresentationTests
{
    private static readonly DateOnly Today = new(2025, 10, 1);

    private static RepresentationDetails Details(RepresentationDecision decision = RepresentationDecision.PermittedForPeriod, DateOnly? from = null, DateOnly? to = null) =>
        new(RepresentationItem.Badge, "Poppy", "Remembrance", decision, from ?? new DateOnly(2025, 10, 25), to ?? new DateOnly(2025, 11, 11),
            "Not with public order duties", "Deputy Chief Constable", new DateOnly(2025, 9, 1), "A national observance with broad support", new DateOnly(2026, 9, 1));

    [Theory]
    [InlineData("2025-10-24", false)]
    [InlineData("2025-10-25", true)]
    [InlineData("2025-11-11", true)]
    [InlineData("2025-11-12", false)]
    public void Answer_ForAPeriod_IsYesOnlyWithinIt_AndSaysWhy(string day, bool allowed)
    {
        var r = VisibleRepresentation.Create(1, Details(), Today);

        var answer = r.Answer(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(allowed, answer.Allowed);
        Assert.Equal("A national observance with broad support", answer.Rationale);
        Assert.Contains(allowed ? "Yes" : "No", answer.Summary, StringComparison.Ordinal);
        Assert.Equal(allowed ? "Not with public order duties" : null, answer.Conditions);
    }

    [Fact]
    public void Answer_PermittedOrNot_IgnoresTheDate_AndAPeriodIsNotKeptForThem()
    {
        var permitted = VisibleRepresentation.Create(1, Details(RepresentationDecision.Permitted), Today);
        var refused = VisibleRepresentation.Create(1, Details(RepresentationDecision.NotPermitted), Today);

        Assert.True(permitted.Answer(new DateOnly(2030, 1, 1)).Allowed);
        Assert.False(refused.Answer(new DateOnly(2025, 11, 1)).Allowed);
        Assert.Null(permitted.PermittedFrom);
    }

    [Fact]
    public void Create_WithoutRationaleOrReview_OrWithABackwardsPeriod_ListsEveryProblem()
    {
        var bad = Details(to: new DateOnly(2025, 10, 1)) with { Rationale = " ", ReviewOn = new DateOnly(2025, 8, 1), DecidedOn = Today.AddDays(1) };

        var e = Assert.Throws<DomainRuleException>(() => VisibleRepresentation.Create(1, bad, Today));

        Assert.Contains("last day of the period must be on or after the first", e.Message, StringComparison.Ordinal);
        Assert.Contains("rationale", e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be in the future", e.Message, StringComparison.Ordinal);
        Assert.Contains("review date must be after", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ListsTheChanges_AndReviewFallsDueOnItsDate()
    {
        var r = VisibleRepresentation.Create(1, Details(), Today);
        var changes = r.Apply(Details() with { Decision = RepresentationDecision.NotPermitted }, Today);

        Assert.Equal(["Decision: Permitted for a period → Not permitted", "Permitted from: 25 October 2025 → (none)", "Permitted to: 11 November 2025 → (none)"], changes);
        Assert.False(r.IsReviewDue(new DateOnly(2026, 8, 31)));
        Assert.True(r.IsReviewDue(new DateOnly(2026, 9, 1)));
    }
}

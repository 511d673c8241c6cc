using Evenhand.Common;
using Evenhand.Governance;

namespace Evenhand.Tests.Governance;

/// <summary>The policy register's rules and flags, without a database.</summary>
public sealed class PolicyDocumentTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly ProcessContext Ctx = new("u1", "Governance lead", new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));

    private static PolicyDocument Policy(DateOnly? lastReviewed = null, int interval = 12, bool equality = true) =>
        PolicyDocument.Create(1, new PolicyDetails("Stop and search", "POL-1", "Head of Operations", equality, lastReviewed, interval, null), Today, Ctx);

    private static IReadOnlyList<CharacteristicAssessment> AllAssessed() =>
        [.. Enum.GetValues<ProtectedCharacteristic>().Select(c => new CharacteristicAssessment(c, EqualityImpact.Neutral, "Workforce and community data reviewed"))];

    [Fact]
    public void Create_WithEveryFieldWrong_ListsEveryProblem_AndCreatesNothing()
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            PolicyDocument.Create(1, new PolicyDetails(" ", new string('R', 41), null, true, Today.AddDays(1), 0, null), Today, Ctx));

        Assert.Contains("title", e.Message, StringComparison.Ordinal);
        Assert.Contains("owner", e.Message, StringComparison.Ordinal);
        Assert.Contains("reference must be 40", e.Message, StringComparison.Ordinal);
        Assert.Contains("review interval", e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be in the future", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextReview_IsTheLastReviewPlusTheInterval_AndOverdueAfterIt()
    {
        var policy = Policy(new DateOnly(2024, 5, 1), interval: 12);

        Assert.Equal(new DateOnly(2025, 5, 1), policy.NextReviewDueOn);
        Assert.True(policy.IsOverdue(Today));
        Assert.False(policy.IsOverdue(new DateOnly(2025, 5, 1)));
        Assert.True(Policy(lastReviewed: null).IsOverdue(Today));
    }

    [Fact]
    public void Apply_ReturnsWhatChanged_AndChangesTheVersionOnlyWhenSomethingDid()
    {
        var policy = Policy(new DateOnly(2024, 5, 1));
        var version = policy.Version;

        Assert.Empty(policy.Apply(new PolicyDetails("Stop and search", "POL-1", "Head of Operations", true, new DateOnly(2024, 5, 1), 12, null), Today));
        Assert.Equal(version, policy.Version);

        var changes = policy.Apply(new PolicyDetails("Stop and search", "POL-1", "Head of Operations", true, new DateOnly(2025, 5, 20), 24, null), Today);
        Assert.Equal(["Last reviewed: 1 May 2024 → 20 May 2025", "Review interval (months): 12 → 24"], changes);
        Assert.Equal(new DateOnly(2027, 5, 20), policy.NextReviewDueOn);
        Assert.NotEqual(version, policy.Version);
    }

    [Fact]
    public void Assessment_WithAnUnassessedCharacteristicOrAnEmptyRationale_IsIncomplete_AndNamesThem()
    {
        var lines = AllAssessed().Select(l => l.Characteristic switch
        {
            ProtectedCharacteristic.Age => l with { Impact = EqualityImpact.NotAssessed },
            ProtectedCharacteristic.Sex => l with { Rationale = "  " },
            _ => l,
        }).ToList();
        var eia = Policy(Today).AddAssessment(new EiaDetails(Today, "A. Patel", Today.AddYears(-1), lines), Today, Ctx);

        Assert.False(eia.IsComplete);
        Assert.Equal([ProtectedCharacteristic.Age, ProtectedCharacteristic.Sex], eia.Gaps);
    }

    [Fact]
    public void Assessment_LeavingCharacteristicsOut_RecordsThemAsNotAssessed()
    {
        var eia = Policy(Today).AddAssessment(new EiaDetails(Today, "A. Patel", null, [new(ProtectedCharacteristic.Race, EqualityImpact.Positive, "More representative panels")]), Today, Ctx);

        Assert.Equal(9, eia.Lines.Count);
        Assert.Equal(8, eia.Gaps.Count);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("2025-06-02", false)] // trained only after the assessment
    [InlineData("2025-06-01", true)]
    [InlineData("2023-01-10", true)]
    public void Assessment_AssessorTrained_OnlyWithTrainingOnOrBeforeTheAssessment(string? trainedOn, bool trained)
    {
        var eia = new EqualityImpactAssessment { AssessedOn = Today, AssessorTrainedOn = trainedOn is null ? null : DateOnly.Parse(trainedOn, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(trained, eia.AssessorTrained);
    }

    [Fact]
    public void Assessment_InTheFutureOrWithoutAnAssessor_IsRefused()
    {
        var policy = Policy(Today);
        var e = Assert.Throws<DomainRuleException>(() => policy.AddAssessment(new EiaDetails(Today.AddDays(1), "", null, AllAssessed()), Today, Ctx));
        Assert.Contains("cannot be in the future", e.Message, StringComparison.Ordinal);
        Assert.Contains("who carried out", e.Message, StringComparison.Ordinal);
        Assert.Empty(policy.Assessments);
    }

    [Fact]
    public void Flags_SayWhatIsWrong()
    {
        var good = Policy(Today);
        good.AddAssessment(new EiaDetails(Today, "A. Patel", Today.AddYears(-1), AllAssessed()), Today, Ctx);
        Assert.Empty(PolicyRegisterService.Flags(good, Today));

        var bad = Policy(new DateOnly(2023, 1, 1));
        Assert.Equal(["Review overdue since 1 January 2024", "No equality impact assessment"], PolicyRegisterService.Flags(bad, Today));

        bad.AddAssessment(new EiaDetails(Today, "J. Morgan", null, AllAssessed().Skip(1).ToList()), Today, Ctx);
        Assert.Equal(["Review overdue since 1 January 2024", "Assessment incomplete: age", "Assessor has no recorded EIA training"], PolicyRegisterService.Flags(bad, Today));
    }

    [Fact]
    public void Share_IsWrittenAsPartOfWholeWithAPercentage()
    {
        Assert.Equal("7 of 9 (78%)", EvidenceIndicator.Share(7, 9));
        Assert.Equal("no records yet", EvidenceIndicator.Share(0, 0));
    }
}

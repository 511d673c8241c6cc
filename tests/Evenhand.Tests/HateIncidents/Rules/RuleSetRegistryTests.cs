using Evenhand.HateIncidents.Rules;

namespace Evenhand.Tests.HateIncidents.Rules;

public class RuleSetRegistryTests
{
    [Fact]
    public void All_HasTheCode2023RuleSet_WithUniqueIds()
    {
        Assert.Contains(RuleSetRegistry.All, r => r.Id == "code-2023");
        Assert.Equal(RuleSetRegistry.All.Count, RuleSetRegistry.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Get_KnownId_ReturnsThatRuleSet_AndTheDefaultIsItsSuccessor()
    {
        Assert.IsType<Code2023RuleSet>(RuleSetRegistry.Get("code-2023"));
        Assert.IsType<Code2023Rev2RuleSet>(RuleSetRegistry.Get("code-2023-r2"));
        Assert.Equal("code-2023-r2", RuleSetRegistry.DefaultId);
        Assert.Same(RuleSetRegistry.Get("code-2023-r2"), RuleSetRegistry.Default);
    }

    [Fact]
    public void Get_UnknownId_ThrowsKeyNotFound_ListingTheKnownIds()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => RuleSetRegistry.Get("code-2031"));

        Assert.Contains("'code-2031'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("code-2023", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_UnknownOrNull_IsFalse()
    {
        Assert.False(RuleSetRegistry.TryGet("nope", out _));
        Assert.False(RuleSetRegistry.TryGet(null, out _));
        Assert.True(RuleSetRegistry.TryGet("code-2023", out var found));
        Assert.Equal("code-2023", found.Id);
    }

    [Fact]
    public void DecisionsRecordTheRuleSetTheyWereMadeUnder()
    {
        foreach (var ruleSet in RuleSetRegistry.All)
        {
            var d = ruleSet.Assess(new AssessmentAnswers(["race"], true, false, false, false, false, false, false, false));
            Assert.Equal(ruleSet.Id, d.RuleSetId);
        }
    }

    [Theory]
    [InlineData(AssessmentOutcome.HateCrime, "hate-crime")]
    [InlineData(AssessmentOutcome.Nchi, "nchi")]
    [InlineData(AssessmentOutcome.NchiWithPersonalData, "nchi-with-personal-data")]
    [InlineData(AssessmentOutcome.NoRecord, "no-record")]
    public void OutcomeKeys_RoundTrip(AssessmentOutcome outcome, string key)
    {
        Assert.Equal(key, outcome.ToKey());
        Assert.Equal(outcome, AssessmentKeys.ParseOutcome(key));
        Assert.False(string.IsNullOrWhiteSpace(outcome.Describe()));
    }

    [Theory]
    [InlineData(SpecialistReview.Required, "required")]
    [InlineData(SpecialistReview.AfterDeployment, "after-deployment")]
    [InlineData(SpecialistReview.NotRequired, "not-required")]
    public void ReviewKeys_RoundTrip(SpecialistReview review, string key)
    {
        Assert.Equal(key, review.ToKey());
        Assert.Equal(review, AssessmentKeys.ParseSpecialistReview(key));
    }

    [Fact]
    public void ParseOutcome_UnknownKey_ListsTheKeys()
    {
        var ex = Assert.Throws<ArgumentException>(() => AssessmentKeys.ParseOutcome("crime"));
        Assert.Contains("hate-crime, nchi, nchi-with-personal-data, no-record", ex.Message, StringComparison.Ordinal);
    }
}

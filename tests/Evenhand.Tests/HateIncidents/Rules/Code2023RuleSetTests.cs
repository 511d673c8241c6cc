using Evenhand.HateIncidents.Rules;

namespace Evenhand.Tests.HateIncidents.Rules;

/// <summary>Every branch of the code-2023 rules, plus properties that hold for every combination of answers.</summary>
public class Code2023RuleSetTests
{
    private static readonly Code2023RuleSet Rules = new();

    /// <summary>A plain NCHI: hostility towards race perceived, nothing else. Each test changes what it is about.</summary>
    internal static AssessmentAnswers Answers(
        string[]? characteristics = null,
        bool perceivedHostility = true,
        bool isCrime = false,
        bool trivial = false,
        bool school = false,
        bool freeExpression = false,
        bool harm = false,
        bool futureOffence = false,
        bool immediateRisk = false) =>
        new(characteristics ?? ["race"], perceivedHostility, isCrime, trivial, school, freeExpression, harm, futureOffence, immediateRisk);

    [Fact]
    public void Identity_IsTheCode2023RuleSet()
    {
        Assert.Equal("code-2023", Rules.Id);
        Assert.Equal("Home Office NCHI Code of Practice (2023) and College of Policing APP", Rules.Name);
        Assert.False(string.IsNullOrWhiteSpace(Rules.Version));
        Assert.Equal(["race", "religion", "disability", "sexual-orientation", "transgender-identity"], Rules.ParticularCharacteristics);
    }

    [Fact]
    public void Questions_AreInTheAppOrder_AndKeyedLikeTheJsonInput()
    {
        Assert.Equal(
            ["isCrime", "perceivedHostility", "trivialIrrationalOrMalicious", "schoolChildrenOnSchoolPremises", "lawfulFreedomOfExpression",
             "realRiskOfSignificantHarm", "realRiskOfFutureOffence", "immediateRisk"],
            Rules.Questions.Select(q => q.Key));
        Assert.All(Rules.Questions, q =>
        {
            Assert.EndsWith("?", q.Text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(q.Help));
        });

        // Every question answers one property of AssessmentAnswers.
        var properties = typeof(AssessmentAnswers).GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToHashSet();
        Assert.All(Rules.Questions, q => Assert.Contains(q.Key, properties));
    }

    [Fact]
    public void CrimeWithPerceivedHostility_IsAHateCrime_WithSubjectDataAndNoNchiReview()
    {
        var d = Rules.Assess(Answers(isCrime: true));

        Assert.Equal(AssessmentOutcome.HateCrime, d.Outcome);
        Assert.True(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
        Assert.False(d.RationaleRequired);
        Assert.Equal("code-2023", d.RuleSetId);
        Assert.Contains(d.Reasons, r => r.Contains("hate crime", StringComparison.Ordinal) && r.Contains("race", StringComparison.Ordinal));
    }

    [Fact]
    public void CrimeWithPerceivedHostility_IsAHateCrime_EvenIfTheNchiFiltersWouldApply()
    {
        // The NCHI filters (trivial, freedom of expression) are for non-crime incidents: a crime is recorded under the Crime Recording Rules.
        var d = Rules.Assess(Answers(isCrime: true, trivial: true, freeExpression: true));

        Assert.Equal(AssessmentOutcome.HateCrime, d.Outcome);
    }

    [Fact]
    public void CrimeWithPerceivedHostility_OnSchoolPremises_IsAHateCrimeWithAWarningToCheckTheSchoolsRoute()
    {
        var d = Rules.Assess(Answers(isCrime: true, school: true));

        Assert.Equal(AssessmentOutcome.HateCrime, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Contains("school", StringComparison.OrdinalIgnoreCase) && r.Contains("Crime Recording Rules", StringComparison.Ordinal));
    }

    [Fact]
    public void CrimeWithoutPerceivedHostility_IsNotHateRelated_AndIsRecordedAsACrimeInTheUsualWay()
    {
        var d = Rules.Assess(Answers(isCrime: true, perceivedHostility: false));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
        Assert.False(d.RationaleRequired);
        Assert.Contains(d.Reasons, r => r.Contains("Record it as a crime in the usual way", StringComparison.Ordinal));
    }

    [Fact]
    public void CrimeWithHostilityTowardsNoCharacteristic_IsNotHateRelated()
    {
        var d = Rules.Assess(Answers(isCrime: true, characteristics: []));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Contains("Record it as a crime in the usual way", StringComparison.Ordinal));
    }

    [Fact]
    public void NoPerceivedHostility_IsNoRecord_CitingTheDefinition()
    {
        var d = Rules.Assess(Answers(perceivedHostility: false, harm: true));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.StartsWith("Code of Practice para 11:", StringComparison.Ordinal));
    }

    [Fact]
    public void HostilityTowardsNoParticularCharacteristic_IsNoRecord()
    {
        var d = Rules.Assess(Answers(characteristics: [], harm: true));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Contains("towards no characteristic", StringComparison.Ordinal));
    }

    [Fact]
    public void TrivialIrrationalOrMalicious_IsNoRecord_EvenWithARealRisk()
    {
        var d = Rules.Assess(Answers(trivial: true, harm: true, futureOffence: true));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
        Assert.False(d.RationaleRequired);
        Assert.Contains(d.Reasons, r => r.StartsWith("Code of Practice para 20:", StringComparison.Ordinal));
    }

    [Fact]
    public void SchoolChildrenOnSchoolPremises_IsNoRecord_AndNoSubjectData_EvenWithARealRisk()
    {
        var d = Rules.Assess(Answers(school: true, harm: true));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.Contains("school is best placed", StringComparison.Ordinal));
    }

    [Fact]
    public void LawfulFreedomOfExpression_WithoutARealRisk_IsNoRecord()
    {
        var d = Rules.Assess(Answers(freeExpression: true));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.Contains("not by themselves grounds", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void LawfulFreedomOfExpression_WithARealRisk_IsAnNchiWithPersonalDataAndARationale(bool harm, bool futureOffence)
    {
        // The Code: lawful expression is not grounds "by itself"; the risk threshold is a separate ground.
        var d = Rules.Assess(Answers(freeExpression: true, harm: harm, futureOffence: futureOffence));

        Assert.Equal(AssessmentOutcome.NchiWithPersonalData, d.Outcome);
        Assert.True(d.SubjectPersonalDataAllowed);
        Assert.True(d.RationaleRequired);
        Assert.Equal(SpecialistReview.Required, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.Contains("lawfully held views", StringComparison.Ordinal));
    }

    [Fact]
    public void NchiWithoutARealRisk_HasNoSubjectData_AndGoesToASpecialist()
    {
        var d = Rules.Assess(Answers());

        Assert.Equal(AssessmentOutcome.Nchi, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.False(d.RationaleRequired);
        Assert.Equal(SpecialistReview.Required, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.StartsWith("Code of Practice paras 21 and 23:", StringComparison.Ordinal) && r.Contains("Remove any personal data", StringComparison.Ordinal));
        Assert.Contains(d.Reasons, r => r.StartsWith("NCHI APP:", StringComparison.Ordinal) && r.Contains("specialist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false, "a real risk of significant harm")]
    [InlineData(false, true, "a real risk of a future criminal offence")]
    [InlineData(true, true, "a real risk of significant harm and a real risk of a future criminal offence")]
    public void NchiWithARealRisk_MayHoldSubjectData_WithAWrittenRationale(bool harm, bool futureOffence, string named)
    {
        var d = Rules.Assess(Answers(harm: harm, futureOffence: futureOffence));

        Assert.Equal(AssessmentOutcome.NchiWithPersonalData, d.Outcome);
        Assert.True(d.SubjectPersonalDataAllowed);
        Assert.True(d.RationaleRequired);
        Assert.Equal(SpecialistReview.Required, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.StartsWith("Code of Practice para 21:", StringComparison.Ordinal) && r.Contains(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, AssessmentOutcome.Nchi)]
    [InlineData(true, AssessmentOutcome.NchiWithPersonalData)]
    public void NchiWithImmediateRisk_DeploysFirst_AndIsReviewedAfterDeployment(bool harm, AssessmentOutcome expected)
    {
        var d = Rules.Assess(Answers(harm: harm, immediateRisk: true));

        Assert.Equal(expected, d.Outcome);
        Assert.Equal(SpecialistReview.AfterDeployment, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.Contains("deploy now", StringComparison.Ordinal) && r.Contains("afterwards", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false)]   // hate crime
    [InlineData(false, true)]   // no record (trivial)
    public void ImmediateRisk_OutsideAnNchi_NeedsNoSpecialistReview_ButIsMentioned(bool isCrime, bool trivial)
    {
        var d = Rules.Assess(Answers(isCrime: isCrime, trivial: trivial, immediateRisk: true));

        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.StartsWith("An immediate risk of harm was reported", StringComparison.Ordinal));
    }

    [Fact]
    public void ForceAddedCharacteristic_CountsLikeTheCodesOwn()
    {
        var d = Rules.Assess(Answers(characteristics: ["sex"]), ["sex", "alternative-subculture"]);

        Assert.Equal(AssessmentOutcome.Nchi, d.Outcome);
        Assert.Contains(d.Reasons, r => r.StartsWith("Force policy: sex is a characteristic your force has added", StringComparison.Ordinal));
    }

    [Fact]
    public void ForceAddedCharacteristic_MakesACrimeAHateCrime()
    {
        var d = Rules.Assess(Answers(characteristics: ["alternative-subculture"], isCrime: true), ["alternative-subculture"]);

        Assert.Equal(AssessmentOutcome.HateCrime, d.Outcome);
    }

    [Fact]
    public void CharacteristicTheForceHasNotAdded_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Rules.Assess(Answers(characteristics: ["sex"])));

        Assert.Contains("'sex'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("race, religion, disability, sexual-orientation, transgender-identity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankCharacteristic_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Rules.Assess(Answers(characteristics: ["race", " "])));
    }

    [Fact]
    public void Characteristics_IgnoreCaseAndSpaces_AndAreNamedOnceInTheReasons()
    {
        var d = Rules.Assess(Answers(characteristics: [" Race ", "race", "SEXUAL-ORIENTATION"], isCrime: true));

        Assert.Equal(AssessmentOutcome.HateCrime, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Contains("towards race and sexual orientation is perceived", StringComparison.Ordinal));
    }

    /// <summary>All 256 combinations of the eight yes/no answers, with one characteristic.</summary>
    public static TheoryData<int> AllCombinations()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 256; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static AssessmentAnswers Combination(int bits) => Answers(
        perceivedHostility: (bits & 1) != 0, isCrime: (bits & 2) != 0, trivial: (bits & 4) != 0, school: (bits & 8) != 0,
        freeExpression: (bits & 16) != 0, harm: (bits & 32) != 0, futureOffence: (bits & 64) != 0, immediateRisk: (bits & 128) != 0);

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void EveryCombination_GivesAConsistentExplainedDecision(int bits)
    {
        var a = Combination(bits);
        var d = Rules.Assess(a);

        Assert.Equal("code-2023", d.RuleSetId);
        Assert.NotEmpty(d.Reasons);
        Assert.All(d.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        Assert.Equal(d.Outcome is AssessmentOutcome.HateCrime or AssessmentOutcome.NchiWithPersonalData, d.SubjectPersonalDataAllowed);
        Assert.Equal(d.Outcome is AssessmentOutcome.NchiWithPersonalData, d.RationaleRequired);
        var isNchi = d.Outcome is AssessmentOutcome.Nchi or AssessmentOutcome.NchiWithPersonalData;
        Assert.Equal(
            isNchi ? (a.ImmediateRisk ? SpecialistReview.AfterDeployment : SpecialistReview.Required) : SpecialistReview.NotRequired,
            d.SpecialistReview);

        // Personal data of the subject in an NCHI only ever with a real risk (Code of Practice para 21).
        if (d.Outcome == AssessmentOutcome.NchiWithPersonalData)
        {
            Assert.True(a.RealRiskOfSignificantHarm || a.RealRiskOfFutureOffence);
        }

        // The Code's words: complainant and subject, never victim or suspect.
        Assert.All(d.Reasons, r =>
        {
            Assert.DoesNotContain("victim", r, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("suspect", r, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void EveryCombination_MatchesTheRuleTable(int bits)
    {
        var a = Combination(bits);

        var expected =
            a.IsCrime && a.PerceivedHostility ? AssessmentOutcome.HateCrime
            : a.IsCrime || !a.PerceivedHostility || a.TrivialIrrationalOrMalicious || a.SchoolChildrenOnSchoolPremises ? AssessmentOutcome.NoRecord
            : a.RealRiskOfSignificantHarm || a.RealRiskOfFutureOffence ? AssessmentOutcome.NchiWithPersonalData
            : a.LawfulFreedomOfExpression ? AssessmentOutcome.NoRecord
            : AssessmentOutcome.Nchi;

        Assert.Equal(expected, Rules.Assess(a).Outcome);
    }

    [Fact]
    public void Decisions_AreValues_SoTheSameAnswersGiveAnEqualOutcome()
    {
        var first = Rules.Assess(Answers(harm: true));
        var second = Rules.Assess(Answers(harm: true));

        Assert.Equal(first.Outcome, second.Outcome);
        Assert.Equal(first.Reasons, second.Reasons);
    }
}

using Evenhand.HateIncidents.Rules;

namespace Evenhand.Tests.HateIncidents.Rules;

/// <summary>
/// The code-2023-r2 rules: what they add to code-2023 (the intentional-hostility question, characteristics a force has not
/// adopted, the school referral), and the rule table over every combination of the nine yes/no answers.
/// </summary>
public class Code2023Rev2RuleSetTests
{
    private static readonly Code2023Rev2RuleSet Rules = new();

    /// <summary>A plain NCHI: hostility towards race perceived, with a basis to conclude it was intentional. Each test changes what it is about.</summary>
    private static AssessmentAnswers Answers(
        string[]? characteristics = null,
        bool perceivedHostility = true,
        bool? basis = true,
        bool isCrime = false,
        bool trivial = false,
        bool school = false,
        bool freeExpression = false,
        bool harm = false,
        bool futureOffence = false,
        bool immediateRisk = false) =>
        new(characteristics ?? ["race"], perceivedHostility, isCrime, trivial, school, freeExpression, harm, futureOffence, immediateRisk)
        {
            BasisToConcludeIntentionalHostility = basis,
        };

    [Fact]
    public void Registry_HasItAfterCode2023_AsTheDefault_AndCode2023IsUnchanged()
    {
        Assert.Equal(["code-2023", "code-2023-r2"], RuleSetRegistry.All.Select(r => r.Id));
        Assert.Same(RuleSetRegistry.Get("code-2023-r2"), RuleSetRegistry.Default);
        // Stored code-2023 decisions stay as they were: perception alone was an NCHI under it.
        Assert.Equal(AssessmentOutcome.Nchi, RuleSetRegistry.Get("code-2023").Assess(Answers(basis: null)).Outcome);
    }

    [Fact]
    public void Questions_AskTheIntentionalHostilityTestRightAfterTrivialIrrationalOrMalicious()
    {
        Assert.Equal(
            ["isCrime", "perceivedHostility", "trivialIrrationalOrMalicious", "basisToConcludeIntentionalHostility", "schoolChildrenOnSchoolPremises",
             "lawfulFreedomOfExpression", "realRiskOfSignificantHarm", "realRiskOfFutureOffence", "immediateRisk"],
            Rules.Questions.Select(q => q.Key));
        var basis = Rules.Questions.Single(q => q.Key == "basisToConcludeIntentionalHostility");
        Assert.Contains("Perception alone is not enough", basis.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void NoBasisToConcludeIntentionalHostility_IsNoRecord_EvenWithARealRisk()
    {
        // Code of Practice para 20: no NCHI where there is no basis to conclude the incident was motivated by intentional hostility.
        var d = Rules.Assess(Answers(basis: false, harm: true, futureOffence: true));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.StartsWith("Code of Practice para 20: there is no basis to conclude", StringComparison.Ordinal)
            && r.Contains("perception alone is not enough", StringComparison.Ordinal));
    }

    [Fact]
    public void BasisNotAnswered_IsTreatedAsNotEstablished_AndTheReasonsSaySo()
    {
        // Code of Practice para 20: perception alone is not enough, so an unanswered basis cannot record an NCHI.
        var d = Rules.Assess(Answers(basis: null));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Contains("was not answered, so it is treated as not established", StringComparison.Ordinal));
    }

    [Fact]
    public void PerceivedHostilityWithABasis_IsAnNchi()
    {
        // Code of Practice para 11 (definition) and para 20 (both recording tests passed).
        Assert.Equal(AssessmentOutcome.Nchi, Rules.Assess(Answers()).Outcome);
    }

    [Fact]
    public void ACrimeWithPerceivedHostility_IsAHateCrime_WhateverTheIntentionalHostilityAnswer()
    {
        // PCSC Act 2022 s60(4): a crime is recorded under the crime recording rules; the Code's NCHI tests do not apply to it.
        Assert.Equal(AssessmentOutcome.HateCrime, Rules.Assess(Answers(isCrime: true, basis: false)).Outcome);
        Assert.Equal(AssessmentOutcome.HateCrime, Rules.Assess(Answers(isCrime: true, basis: null)).Outcome);
    }

    [Fact]
    public void TrivialIrrationalOrMalicious_IsAskedFirst_AndGivesItsOwnReason()
    {
        // Code of Practice para 20, first test: trivial, irrational or malicious.
        var d = Rules.Assess(Answers(trivial: true, basis: false));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Contains("trivial, irrational or malicious", StringComparison.Ordinal));
        Assert.DoesNotContain(d.Reasons, r => r.Contains("intentional hostility", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sexual orientation")]
    [InlineData("Sexual-Orientation")]
    [InlineData("  SEXUAL   ORIENTATION ")]
    [InlineData("transgender identity")]
    public void TheCodesWords_WithSpacesOrHyphensInAnyCase_AreTheCodesCharacteristics(string written)
    {
        // Code of Practice: the characteristics are race, religion, disability, sexual orientation and transgender identity.
        var d = Rules.Assess(Answers(characteristics: [written]));

        Assert.Equal(AssessmentOutcome.Nchi, d.Outcome);
        Assert.DoesNotContain(d.Reasons, r => r.Contains("not a characteristic your force has adopted", StringComparison.Ordinal));
    }

    [Fact]
    public void ACharacteristicTheForceHasNotAdopted_IsNoRecord_WithAReasonNamingTheAdoptedList()
    {
        // Code of Practice: the five characteristics, and any a force adopts in its policy.
        var d = Rules.Assess(Answers(characteristics: ["Sex"]));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Contains("\"Sex\" is not a characteristic your force has adopted", StringComparison.Ordinal)
            && r.Contains("race, religion, disability, sexual orientation and transgender identity", StringComparison.Ordinal)
            && r.Contains("a force may adopt others in its policy", StringComparison.Ordinal));
    }

    [Fact]
    public void ACharacteristicTheForceHasAdopted_Counts_AndTheAdoptedListNamesIt()
    {
        // Code of Practice: a force may monitor other characteristics in its own policy.
        Assert.Equal(AssessmentOutcome.Nchi, Rules.Assess(Answers(characteristics: ["sex"]), ["sex"]).Outcome);
        var other = Rules.Assess(Answers(characteristics: ["age"]), ["sex"]);
        Assert.Equal(AssessmentOutcome.NoRecord, other.Outcome);
        Assert.Contains(other.Reasons, r => r.Contains("transgender identity and sex", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAdoptedAndAnUnadoptedCharacteristic_RecordOnTheAdoptedOne_AndSaySo()
    {
        // Code of Practice: only the adopted characteristics count.
        var d = Rules.Assess(Answers(characteristics: ["race", "sex"]));

        Assert.Equal(AssessmentOutcome.Nchi, d.Outcome);
        Assert.Contains(d.Reasons, r => r.Contains("Only the adopted ones count", StringComparison.Ordinal));
        Assert.Contains(d.Reasons, r => r.Contains("(race)", StringComparison.Ordinal));
    }

    [Fact]
    public void SchoolCase_IsNoRecord_WithTheReferralToTheSchoolsManagementAndSafeguardingLead()
    {
        // NCHI APP; HMICFRS 2024 ch. 6: the school's management and safeguarding arrangements deal with it.
        var d = Rules.Assess(Answers(school: true));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.Contains(d.Reasons, r => r.StartsWith("Referral:", StringComparison.Ordinal)
            && r.Contains("school's management", StringComparison.Ordinal) && r.Contains("designated safeguarding lead", StringComparison.Ordinal));
        Assert.DoesNotContain(d.Reasons, r => r.StartsWith("Safeguarding referral:", StringComparison.Ordinal));
    }

    [Fact]
    public void SchoolCase_WithARealRiskOfSignificantHarm_AlsoNeedsASafeguardingReferral()
    {
        // Code of Practice (real risk of significant harm) with the NCHI APP's school route: the child is safeguarded, not recorded.
        var d = Rules.Assess(Answers(school: true, harm: true));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.Contains(d.Reasons, r => r.StartsWith("Safeguarding referral:", StringComparison.Ordinal));
    }

    [Fact]
    public void SchoolCase_WithNoBasisToConcludeHostility_StillGetsTheReferral()
    {
        // NCHI APP: the school deals with matters between pupils whether or not the police would record them.
        var d = Rules.Assess(Answers(school: true, basis: false, harm: true));

        Assert.Contains(d.Reasons, r => r.StartsWith("Referral:", StringComparison.Ordinal));
        Assert.Contains(d.Reasons, r => r.StartsWith("Safeguarding referral:", StringComparison.Ordinal));
    }

    /// <summary>All 512 combinations of the nine yes/no answers, with one characteristic.</summary>
    public static TheoryData<int> AllCombinations()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 512; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static AssessmentAnswers Combination(int bits) => Answers(
        perceivedHostility: (bits & 1) != 0, isCrime: (bits & 2) != 0, trivial: (bits & 4) != 0, school: (bits & 8) != 0,
        freeExpression: (bits & 16) != 0, harm: (bits & 32) != 0, futureOffence: (bits & 64) != 0, immediateRisk: (bits & 128) != 0,
        basis: (bits & 256) != 0);

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void EveryCombination_MatchesTheRuleTable(int bits)
    {
        var a = Combination(bits);

        var expected =
            a.IsCrime && a.PerceivedHostility ? AssessmentOutcome.HateCrime
            : a.IsCrime || !a.PerceivedHostility || a.TrivialIrrationalOrMalicious || a.BasisToConcludeIntentionalHostility != true
                || a.SchoolChildrenOnSchoolPremises ? AssessmentOutcome.NoRecord
            : a.RealRiskOfSignificantHarm || a.RealRiskOfFutureOffence ? AssessmentOutcome.NchiWithPersonalData
            : a.LawfulFreedomOfExpression ? AssessmentOutcome.NoRecord
            : AssessmentOutcome.Nchi;

        Assert.Equal(expected, Rules.Assess(a).Outcome);
        // With the basis not answered (rather than "no"), the outcome is the same as "no".
        if (a.BasisToConcludeIntentionalHostility == false)
        {
            Assert.Equal(expected, Rules.Assess(a with { BasisToConcludeIntentionalHostility = null }).Outcome);
        }
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void EveryCombination_GivesAConsistentExplainedDecision(int bits)
    {
        var a = Combination(bits);
        var d = Rules.Assess(a);

        Assert.Equal("code-2023-r2", d.RuleSetId);
        Assert.NotEmpty(d.Reasons);
        Assert.Equal(d.Outcome is AssessmentOutcome.HateCrime or AssessmentOutcome.NchiWithPersonalData, d.SubjectPersonalDataAllowed);
        Assert.Equal(d.Outcome is AssessmentOutcome.NchiWithPersonalData, d.RationaleRequired);
        var isNchi = d.Outcome is AssessmentOutcome.Nchi or AssessmentOutcome.NchiWithPersonalData;
        Assert.Equal(
            isNchi ? (a.ImmediateRisk ? SpecialistReview.AfterDeployment : SpecialistReview.Required) : SpecialistReview.NotRequired,
            d.SpecialistReview);

        // An NCHI only ever with a basis to conclude intentional hostility (Code of Practice para 20).
        if (isNchi)
        {
            Assert.True(a.BasisToConcludeIntentionalHostility);
        }

        // A school case that is not a crime always carries the referral to the school.
        Assert.Equal(a.SchoolChildrenOnSchoolPremises && !a.IsCrime, d.Reasons.Any(r => r.StartsWith("Referral:", StringComparison.Ordinal)));
        Assert.All(d.Reasons, r =>
        {
            Assert.DoesNotContain("victim", r, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("suspect", r, StringComparison.OrdinalIgnoreCase);
        });
    }
}

using Evenhand.HateIncidents.Rules;

namespace Evenhand.Tests.HateIncidents.Rules;

/// <summary>
/// The cases HMICFRS describes in chapter 6 of its 2024 report ("Non-crime hate incidents"), each answered as the report
/// says the assessment should have gone, and asserting the outcome the report says was correct. The summaries are ours.
/// </summary>
public class ReportCaseTests
{
    private static readonly IAssessmentRuleSet Rules = RuleSetRegistry.Get("code-2023");

    [Fact]
    public void AskedWhyNotUsingAWheelchair_AssessedTrivial_IsNoRecordNotACrime()
    {
        // A person with difficulty walking was asked by a stranger why they were not using a wheelchair, and felt it was about
        // their disability. The call taker assessed it as trivial, irrational or malicious, so the force should not have
        // recorded it; it wrongly recorded a public order crime and sent uniformed officers.
        var d = Rules.Assess(new AssessmentAnswers(
            ["disability"], PerceivedHostility: true, IsCrime: false, TrivialIrrationalOrMalicious: true,
            SchoolChildrenOnSchoolPremises: false, LawfulFreedomOfExpression: false,
            RealRiskOfSignificantHarm: false, RealRiskOfFutureOffence: false, ImmediateRisk: false));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
    }

    [Fact]
    public void RacistInsultBetweenTenYearOldsAtSchool_ParentContentForSchoolToDealWithIt_IsNeitherCrimeNorNchi()
    {
        // A ten-year-old made a racist insult to another ten-year-old on school premises; the insulted child's parent was happy
        // for the school to deal with it. Under the Crime Recording Rules, the APP and the Code the force should have recorded
        // neither a crime nor an NCHI (so the crime question is answered no); it wrongly recorded a racially aggravated public
        // order crime and sent officers to the complainant's home. The school ran racism awareness sessions.
        var d = Rules.Assess(new AssessmentAnswers(
            ["race"], PerceivedHostility: true, IsCrime: false, TrivialIrrationalOrMalicious: false,
            SchoolChildrenOnSchoolPremises: true, LawfulFreedomOfExpression: false,
            RealRiskOfSignificantHarm: false, RealRiskOfFutureOffence: false, ImmediateRisk: false));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
        Assert.Contains(d.Reasons, r => r.Contains("school", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void FunnyLooksFromBusPassengers_TrivialOnAssessment_IsNoRecord()
    {
        // A man reported that other bus passengers gave him "funny looks" because of his ethnic appearance. The call taker did
        // not consider whether it was trivial, irrational or malicious, and may have recorded an NCHI needlessly.
        var d = Rules.Assess(new AssessmentAnswers(
            ["race"], PerceivedHostility: true, IsCrime: false, TrivialIrrationalOrMalicious: true,
            SchoolChildrenOnSchoolPremises: false, LawfulFreedomOfExpression: false,
            RealRiskOfSignificantHarm: false, RealRiskOfFutureOffence: false, ImmediateRisk: false));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
    }

    [Fact]
    public void BankAntiMoneyLaunderingQuestionsAskedOfEveryCustomer_IsNoRecord_NotAnNchiNorARaciallyAggravatedOffence()
    {
        // Bank staff asked a man depositing a large sum where it came from, following checks that apply to every customer; he
        // believed it was because of his ethnicity. Recorded as an NCHI, then wrongly reclassified as a racially aggravated
        // public order offence by the bank staff, then declassified. The investigating officer was right: no record. There is
        // no basis to conclude the questions were motivated by hostility, so the complaint is irrational on assessment.
        var d = Rules.Assess(new AssessmentAnswers(
            ["race"], PerceivedHostility: true, IsCrime: false, TrivialIrrationalOrMalicious: true,
            SchoolChildrenOnSchoolPremises: false, LawfulFreedomOfExpression: false,
            RealRiskOfSignificantHarm: false, RealRiskOfFutureOffence: false, ImmediateRisk: false));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
    }

    [Fact]
    public void SignAboutIsraelAndPalestine_LawfulExpressionWithoutRealRisk_IsNoNchi()
    {
        // A force crime registrar and a chief officer debated for 30 minutes a sign displayed about the conflict between
        // Israel and Palestine, and decided not to record an NCHI. Lawfully held views, lawfully expressed, with no real risk
        // of significant harm or of a future offence, are not grounds for an NCHI.
        var d = Rules.Assess(new AssessmentAnswers(
            ["religion", "race"], PerceivedHostility: true, IsCrime: false, TrivialIrrationalOrMalicious: false,
            SchoolChildrenOnSchoolPremises: false, LawfulFreedomOfExpression: true,
            RealRiskOfSignificantHarm: false, RealRiskOfFutureOffence: false, ImmediateRisk: false));

        Assert.Equal(AssessmentOutcome.NoRecord, d.Outcome);
        Assert.False(d.SubjectPersonalDataAllowed);
        Assert.Equal(SpecialistReview.NotRequired, d.SpecialistReview);
    }
}

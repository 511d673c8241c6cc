using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;

namespace Evenhand.Tests.HateIncidents;

/// <summary>
/// The NCHI Code's work on a subject's personal data (telling, replies, retention reviews, deletion) as entity rules, without a
/// database: none of it for a hate crime, and telling the subject on the force's clock.
/// </summary>
public sealed class NchiCodeWorkTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly ProcessContext Ctx = new("u1", "Call taker", Now);
    private static readonly ProcessContext Specialist = new("u2", "Specialist", Now.AddHours(2));
    private static readonly IAssessmentRuleSet Rules = RuleSetRegistry.Default;

    private static HateIncident Incident(bool crime, bool risk, ForceHatePolicy policy)
    {
        var incident = HateIncident.Record(1, "CL-2025-00001",
            new IncidentReport(Now.AddMinutes(-10), ReportChannel.Phone, Now.AddHours(-1), "Middlesbrough Central", "shop", "Abuse in a shop.",
                ["race"], PerceivedBy.Complainant, false, false),
            Rules.ParticularCharacteristics, Ctx);
        var answers = new AssessmentAnswers(["race"], true, crime, false, false, false, risk, false, false) { BasisToConcludeIntentionalHostility = true };
        incident.Assess(answers, Rules.Assess(answers), risk ? "Threats repeated over weeks." : null, IncidentStaffRole.Specialist, policy, Specialist);
        incident.AddPerson(PersonRole.Subject, new PersonDetails("A Subject", null, "1 High Street", "07700 900001", null), IncidentStaffRole.Specialist, policy, Specialist);
        return incident;
    }

    private static HateIncident ReviewedNchiWithData(ForceHatePolicy policy, ProcessContext? at = null)
    {
        var incident = Incident(crime: false, risk: true, policy);
        incident.CompleteReview(new ReviewDecision(AssessmentOutcome.NchiWithPersonalData, null, false, null, null), IncidentStaffRole.Specialist, policy, at ?? Specialist);
        return incident;
    }

    [Fact]
    public void HateCrime_WithTheSubjectsData_IsNotToBeToldAndHasNoRetentionReview()
    {
        // PCSC Act 2022 s60(4): the Code does not apply to a crime; it is recorded under the crime recording rules.
        var policy = ForceHatePolicy.Default(1);
        var crime = Incident(crime: true, risk: false, policy);

        Assert.True(crime.IsHateCrime);
        Assert.True(crime.HoldsSubjectPersonalData);
        Assert.False(crime.SubjectToBeTold(policy));
        Assert.Null(crime.RetentionReviewDueOn);
        Assert.Null(crime.SubjectToBeToldBy);
        Assert.False(crime.IsRetentionReviewDue(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void HateCrime_RefusesTellingTheSubject_TheirReply_RetentionReviewAndTheCodesDeletion_SayingWhy()
    {
        // PCSC Act 2022 s60(4): none of the Code's steps on the subject's personal data apply to a crime record.
        var policy = ForceHatePolicy.Default(1);
        var crime = Incident(crime: true, risk: false, policy);

        foreach (var refused in new Action[]
        {
            () => crime.RecordSubjectTold(Specialist.Now, Specialist),
            () => crime.RecordNotificationException("Risk to the complainant", Specialist),
            () => crime.RecordSubjectReply("Disputes it", true, new DateOnly(2025, 3, 11), 30, Specialist),
            () => crime.KeepAfterRetentionReview("Still needed", IncidentStaffRole.Specialist, policy, Specialist),
            () => crime.DeleteSubjectPersonalData("Retention review", IncidentStaffRole.Specialist, Specialist),
        })
        {
            var e = Assert.Throws<DomainRuleException>(refused);
            Assert.Contains("crime recording rules", e.Message, StringComparison.Ordinal);
            Assert.Contains("section 60(4)", e.Message, StringComparison.Ordinal);
        }

        Assert.True(crime.HoldsSubjectPersonalData);
    }

    [Fact]
    public void HateCrime_SubjectDataMayBeDeleted_AsPartOfAReviewThatDeclassifiesIt()
    {
        // Code of Practice: once the record is no crime, the subject's data needs the Code's lawful basis or goes.
        var policy = ForceHatePolicy.Default(1);
        var crime = Incident(crime: true, risk: false, policy);

        crime.DeleteSubjectPersonalData("No offence disclosed on review", IncidentStaffRole.Specialist, Specialist, reclassifyingTo: AssessmentOutcome.NoRecord);
        crime.CompleteReview(new ReviewDecision(AssessmentOutcome.NoRecord, null, false, "Declassified", null), IncidentStaffRole.Specialist, policy, Specialist);

        Assert.False(crime.HoldsSubjectPersonalData);
        Assert.Equal("no-record", crime.Classification);
    }

    [Fact]
    public void NchiReclassifiedAsAHateCrime_LeavesTheCodesWorkLists()
    {
        // PCSC Act 2022 s60(4): from the moment it is a crime record, the Code's telling and retention stop.
        var policy = ForceHatePolicy.Default(1);
        var incident = ReviewedNchiWithData(policy);
        Assert.True(incident.SubjectToBeTold(policy));
        Assert.NotNull(incident.RetentionReviewDueOn);

        incident.CompleteReview(new ReviewDecision(AssessmentOutcome.HateCrime, null, false, "Public order offence disclosed", null), IncidentStaffRole.Specialist, policy, Specialist);

        Assert.False(incident.SubjectToBeTold(policy));
        Assert.Null(incident.RetentionReviewDueOn);
        Assert.Null(incident.SubjectToBeToldBy);
    }

    [Fact]
    public void TellingTheSubject_IsDueThePolicysDaysAfterTheReview_AndOverdueAfterThat()
    {
        // The Code: the subject is told (unless that creates a risk of harm); the force's policy sets how soon.
        var policy = ForceHatePolicy.Default(1);
        Assert.Equal(14, policy.TellSubjectWithinDays);
        var incident = Incident(crime: false, risk: true, policy);
        Assert.False(incident.SubjectToBeTold(policy)); // waits for the specialist review
        Assert.Null(incident.SubjectToBeToldBy);

        incident.CompleteReview(new ReviewDecision(AssessmentOutcome.NchiWithPersonalData, null, false, null, null), IncidentStaffRole.Specialist, policy, Specialist);

        var due = UkTime.Date(Specialist.Now).AddDays(14);
        Assert.Equal(due, incident.SubjectToBeToldBy);
        Assert.False(incident.IsTellSubjectOverdue(policy, due));
        Assert.True(incident.IsTellSubjectOverdue(policy, due.AddDays(1)));
    }

    [Fact]
    public void TellingTheSubject_OnTime_IsSaidInTheHistory_AndEndsTheClock()
    {
        var policy = ForceHatePolicy.Default(1);
        var incident = ReviewedNchiWithData(policy);
        var told = Specialist.Now.AddDays(3);

        incident.RecordSubjectTold(told, new ProcessContext("u2", "Specialist", told));

        Assert.False(incident.SubjectToBeTold(policy));
        Assert.False(incident.IsTellSubjectOverdue(policy, UkTime.Date(told).AddDays(60)));
        Assert.StartsWith("On time", incident.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void TellingTheSubject_InTheFuture_IsRefused()
    {
        var policy = ForceHatePolicy.Default(1);
        var incident = ReviewedNchiWithData(policy);

        var e = Assert.Throws<DomainRuleException>(() => incident.RecordSubjectTold(Specialist.Now.AddDays(1), Specialist));
        Assert.Contains("must be today or in the past", e.Message, StringComparison.Ordinal);
        Assert.Null(incident.SubjectToldAt);
    }

    [Fact]
    public void TellingTheSubject_WithAnApprovedException_IsNotDue()
    {
        // The Code: not told where telling them would create a risk of harm (approved by a second reviewer here).
        var policy = ForceHatePolicy.Default(1);
        var incident = ReviewedNchiWithData(policy);
        incident.RecordNotificationException("Telling them would identify the complainant", Specialist);
        incident.ApproveNotificationException(IncidentStaffRole.Specialist, new ProcessContext("u3", "Registrar", Specialist.Now));

        Assert.False(incident.SubjectToBeTold(policy));
        Assert.False(incident.IsTellSubjectOverdue(policy, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void DueWork_NotesTellingOverdueOnce()
    {
        var policy = ForceHatePolicy.Default(1);
        var incident = ReviewedNchiWithData(policy);
        var due = incident.SubjectToBeToldBy!.Value;
        var system = ProcessContext.System(TimeProvider.System, "test");

        Assert.DoesNotContain(FallenDue.TellSubjectOverdue, incident.NoteWorkFallenDue(Now, due, policy, system));
        Assert.Contains(FallenDue.TellSubjectOverdue, incident.NoteWorkFallenDue(Now, due.AddDays(1), policy, system));
        Assert.DoesNotContain(FallenDue.TellSubjectOverdue, incident.NoteWorkFallenDue(Now, due.AddDays(2), policy, system));
    }

    [Fact]
    public void Policy_TellingDays_OutOfRangeOrLongerWithoutARationale_IsRefused()
    {
        var policy = ForceHatePolicy.Default(1);

        Assert.Throws<DomainRuleException>(() => policy.Update(HateIncidentWorkflowTests.Settings(policy) with { TellSubjectWithinDays = 0 }, Ctx));
        var e = Assert.Throws<DomainRuleException>(() => policy.Update(HateIncidentWorkflowTests.Settings(policy) with { TellSubjectWithinDays = 28 }, Ctx));
        Assert.Contains("taking longer to tell subjects", e.Message, StringComparison.Ordinal);

        policy.Update(HateIncidentWorkflowTests.Settings(policy) with { TellSubjectWithinDays = 7 }, Ctx);
        Assert.Equal(7, policy.TellSubjectWithinDays);
    }
}

using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;

namespace Evenhand.Tests.HateIncidents;

/// <summary>The state changes of a hate incident and a force's policy, without a database: each illegal move is refused.</summary>
public sealed class HateIncidentWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly ProcessContext Ctx = new("u1", "Call taker", Now);
    private static readonly ProcessContext SpecialistCtx = new("u2", "Specialist", Now.AddHours(2));
    private static readonly IAssessmentRuleSet Rules = RuleSetRegistry.Default;

    private static HateIncident NewIncident(params string[] characteristics) =>
        HateIncident.Record(1, "CH-2025-00001",
            new IncidentReport(Now.AddMinutes(-10), ReportChannel.Phone, Now.AddHours(-1), "Crewe Central", "bus", "Passenger shouted abuse.",
                characteristics.Length == 0 ? ["race"] : characteristics, PerceivedBy.Complainant, false, false),
            Rules.ParticularCharacteristics, Ctx);

    private static AssessmentAnswers Answers(bool risk = false, bool immediate = false, bool crime = false, bool trivial = false) =>
        new(["race"], PerceivedHostility: true, IsCrime: crime, TrivialIrrationalOrMalicious: trivial, SchoolChildrenOnSchoolPremises: false,
            LawfulFreedomOfExpression: false, RealRiskOfSignificantHarm: risk, RealRiskOfFutureOffence: false, ImmediateRisk: immediate)
        {
            BasisToConcludeIntentionalHostility = !trivial,
        };

    private static HateIncident Assessed(bool risk = false, bool immediate = false, ForceHatePolicy? policy = null)
    {
        var incident = NewIncident();
        var answers = Answers(risk, immediate);
        incident.Assess(answers, Rules.Assess(answers), risk ? "Repeated threats to a family." : null, IncidentStaffRole.CallTaker, policy ?? ForceHatePolicy.Default(1), Ctx);
        return incident;
    }

    private static PlaneDecision Plane(string ethics = "Fair and consistent") => new()
    {
        Proportionality = "Call back is proportionate", Lawfulness = "Lawful", Accountability = "Duty inspector", Necessity = "No attendance needed", Ethics = ethics,
    };

    [Fact]
    public void Record_UnknownCharacteristic_IsRefused()
    {
        var e = Assert.Throws<DomainRuleException>(() => NewIncident("vegan"));
        Assert.Contains("'vegan' is not a characteristic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_CharacteristicTheForceAdded_IsAccepted()
    {
        var policy = ForceHatePolicy.Default(1);
        policy.Update(Settings(policy) with { AdditionalCharacteristics = ["Alternative subculture"], AdditionalCharacteristicsRationale = "Local pattern of attacks" }, Ctx);
        var incident = HateIncident.Record(1, "R1",
            new IncidentReport(Now, ReportChannel.Online, Now, "Area", null, "x", ["alternative-subculture"], PerceivedBy.Witness, false, false),
            policy.KnownCharacteristics(Rules), Ctx);
        Assert.Equal(["alternative-subculture"], incident.Characteristics);
    }

    [Fact]
    public void Record_WithoutAreaOrCircumstances_IsRefused()
    {
        var e = Assert.Throws<DomainRuleException>(() => HateIncident.Record(1, "R",
            new IncidentReport(Now, ReportChannel.Phone, Now, " ", null, "", ["race"], PerceivedBy.Complainant, false, false), Rules.ParticularCharacteristics, Ctx));
        Assert.Contains("area", e.Message, StringComparison.Ordinal);
        Assert.Contains("circumstances", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_Nchi_GoesToTheReviewQueueWithThePolicyTarget()
    {
        var policy = ForceHatePolicy.Default(1);
        policy.ReviewTargetHours = 12;
        var incident = Assessed(policy: policy);

        Assert.Equal(IncidentStatus.AwaitingReview, incident.Status);
        Assert.Equal("nchi", incident.Classification);
        Assert.Equal(Now.AddHours(12), incident.ReviewDueAt);
        Assert.Equal("NCHI-RACE", incident.OpeningCode);
        Assert.Equal(Code2023Rev2RuleSet.RuleSetId, incident.RuleSetId);
        Assert.NotEmpty(incident.Assessment!.Reasons);
        Assert.False(incident.IsReviewOverdue(Now.AddHours(11)));
        Assert.True(incident.IsReviewOverdue(Now.AddHours(13)));
    }

    [Fact]
    public void Assess_ByCallTakerUnderSpecialistTriage_IsRefused()
    {
        var policy = ForceHatePolicy.Default(1);
        policy.Assessors = AssessorPolicy.SpecialistTriage;
        var incident = NewIncident();
        var answers = Answers();

        var e = Assert.Throws<DomainRuleException>(() => incident.Assess(answers, Rules.Assess(answers), null, IncidentStaffRole.CallTaker, policy, Ctx));
        Assert.Contains("specialist", e.Message, StringComparison.Ordinal);
        incident.Assess(answers, Rules.Assess(answers), null, IncidentStaffRole.Specialist, policy, SpecialistCtx);
        Assert.Equal(IncidentStatus.AwaitingReview, incident.Status);
    }

    [Fact]
    public void Assess_PersonalDataWithoutRationale_IsRefused()
    {
        var incident = NewIncident();
        var answers = Answers(risk: true);
        var decision = Rules.Assess(answers);
        Assert.True(decision.RationaleRequired);

        Assert.Throws<DomainRuleException>(() => incident.Assess(answers, decision, " ", IncidentStaffRole.CallTaker, ForceHatePolicy.Default(1), Ctx));
        Assert.Null(incident.Assessment);
    }

    [Fact]
    public void Assess_NoRecord_ClosesWithANoRecordCode()
    {
        var incident = NewIncident();
        var answers = Answers(trivial: true);
        incident.Assess(answers, Rules.Assess(answers), null, IncidentStaffRole.CallTaker, ForceHatePolicy.Default(1), Ctx);
        Assert.Equal(IncidentStatus.Closed, incident.Status);
        Assert.Equal("NR-RACE", incident.FinalisingCode);
        Assert.Null(incident.ReviewDueAt);
    }

    [Fact]
    public void DecideDeployment_WithoutEveryPlaneAnswer_IsRefused()
    {
        var incident = Assessed(immediate: true);
        var e = Assert.Throws<DomainRuleException>(() => incident.DecideDeployment(true, Plane(ethics: ""), Ctx));
        Assert.Contains("ethics", e.Message, StringComparison.Ordinal);
        Assert.Null(incident.Deployed);
    }

    [Fact]
    public void DecideDeployment_BeforeTheRequiredReview_IsRefused_ButNotDeployingIsAllowed()
    {
        var incident = Assessed();
        Assert.Throws<DomainRuleException>(() => incident.DecideDeployment(true, Plane(), Ctx));
        incident.DecideDeployment(false, Plane(), Ctx);
        Assert.False(incident.Deployed);
    }

    [Fact]
    public void DecideDeployment_BeforeAssessment_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => NewIncident().DecideDeployment(false, Plane(), Ctx));

    [Fact]
    public void CompleteReview_ByCallTaker_IsRefused()
    {
        var incident = Assessed();
        var e = Assert.Throws<DomainRuleException>(() =>
            incident.CompleteReview(new ReviewDecision(AssessmentOutcome.Nchi, null, false, null, null), IncidentStaffRole.CallTaker, ForceHatePolicy.Default(1), Ctx));
        Assert.Contains("specialist", e.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.AwaitingReview, incident.Status);
    }

    [Fact]
    public void CompleteReview_ImmediateRiskBeforeDeployment_IsRefused()
    {
        var incident = Assessed(immediate: true);
        Assert.Equal("after-deployment", incident.Assessment!.SpecialistReview);
        Assert.Throws<DomainRuleException>(() =>
            incident.CompleteReview(new ReviewDecision(AssessmentOutcome.Nchi, null, false, null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx));

        incident.DecideDeployment(true, Plane(), Ctx);
        incident.CompleteReview(new ReviewDecision(AssessmentOutcome.Nchi, null, false, null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        Assert.Equal(IncidentStatus.Finalised, incident.Status);
    }

    [Fact]
    public void CompleteReview_CodeForAnotherOutcome_IsRefused()
    {
        var incident = Assessed();
        var e = Assert.Throws<DomainRuleException>(() =>
            incident.CompleteReview(new ReviewDecision(AssessmentOutcome.Nchi, "HC-RACE", false, null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx));
        Assert.Contains("HC-RACE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteReview_EveryReclassificationIsKeptInHistory()
    {
        // The bank case (HMICFRS 2024 ch. 6): recorded as an NCHI, reclassified as a crime, then declassified.
        var incident = Assessed();
        incident.CompleteReview(new ReviewDecision(AssessmentOutcome.HateCrime, null, false, "Crime reviewer: public order offence", null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        incident.CompleteReview(new ReviewDecision(AssessmentOutcome.NoRecord, null, false, "Bank applies AML checks to every customer", null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);

        var changes = incident.History.Where(h => h.FromOutcome is not null).Select(h => (h.FromOutcome, h.ToOutcome)).ToList();
        Assert.Equal([("nchi", "hate-crime"), ("hate-crime", "no-record")], changes);
        Assert.Equal(IncidentStatus.Closed, incident.Status);
        Assert.Equal("NR-RACE", incident.FinalisingCode);
        // The classification is the review's; the assessment still says what the rules decided.
        Assert.Equal("no-record", incident.Classification);
        Assert.Equal("nchi", incident.Assessment!.Outcome);
    }

    [Fact]
    public void Assess_ByACallTakerWhileTheNchiAwaitsReview_IsRefused_AndTheIncidentStaysInTheQueue()
    {
        var incident = Assessed();
        var trivial = Answers(trivial: true);

        var e = Assert.Throws<DomainRuleException>(() =>
            incident.Assess(trivial, Rules.Assess(trivial), null, IncidentStaffRole.CallTaker, ForceHatePolicy.Default(1), Ctx));

        Assert.Contains("waiting for specialist review", e.Message, StringComparison.Ordinal);
        Assert.Equal((IncidentStatus.AwaitingReview, "nchi"), (incident.Status, incident.Classification));
        incident.Assess(trivial, Rules.Assess(trivial), null, IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        Assert.Equal("no-record", incident.Classification);
    }

    [Fact]
    public void Assess_ToAnOutcomeWithoutLawfulBasis_WhileSubjectDataIsHeld_IsRefused()
    {
        var incident = Assessed(risk: true);
        incident.AddPerson(PersonRole.Subject, new PersonDetails("A Subject", null, null, null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        var noRisk = Answers();

        var e = Assert.Throws<DomainRuleException>(() =>
            incident.Assess(noRisk, Rules.Assess(noRisk), null, IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx));

        Assert.Contains("Delete it first", e.Message, StringComparison.Ordinal);
        Assert.Equal("nchi-with-personal-data", incident.Classification);
        Assert.False(incident.SubjectDataWithoutLawfulBasis);
    }

    [Fact]
    public void AddAttachment_AboutTheSubject_NeedsTheLawfulBasisAndTheRole()
    {
        var policy = ForceHatePolicy.Default(1);
        var file = new UploadedFile("letter.pdf", "application/pdf", [1]);
        var noRisk = Assessed();
        Assert.Contains("does not allow", Assert.Throws<DomainRuleException>(() =>
            noRisk.AddAttachment(file, null, aboutSubject: true, IncidentStaffRole.Specialist, policy, SpecialistCtx)).Message, StringComparison.Ordinal);

        var risk = Assessed(risk: true);
        Assert.Contains("call takers", Assert.Throws<DomainRuleException>(() =>
            risk.AddAttachment(file, null, aboutSubject: true, IncidentStaffRole.CallTaker, policy, Ctx)).Message, StringComparison.Ordinal);
        Assert.Empty(risk.Attachments);

        var added = risk.AddAttachment(new UploadedFile(@"C:\Users\pc\letter.pdf", "", [1]), "  ", aboutSubject: true, IncidentStaffRole.Specialist, policy, SpecialistCtx);
        Assert.Equal(("letter.pdf", "application/octet-stream", null, 1L), (added.FileName, added.ContentType, added.Description, added.SizeBytes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(IncidentAttachment.MaxBytes + 1)]
    public void AddAttachment_EmptyOrTooLarge_IsRefusedWithTheReason(int size)
    {
        var incident = Assessed();
        var e = Assert.Throws<DomainRuleException>(() =>
            incident.AddAttachment(new UploadedFile("big.bin", "application/octet-stream", new byte[size]), null, false, IncidentStaffRole.CallTaker, ForceHatePolicy.Default(1), Ctx));
        Assert.Contains(size == 0 ? "empty" : "smaller than 10 MB", e.Message, StringComparison.Ordinal);
        Assert.Empty(incident.Attachments);
    }

    [Fact]
    public void ApproveNotificationException_ByWhoeverRecordedIt_IsRefused()
    {
        var incident = Assessed(risk: true);
        incident.AddPerson(PersonRole.Subject, new PersonDetails("A Subject", null, null, null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        incident.RecordNotificationException("Telling the subject would put the complainant at risk", SpecialistCtx);

        Assert.Contains("another", Assert.Throws<DomainRuleException>(() =>
            incident.ApproveNotificationException(IncidentStaffRole.Specialist, SpecialistCtx)).Message, StringComparison.Ordinal);
        Assert.Null(incident.NotificationExceptionApprovedBy);

        incident.ApproveNotificationException(IncidentStaffRole.Specialist, new ProcessContext("u3", "Second specialist", Now.AddHours(3)));
        Assert.Equal("Second specialist", incident.NotificationExceptionApprovedBy);
    }

    [Fact]
    public void CompleteReview_CloseAsTrivialWithoutAReason_IsRefused()
    {
        var incident = Assessed();
        Assert.Throws<DomainRuleException>(() =>
            incident.CompleteReview(new ReviewDecision(AssessmentOutcome.Nchi, null, true, null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx));
        incident.CompleteReview(new ReviewDecision(AssessmentOutcome.Nchi, null, true, "Funny looks on a bus: nothing to suggest hostility", null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        Assert.Equal("no-record", incident.Classification);
        Assert.Equal(IncidentStatus.Closed, incident.Status);
    }

    [Fact]
    public void AddPerson_SubjectWhenTheAssessmentDoesNotAllowIt_IsRefused()
    {
        var incident = Assessed(risk: false);
        var e = Assert.Throws<DomainRuleException>(() =>
            incident.AddPerson(PersonRole.Subject, new PersonDetails("A Subject", null, null, null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx));
        Assert.Contains("may not be recorded", e.Message, StringComparison.Ordinal);
        Assert.Empty(incident.People);
    }

    [Fact]
    public void AddPerson_SubjectByCallTaker_OnlyWhenPolicyAllows()
    {
        var policy = ForceHatePolicy.Default(1);
        var incident = Assessed(risk: true);
        var details = new PersonDetails("A Subject", null, null, null, null);
        Assert.Throws<DomainRuleException>(() => incident.AddPerson(PersonRole.Subject, details, IncidentStaffRole.CallTaker, policy, Ctx));

        policy.CallTakersMaySeePersonalData = true;
        incident.AddPerson(PersonRole.Subject, details, IncidentStaffRole.CallTaker, policy, Ctx);
        Assert.True(incident.HoldsSubjectPersonalData);
        Assert.Equal(new DateOnly(2026, 3, 10), incident.RetentionReviewDueOn);
    }

    [Fact]
    public void CompleteReview_DowngradeWhileSubjectDataHeld_IsRefusedUntilItIsDeleted()
    {
        var incident = Assessed(risk: true);
        incident.AddPerson(PersonRole.Subject, new PersonDetails("A Subject", null, null, null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        var downgrade = new ReviewDecision(AssessmentOutcome.Nchi, null, false, "No real risk after all", null);

        Assert.Throws<DomainRuleException>(() => incident.CompleteReview(downgrade, IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx));
        incident.DeleteSubjectPersonalData("Recorded without a lawful basis", IncidentStaffRole.Specialist, SpecialistCtx);
        incident.CompleteReview(downgrade, IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        Assert.Equal("nchi", incident.Classification);
    }

    [Fact]
    public void DeleteSubjectPersonalData_RemovesTheRows_AndRecordsOnlyThatItHappened()
    {
        var incident = Assessed(risk: true);
        incident.AddPerson(PersonRole.Complainant, new PersonDetails("C Person", null, null, "07700 900000", null), IncidentStaffRole.CallTaker, ForceHatePolicy.Default(1), Ctx);
        incident.AddPerson(PersonRole.Subject, new PersonDetails("Secret Subject", null, "1 High St", null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        incident.AddAttachment(new UploadedFile("subject-photo.jpg", "image/jpeg", [1, 2, 3]), "Photo of the subject", aboutSubject: true, IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), SpecialistCtx);
        incident.AddAttachment(new UploadedFile("bus-route.pdf", "application/pdf", [4, 5]), null, aboutSubject: false, IncidentStaffRole.CallTaker, ForceHatePolicy.Default(1), Ctx);
        incident.RecordNotificationException("Subject's partner is at risk if told", SpecialistCtx);

        Assert.Throws<DomainRuleException>(() => incident.DeleteSubjectPersonalData("reason", IncidentStaffRole.CallTaker, Ctx));
        Assert.Throws<DomainRuleException>(() => incident.DeleteSubjectPersonalData(" ", IncidentStaffRole.Specialist, SpecialistCtx));
        var removed = incident.DeleteSubjectPersonalData("Retention review", IncidentStaffRole.Specialist, SpecialistCtx);

        Assert.Single(removed.People);
        Assert.Equal("subject-photo.jpg", Assert.Single(removed.Attachments).FileName);
        Assert.Equal("bus-route.pdf", Assert.Single(incident.Attachments).FileName);
        Assert.Null(incident.NotificationExceptionReason);
        Assert.False(incident.HoldsSubjectPersonalData);
        Assert.True(incident.HoldsComplainantDetails);
        Assert.Null(incident.RetentionReviewDueOn);
        Assert.Equal(SpecialistCtx.Now, incident.PersonalDataDeletedAt);
        Assert.DoesNotContain(incident.History, h => (h.Note ?? "").Contains("Secret", StringComparison.Ordinal) || h.Event.Contains("Secret", StringComparison.Ordinal));
        Assert.Throws<DomainRuleException>(() => incident.DeleteSubjectPersonalData("again", IncidentStaffRole.Specialist, SpecialistCtx));
    }

    [Fact]
    public void TellingTheSubject_ExceptionNeedsAReasonAndAReviewersApproval()
    {
        var policy = ForceHatePolicy.Default(1);
        var incident = Assessed(risk: true);
        Assert.Throws<DomainRuleException>(() => incident.RecordSubjectTold(Now, Ctx)); // no subject data held
        incident.AddPerson(PersonRole.Subject, new PersonDetails("S", null, null, null, null), IncidentStaffRole.Specialist, policy, SpecialistCtx);
        Assert.False(incident.SubjectToBeTold(policy)); // not before the specialist review confirms the record
        incident.CompleteReview(new ReviewDecision(AssessmentOutcome.NchiWithPersonalData, null, false, null, null), IncidentStaffRole.Specialist, policy, SpecialistCtx);
        Assert.True(incident.SubjectToBeTold(policy));

        Assert.Throws<DomainRuleException>(() => incident.RecordNotificationException("", Ctx));
        incident.RecordNotificationException("Telling the subject would alert them to the complainant's address", Ctx);
        Assert.True(incident.SubjectToBeTold(policy)); // not until approved
        Assert.Throws<DomainRuleException>(() => incident.ApproveNotificationException(IncidentStaffRole.CallTaker, Ctx));
        incident.ApproveNotificationException(IncidentStaffRole.Specialist, SpecialistCtx);
        Assert.False(incident.SubjectToBeTold(policy));
    }

    [Fact]
    public void SubjectReply_IsDueWithinThePolicysDays()
    {
        var policy = ForceHatePolicy.Default(1);
        var incident = Assessed(risk: true);
        incident.AddPerson(PersonRole.Subject, new PersonDetails("S", null, null, null, null), IncidentStaffRole.Specialist, policy, SpecialistCtx);
        Assert.Throws<DomainRuleException>(() => incident.RecordSubjectReply("Please delete", true, new DateOnly(2025, 3, 11), 30, Ctx));
        incident.RecordSubjectTold(Now, Ctx);
        incident.RecordSubjectReply(null, true, new DateOnly(2025, 3, 11), policy.SubjectReplyDays, Ctx);

        Assert.Equal(new DateOnly(2025, 4, 10), incident.SubjectReplyDueOn);
        Assert.False(incident.IsSubjectReplyOverdue(new DateOnly(2025, 4, 10)));
        Assert.True(incident.IsSubjectReplyOverdue(new DateOnly(2025, 4, 11)));
        incident.RecordSubjectAnswered(Ctx);
        Assert.False(incident.IsSubjectReplyOverdue(new DateOnly(2025, 5, 1)));
    }

    [Fact]
    public void Policy_DifferenceFromTheCodeWithoutARationale_IsRefused()
    {
        var policy = ForceHatePolicy.Default(1);
        var e = Assert.Throws<DomainRuleException>(() => policy.Update(Settings(policy) with { RetentionReviewMonths = 24, TellSubject = false }, Ctx));
        Assert.Contains("retention review period", e.Message, StringComparison.Ordinal);
        Assert.Contains("not telling subjects", e.Message, StringComparison.Ordinal);
        Assert.Equal(12, policy.RetentionReviewMonths);

        policy.Update(Settings(policy) with { RetentionReviewMonths = 24, RetentionRationale = "Aligned with MoPI group 3" }, Ctx);
        var row = Assert.Single(policy.CompareWithCode(), r => r.Differs);
        Assert.Equal("Aligned with MoPI group 3", row.Rationale);
    }

    [Fact]
    public void Policy_ASuccessorRuleSetAppliesFromItsDateOnly()
    {
        var policy = ForceHatePolicy.Default(1);
        policy.RuleSetId = "successor-2026";
        policy.PreviousRuleSetId = Code2023RuleSet.RuleSetId;
        policy.RuleSetFrom = new DateOnly(2026, 4, 1);

        Assert.Equal(Code2023RuleSet.RuleSetId, policy.RuleSetOn(new DateOnly(2026, 3, 31)));
        Assert.Equal("successor-2026", policy.RuleSetOn(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void PersonalDataAccess_FollowsRoleAndPolicy()
    {
        var policy = ForceHatePolicy.Default(1);
        Assert.True(PersonalDataAccess.CanSeeSubject(IncidentStaffRole.Specialist, policy));
        Assert.False(PersonalDataAccess.CanSeeSubject(IncidentStaffRole.CallTaker, policy));
        Assert.False(PersonalDataAccess.CanSeeSubject(null, policy));
        Assert.False(PersonalDataAccess.CanSeeComplainant(null));
        policy.CallTakersMaySeePersonalData = true;
        Assert.True(PersonalDataAccess.CanSeeSubject(IncidentStaffRole.CallTaker, policy));
    }

    [Fact]
    public void StaleVersion_IsRefused()
    {
        var incident = Assessed();
        var seen = incident.Version;
        incident.DecideDeployment(false, Plane(), Ctx);
        Assert.Throws<ConcurrencyConflictException>(() => incident.EnsureVersion(seen));
    }

    internal static HatePolicySettings Settings(ForceHatePolicy p) => new(p.Assessors, p.AssessorsRationale, p.ReviewTargetHours, p.ReviewTargetRationale,
        p.AdditionalCharacteristics, p.AdditionalCharacteristicsRationale, p.RetentionReviewMonths, p.RetentionRationale, p.TellSubject, p.TellSubjectRationale,
        p.SubjectReplyDays, p.SubjectReplyRationale, p.CallTakersMaySeePersonalData, p.PersonalDataVisibilityRationale, p.RuleSetId, p.RuleSetFrom)
    {
        TellSubjectWithinDays = p.TellSubjectWithinDays,
        TellSubjectWithinDaysRationale = p.TellSubjectWithinDaysRationale,
    };
}

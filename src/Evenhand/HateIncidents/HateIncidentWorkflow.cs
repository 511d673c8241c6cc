using Evenhand.Common;
using Evenhand.HateIncidents.Codes;
using Evenhand.HateIncidents.Rules;

namespace Evenhand.HateIncidents;

/// <summary>What a call taker or specialist records about a new report (the APP's "gathering information" step).</summary>
public sealed record IncidentReport(
    DateTimeOffset ReportedAt,
    ReportChannel Channel,
    DateTimeOffset OccurredAt,
    string Area,
    string? LocationDescription,
    string Circumstances,
    IReadOnlyList<string> Characteristics,
    PerceivedBy PerceivedBy,
    bool ImmediateRisk,
    bool SafeguardingConcern,
    bool OccurredTimeUnknown = false);

/// <summary>Personal data of a complainant or subject as entered on a form.</summary>
public sealed record PersonDetails(string? Name, DateOnly? DateOfBirth, string? Address, string? Contact, string? Description);

/// <summary>What a deletion of the subject's personal data removed from the record.</summary>
public sealed record DeletedSubjectData(IReadOnlyList<IncidentPerson> People, IReadOnlyList<IncidentAttachment> Attachments);

/// <summary>A specialist's review: confirm or change the classification and the finalising code, or close the report.</summary>
public sealed record ReviewDecision(
    AssessmentOutcome Outcome,
    string? FinalisingCode,
    bool CloseAsTrivialIrrationalOrMalicious,
    string? Note,
    string? PersonalDataRationale);

/// <summary>The state changes of a hate incident. Each refuses a move the Code, the APP or the force's policy does not allow.</summary>
public sealed partial class HateIncident
{
    public AssessmentOutcome? Outcome => Classification is null ? null : AssessmentKeys.ParseOutcome(Classification);

    public SpecialistReview? ReviewRequirement => Assessment is null ? null : AssessmentKeys.ParseSpecialistReview(Assessment.SpecialistReview);

    public bool HoldsSubjectPersonalData => People.Any(p => p.Role == PersonRole.Subject);

    public bool HoldsComplainantDetails => People.Any(p => p.Role == PersonRole.Complainant);

    /// <summary>The subject's personal data is held although the classification does not allow it: it must be deleted.</summary>
    public bool SubjectDataWithoutLawfulBasis => HoldsSubjectPersonalData && Assessment?.SubjectPersonalDataAllowed != true;

    public bool InReviewQueue => Status == IncidentStatus.AwaitingReview;

    /// <summary>A hate crime: recorded under the crime recording rules, to which the NCHI Code does not apply (PCSC Act 2022 s60(4)).
    /// Telling the subject, their replies, retention reviews and the Code's deletion are not for it.</summary>
    public bool IsHateCrime => Classification == HateCrimeKey;

    /// <summary>Why a hate crime has none of the Code's work on the subject's personal data, in words for its pages.</summary>
    public const string CrimeRecordingRulesApply =
        "This is a hate crime. It is recorded under the crime recording rules, and the NCHI Code of Practice does not apply to it " +
        "(Police, Crime, Sentencing and Courts Act 2022, section 60(4)): the subject is not told under the Code, and the subject's personal data " +
        "is kept and reviewed as for any crime, not by the Code's retention reviews or deletion.";

    private const string HateCrimeKey = "hate-crime";

    public bool IsReviewOverdue(DateTimeOffset now) => InReviewQueue && ReviewDueAt is { } due && now > due;

    /// <summary>The subject's reply has not been answered and the time the policy allows has passed.</summary>
    public bool IsSubjectReplyOverdue(DateOnly today) =>
        !IsHateCrime && SubjectReplyDueOn is { } due && SubjectAnsweredAt is null && today > due;

    public bool IsRetentionReviewDue(DateOnly today) => !IsHateCrime && HoldsSubjectPersonalData && RetentionReviewDueOn is { } due && today >= due;

    /// <summary>
    /// Where an NCHI holds the subject's personal data, the subject is told once the specialist review has confirmed it, unless a
    /// reviewer approved a safeguarding exception (the Code). Never for a hate crime.
    /// </summary>
    public bool SubjectToBeTold(ForceHatePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.TellSubject && Outcome == AssessmentOutcome.NchiWithPersonalData && Status == IncidentStatus.Finalised
            && HoldsSubjectPersonalData && SubjectToldAt is null && NotificationExceptionApprovedBy is null;
    }

    /// <summary>The subject is still to be told and the date the force's policy allows has passed.</summary>
    public bool IsTellSubjectOverdue(ForceHatePolicy policy, DateOnly today) =>
        SubjectToBeTold(policy) && SubjectToBeToldBy is { } due && today > due;

    /// <summary>Records a new report. Characteristics must be the rule set's or the force's additions.</summary>
    /// <remarks>
    /// <paramref name="complainant"/>, when given, is checked in the same round as the report (its refusals name
    /// <see cref="PersonDetails"/>' fields) and is added by the caller with <see cref="AddPerson"/>.
    /// </remarks>
    public static HateIncident Record(int forceId, string reference, IncidentReport r, IReadOnlyCollection<string> knownCharacteristics, ProcessContext ctx,
        PersonDetails? complainant = null)
    {
        // Each refusal names its field (the reference, then IncidentReport's properties), in the form's order.
        var problems = new FieldProblems();
        problems.TooLong<HateIncident>(nameof(Reference), reference, "The reference");
        if (r.ReportedAt > ctx.Now.AddMinutes(5))
        {
            problems.Add(nameof(r.ReportedAt), "The time of the report cannot be in the future.");
        }

        if (r.OccurredAt > r.ReportedAt.AddMinutes(5))
        {
            problems.Add(nameof(r.OccurredAt), "The incident cannot have happened after it was reported.");
        }

        if (string.IsNullOrWhiteSpace(r.Area))
        {
            problems.Add(nameof(r.Area), "Enter the area or ward where it happened.");
        }
        else
        {
            problems.TooLong<HateIncident>(nameof(r.Area), r.Area.Trim(), "Area");
        }

        problems.TooLong<HateIncident>(nameof(r.LocationDescription), Clean(r.LocationDescription), "Location description");
        if (string.IsNullOrWhiteSpace(r.Circumstances))
        {
            problems.Add(nameof(r.Circumstances), "Describe the circumstances.");
        }

        var characteristics = NormaliseCharacteristics(r.Characteristics, knownCharacteristics, problems);
        if (complainant is not null)
        {
            CheckPerson(complainant, problems);
        }

        problems.ThrowIfAny();

        var incident = new HateIncident
        {
            ForceId = forceId,
            Reference = reference,
            ReportedAt = r.ReportedAt,
            RecordedBy = ctx.UserName,
            Channel = r.Channel,
            OccurredAt = r.OccurredAt,
            OccurredTimeUnknown = r.OccurredTimeUnknown,
            Area = r.Area.Trim(),
            LocationDescription = Clean(r.LocationDescription),
            Circumstances = r.Circumstances.Trim(),
            Characteristics = characteristics,
            PerceivedBy = r.PerceivedBy,
            ImmediateRisk = r.ImmediateRisk,
            SafeguardingConcern = r.SafeguardingConcern,
            Status = IncidentStatus.Recorded,
        };
        incident.AddHistory(ctx, "Recorded", null, null, null);
        return incident;
    }

    /// <summary>
    /// Applies an assessment made under the force's rule set. Under a specialist-triage policy only a specialist may assess;
    /// a decision that includes the subject's personal data needs a written rationale. NCHIs go to the review queue.
    /// </summary>
    public void Assess(AssessmentAnswers answers, AssessmentDecision decision, string? rationale, IncidentStaffRole role, ForceHatePolicy policy, ProcessContext ctx)
    {
        if (Status is IncidentStatus.Finalised or IncidentStatus.Closed)
        {
            throw new DomainRuleException("This incident has been finalised. A hate crime specialist changes its classification through a review.");
        }

        if (policy.Assessors == AssessorPolicy.SpecialistTriage && role != IncidentStaffRole.Specialist)
        {
            throw new DomainRuleException(
                "Your force's policy is that a hate crime specialist triages and assesses hate-related reports. Refer this report to a specialist.");
        }

        if (InReviewQueue && role != IncidentStaffRole.Specialist)
        {
            // Otherwise a reassessment could take an NCHI out of the queue without the review every NCHI must have.
            throw new DomainRuleException(
                "This NCHI is waiting for specialist review. Only a hate crime specialist may change its assessment now.");
        }

        if (HoldsSubjectPersonalData && !decision.SubjectPersonalDataAllowed)
        {
            throw new DomainRuleException(
                $"The subject's personal data is recorded, and as \"{decision.Outcome.Describe()}\" it would have no lawful basis. Delete it first, then reassess.");
        }

        if (decision.RationaleRequired && string.IsNullOrWhiteSpace(rationale))
        {
            throw new DomainRuleException(
                "Write the rationale for recording the subject's personal data: the Code allows it only with a written reason (real risk of significant harm or of a future criminal offence).");
        }

        var before = Classification;
        var outcome = decision.Outcome;
        Assessment = new IncidentAssessment
        {
            PerceivedHostility = answers.PerceivedHostility,
            IsCrime = answers.IsCrime,
            TrivialIrrationalOrMalicious = answers.TrivialIrrationalOrMalicious,
            SchoolChildrenOnSchoolPremises = answers.SchoolChildrenOnSchoolPremises,
            LawfulFreedomOfExpression = answers.LawfulFreedomOfExpression,
            RealRiskOfSignificantHarm = answers.RealRiskOfSignificantHarm,
            RealRiskOfFutureOffence = answers.RealRiskOfFutureOffence,
            BasisToConcludeIntentionalHostility = answers.BasisToConcludeIntentionalHostility,
            Outcome = outcome.ToKey(),
            SpecialistReview = decision.SpecialistReview.ToKey(),
            SubjectPersonalDataAllowed = decision.SubjectPersonalDataAllowed,
            Reasons = [.. decision.Reasons],
        };
        Classification = outcome.ToKey();
        RuleSetId = decision.RuleSetId;
        ImmediateRisk = answers.ImmediateRisk;
        AssessedBy = ctx.UserName;
        AssessedAt = ctx.Now;
        PersonalDataRationale = decision.SubjectPersonalDataAllowed ? Clean(rationale) : null;
        OpeningCode = CodeFor(outcome);

        switch (outcome)
        {
            case AssessmentOutcome.Nchi or AssessmentOutcome.NchiWithPersonalData:
                // Every NCHI is referred for specialist review; with an immediate risk, after deployment (NCHI APP).
                Status = IncidentStatus.AwaitingReview;
                ReviewDueAt = ctx.Now.AddHours(policy.ReviewTargetHours);
                FinalisingCode = null;
                break;
            case AssessmentOutcome.HateCrime:
                // Recorded as a crime under the Crime Recording Rules; no NCHI review.
                Status = IncidentStatus.Finalised;
                ReviewDueAt = null;
                FinalisingCode = OpeningCode;
                break;
            default:
                Status = IncidentStatus.Closed;
                ReviewDueAt = null;
                FinalisingCode = OpeningCode;
                break;
        }

        FollowClassification(policy, ctx);
        AddHistory(ctx, before is null ? "Assessed" : "Reassessed", before, outcome.ToKey(), $"Rules: {DisplayNames.RuleSet(decision.RuleSetId)}");
    }

    /// <summary>The deployment decision, recorded against each of PLANE. Where a specialist must review first, no deployment before the review.</summary>
    public void DecideDeployment(bool deploy, PlaneDecision plane, ProcessContext ctx)
    {
        if (Assessment is null)
        {
            throw new DomainRuleException("Assess the report before deciding whether to deploy.");
        }

        var missing = MissingPlane(plane);
        if (missing.Count > 0)
        {
            throw new DomainRuleException(
                $"Record every PLANE consideration before saving the deployment decision. Missing: {string.Join(", ", missing)}.");
        }

        if (deploy && ReviewRequirement == SpecialistReview.Required && ReviewedAt is null)
        {
            throw new DomainRuleException(
                "A specialist reviews this NCHI before any deployment (NCHI APP): there is no immediate risk. Record 'do not deploy' or wait for the review.");
        }

        Deployed = deploy;
        Plane = new PlaneDecision
        {
            Proportionality = plane.Proportionality.Trim(),
            Lawfulness = plane.Lawfulness.Trim(),
            Accountability = plane.Accountability.Trim(),
            Necessity = plane.Necessity.Trim(),
            Ethics = plane.Ethics.Trim(),
        };
        DeploymentDecidedBy = ctx.UserName;
        DeploymentDecidedAt = ctx.Now;
        AddHistory(ctx, deploy ? "Deployment decided: deploy" : "Deployment decided: do not deploy", null, null, null);
    }

    public static IReadOnlyList<string> MissingPlane(PlaneDecision? plane)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(plane?.Proportionality))
        {
            missing.Add("proportionality");
        }

        if (string.IsNullOrWhiteSpace(plane?.Lawfulness))
        {
            missing.Add("lawfulness");
        }

        if (string.IsNullOrWhiteSpace(plane?.Accountability))
        {
            missing.Add("accountability");
        }

        if (string.IsNullOrWhiteSpace(plane?.Necessity))
        {
            missing.Add("necessity");
        }

        if (string.IsNullOrWhiteSpace(plane?.Ethics))
        {
            missing.Add("ethics");
        }

        return missing;
    }

    /// <summary>
    /// The specialist review: confirms or changes the classification and the finalising code, or closes a trivial, irrational or
    /// malicious report. Every change of classification is kept in the history. The subject's personal data must already have
    /// been deleted if the new classification gives no lawful basis for it.
    /// </summary>
    public void CompleteReview(ReviewDecision r, IncidentStaffRole role, ForceHatePolicy policy, ProcessContext ctx)
    {
        if (role != IncidentStaffRole.Specialist)
        {
            throw new DomainRuleException("Only a hate crime specialist or the force crime registrar can review a hate incident.");
        }

        if (Assessment is null || Status == IncidentStatus.Recorded)
        {
            throw new DomainRuleException("The report has not been assessed yet: assess it before the specialist review.");
        }

        if (ReviewRequirement == SpecialistReview.AfterDeployment && Deployed is null && Status == IncidentStatus.AwaitingReview)
        {
            throw new DomainRuleException("There is an immediate risk: record the deployment decision first (deploy first, review after).");
        }

        var outcome = r.CloseAsTrivialIrrationalOrMalicious ? AssessmentOutcome.NoRecord : r.Outcome;
        var note = Clean(r.Note);
        if (r.CloseAsTrivialIrrationalOrMalicious && note is null)
        {
            throw new DomainRuleException("Say why the report is trivial, irrational or malicious.");
        }

        var rationale = Clean(r.PersonalDataRationale) ?? PersonalDataRationale;
        if (outcome == AssessmentOutcome.NchiWithPersonalData && rationale is null)
        {
            throw new DomainRuleException("Write the rationale for recording the subject's personal data (real risk of significant harm or of a future criminal offence).");
        }

        string code;
        if (string.IsNullOrWhiteSpace(r.FinalisingCode))
        {
            code = CodeFor(outcome);
        }
        else
        {
            var found = HateIncidentCodes.Find(r.FinalisingCode)
                ?? throw new DomainRuleException($"'{r.FinalisingCode.Trim()}' is not a national hate-incident code.");
            if (found.Outcome != outcome)
            {
                throw new DomainRuleException(
                    $"The code {found.Code} is for \"{found.Outcome.Describe()}\", but the classification is \"{outcome.Describe()}\". Choose a code that matches.");
            }

            code = found.Code;
        }

        var allowsSubjectData = outcome is AssessmentOutcome.HateCrime or AssessmentOutcome.NchiWithPersonalData;
        if (HoldsSubjectPersonalData && !allowsSubjectData)
        {
            throw new DomainRuleException(
                $"The subject's personal data has no lawful basis as \"{outcome.Describe()}\". Delete it as part of this review.");
        }

        var before = Classification;
        Classification = outcome.ToKey();
        Assessment.SubjectPersonalDataAllowed = allowsSubjectData;
        PersonalDataRationale = allowsSubjectData && outcome == AssessmentOutcome.NchiWithPersonalData ? rationale : null;
        FinalisingCode = code;
        Status = outcome == AssessmentOutcome.NoRecord ? IncidentStatus.Closed : IncidentStatus.Finalised;
        ReviewedBy = ctx.UserName;
        ReviewedAt = ctx.Now;
        ReviewNote = note;
        FollowClassification(policy, ctx);

        var changed = before != Classification;
        var label = r.CloseAsTrivialIrrationalOrMalicious
            ? "Closed on review: trivial, irrational or malicious"
            : changed ? "Reclassified on review" : "Review: classification confirmed";
        AddHistory(ctx, label, before, Classification, $"Finalising code {code}" + (note is null ? "" : $". {note}"));
    }

    /// <summary>
    /// Keeps the Code's work in step with the classification: a hate crime has no retention review or telling clock under the
    /// Code (crime recording rules apply); an NCHI with the subject's data gets them.
    /// </summary>
    private void FollowClassification(ForceHatePolicy policy, ProcessContext ctx)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (IsHateCrime)
        {
            RetentionReviewDueOn = null;
            SubjectToBeToldBy = null;
            return;
        }

        if (HoldsSubjectPersonalData)
        {
            // The Code: retained personal data is reviewed; the force's policy sets when.
            RetentionReviewDueOn ??= UkTime.Date(ctx.Now).AddMonths(policy.RetentionReviewMonths);
        }

        if (SubjectToBeTold(policy))
        {
            // The Code says the subject is told; the force's policy says within how many days of the review (or of recording the data, if later).
            SubjectToBeToldBy ??= UkTime.Date(ctx.Now).AddDays(policy.TellSubjectWithinDays);
        }
        else if (SubjectToldAt is null)
        {
            SubjectToBeToldBy = null;
        }
    }

    /// <summary>The field under which a refused attachment file is reported (the form's file input).</summary>
    public const string AttachmentFileField = "Upload";

    /// <summary>Adds a complainant's details, or the subject's personal data where the classification allows it.</summary>
    /// <remarks>Refusals name the fields of <see cref="AddPersonOptions"/> and <see cref="PersonDetails"/>, so a form shows each against its field.</remarks>
    public IncidentPerson AddPerson(PersonRole? whose, PersonDetails d, IncidentStaffRole role, ForceHatePolicy policy, ProcessContext ctx)
    {
        CheckNewPerson(whose, d);
        var person = whose!.Value;

        if (person == PersonRole.Subject)
        {
            if (Assessment?.SubjectPersonalDataAllowed != true)
            {
                throw new DomainRuleException(
                    "The subject's personal data may not be recorded: " +
                    (Assessment is null
                        ? "the report has not been assessed."
                        : $"the classification is \"{Outcome!.Value.Describe()}\". The Code allows it only where there is a real risk of significant harm or of a future criminal offence."));
            }

            if (!PersonalDataAccess.CanSeeSubject(role, policy))
            {
                throw new DomainRuleException("Your force's policy does not let call takers handle the subject's personal data. Refer this to a specialist.");
            }
        }

        var row = new IncidentPerson
        {
            Role = person,
            Name = d.Name!.Trim(), // CheckPerson refused a blank name
            DateOfBirth = d.DateOfBirth,
            Address = Clean(d.Address),
            Contact = Clean(d.Contact),
            Description = Clean(d.Description),
        };
        people.Add(row);
        if (person == PersonRole.Subject)
        {
            PersonalDataDeletedAt = null;
            PersonalDataDeletedBy = null;
            FollowClassification(policy, ctx);
        }

        AddHistory(ctx, person == PersonRole.Subject ? "Subject's personal data recorded" : "Complainant's details recorded", null, null, null);
        return row;
    }

    /// <summary>
    /// Attaches a file. A file about the subject is the subject's personal data: it needs the same lawful basis and role as
    /// recording the subject's details.
    /// </summary>
    public IncidentAttachment AddAttachment(UploadedFile file, string? description, bool aboutSubject, IncidentStaffRole role, ForceHatePolicy policy, ProcessContext ctx)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = Path.GetFileName((file.FileName ?? "").Replace('\\', '/')).Trim();
        // Refusals name the form's fields: the file ("Upload") and its description.
        var problems = new FieldProblems();
        if (file.Content is not { Length: > 0 } || name.Length == 0)
        {
            problems.Add(AttachmentFileField, "Choose a file to attach; the file you chose is empty.");
        }
        else if (file.Content.Length > IncidentAttachment.MaxBytes)
        {
            problems.Add(AttachmentFileField,
                $"'{name}' is {file.Content.Length / 1024.0 / 1024.0:F1} MB; attachments must be smaller than {IncidentAttachment.MaxBytes / 1024 / 1024} MB.");
        }

        problems.TooLong<IncidentAttachment>(nameof(IncidentAttachment.Description), Clean(description), "The description");
        problems.ThrowIfAny();
        var nameLimit = TextLimit.Of<IncidentAttachment>(nameof(IncidentAttachment.FileName));
        if (name.Length > nameLimit)
        {
            name = name[..nameLimit];
        }

        if (aboutSubject)
        {
            if (Assessment?.SubjectPersonalDataAllowed != true)
            {
                throw new DomainRuleException("A file about the subject is the subject's personal data, and this classification does not allow it to be recorded.");
            }

            if (!PersonalDataAccess.CanSeeSubject(role, policy))
            {
                throw new DomainRuleException("Your force's policy does not let call takers handle the subject's personal data. Refer this to a specialist.");
            }
        }

        var attachment = new IncidentAttachment
        {
            FileName = name,
            ContentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType.Trim(),
            SizeBytes = file.Content.Length,
            Description = Clean(description),
            AboutSubject = aboutSubject,
            AddedBy = ctx.UserName,
            AddedAt = ctx.Now,
            File = new IncidentAttachmentFile { Content = file.Content },
        };
        attachments.Add(attachment);
        AddHistory(ctx, aboutSubject ? "File about the subject attached" : "File attached", null, null, null);
        return attachment;
    }

    /// <summary>
    /// Deletes the subject's personal data from the record: the person rows, files about the subject, the subject's reply and
    /// the reason given for not telling them. What stays is the fact that a deletion happened, by whom and why — never the data.
    /// Returns what was removed.
    /// </summary>
    /// <param name="reclassifyingTo">The classification a review is about to give: a hate crime's subject data may be deleted under
    /// the Code only as part of a review that makes it something other than a crime.</param>
    public DeletedSubjectData DeleteSubjectPersonalData(string? reason, IncidentStaffRole role, ProcessContext ctx, AssessmentOutcome? reclassifyingTo = null)
    {
        if (role != IncidentStaffRole.Specialist)
        {
            throw new DomainRuleException("Only a hate crime specialist or the force crime registrar can delete a subject's personal data.");
        }

        if (IsHateCrime && reclassifyingTo is null or AssessmentOutcome.HateCrime)
        {
            throw new DomainRuleException(CrimeRecordingRulesApply);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason for deleting the subject's personal data (for example: recorded without a lawful basis).");
        }

        var rows = People.Where(p => p.Role == PersonRole.Subject).ToList();
        var files = Attachments.Where(a => a.AboutSubject).ToList();
        if (rows.Count == 0 && files.Count == 0 && SubjectReply is null)
        {
            throw new DomainRuleException("This record holds no personal data of the subject.");
        }

        foreach (var row in rows)
        {
            people.Remove(row);
        }

        foreach (var file in files)
        {
            attachments.Remove(file);
        }

        SubjectReply = null;
        NotificationExceptionReason = null;
        RetentionReviewDueOn = null;
        SubjectToBeToldBy = null;
        PersonalDataDeletedAt = ctx.Now;
        PersonalDataDeletedBy = ctx.UserName;
        AddHistory(ctx, "Subject's personal data deleted", null, null, reason.Trim());
        return new DeletedSubjectData(rows, files);
    }

    /// <summary>A retention review that keeps the subject's personal data: sets the next review date.</summary>
    public void KeepAfterRetentionReview(string? rationale, IncidentStaffRole role, ForceHatePolicy policy, ProcessContext ctx)
    {
        if (role != IncidentStaffRole.Specialist)
        {
            throw new DomainRuleException("Only a hate crime specialist or the force crime registrar can review retention.");
        }

        if (IsHateCrime)
        {
            throw new DomainRuleException(CrimeRecordingRulesApply);
        }

        if (!HoldsSubjectPersonalData)
        {
            throw new DomainRuleException("This record holds no personal data of the subject to review.");
        }

        if (string.IsNullOrWhiteSpace(rationale))
        {
            throw new DomainRuleException("Say why the subject's personal data is still needed (the real risk that remains).");
        }

        RetentionReviewDueOn = UkTime.Date(ctx.Now).AddMonths(policy.RetentionReviewMonths);
        AddHistory(ctx, "Retention reviewed: personal data kept", null, null, $"{rationale.Trim()} Next review {Format.Date(RetentionReviewDueOn, "")}.");
    }

    public void RecordSubjectTold(DateTimeOffset toldAt, ProcessContext ctx)
    {
        RequireSubjectData();
        if (toldAt > ctx.Now.AddMinutes(5))
        {
            throw new DomainRuleException($"The date the subject was told must be today or in the past: {Format.Date(toldAt)} has not happened yet.");
        }

        SubjectToldAt = toldAt;
        var told = UkTime.Date(toldAt);
        AddHistory(ctx, "Subject told their personal data is recorded", null, null, SubjectToBeToldBy is not { } due
            ? null
            : told <= due ? $"On time: due by {Format.Date(due)}." : $"{told.DayNumber - due.DayNumber} days late: due by {Format.Date(due)}.");
    }

    /// <summary>A safeguarding exception to telling the subject; it needs a reviewer's approval.</summary>
    public void RecordNotificationException(string? reason, ProcessContext ctx)
    {
        RequireSubjectData();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the safeguarding reason for not telling the subject.");
        }

        if (SubjectToldAt is not null)
        {
            throw new DomainRuleException("The subject has already been told.");
        }

        NotificationExceptionReason = reason.Trim();
        NotificationExceptionApprovedBy = null;
        NotificationExceptionRecordedById = ctx.UserId;
        AddHistory(ctx, "Safeguarding exception to telling the subject recorded", null, null, null);
    }

    public void ApproveNotificationException(IncidentStaffRole role, ProcessContext ctx)
    {
        if (role != IncidentStaffRole.Specialist)
        {
            throw new DomainRuleException("Only a hate crime specialist or the force crime registrar can approve an exception.");
        }

        if (NotificationExceptionReason is null)
        {
            throw new DomainRuleException("There is no exception to approve.");
        }

        if (NotificationExceptionRecordedById == ctx.UserId)
        {
            throw new DomainRuleException("You recorded this exception: another hate crime specialist or the force crime registrar must approve it.");
        }

        NotificationExceptionApprovedBy = ctx.UserName;
        AddHistory(ctx, "Safeguarding exception approved", null, null, null);
    }

    /// <summary>The subject's reply or request for deletion; it must be answered within the force's policy.</summary>
    public void RecordSubjectReply(string? reply, bool requestsDeletion, DateOnly receivedOn, int replyDays, ProcessContext ctx)
    {
        if (IsHateCrime)
        {
            throw new DomainRuleException(CrimeRecordingRulesApply);
        }

        if (SubjectToldAt is null)
        {
            throw new DomainRuleException("Record that the subject was told before recording their reply.");
        }

        if (string.IsNullOrWhiteSpace(reply) && !requestsDeletion)
        {
            throw new DomainRuleException("Summarise the subject's reply, or record that they asked for their data to be deleted.");
        }

        SubjectReply = Clean(reply);
        SubjectRequestedDeletion = requestsDeletion;
        SubjectReplyDueOn = receivedOn.AddDays(replyDays);
        SubjectAnsweredAt = null;
        AddHistory(ctx, requestsDeletion ? "Subject asked for their personal data to be deleted" : "Subject replied", null, null,
            $"Answer due by {Format.Date(SubjectReplyDueOn, "")}");
    }

    public void RecordSubjectAnswered(ProcessContext ctx)
    {
        if (SubjectReplyDueOn is null)
        {
            throw new DomainRuleException("There is no reply from the subject to answer.");
        }

        SubjectAnsweredAt = ctx.Now;
        AddHistory(ctx, "Subject's reply answered", null, null, null);
    }

    /// <summary>The national code for an outcome and the first characteristic (or "other" when none was perceived).</summary>
    public string CodeFor(AssessmentOutcome outcome) =>
        HateIncidentCodes.For(outcome, Characteristics.FirstOrDefault() ?? HateIncidentCodes.Other).Code;

    private void RequireSubjectData()
    {
        if (IsHateCrime)
        {
            throw new DomainRuleException(CrimeRecordingRulesApply);
        }

        if (!HoldsSubjectPersonalData)
        {
            throw new DomainRuleException("The subject is told only where their personal data is recorded, and this record holds none.");
        }
    }

    private void AddHistory(ProcessContext ctx, string what, string? from, string? to, string? note)
    {
        history.Add(new IncidentHistoryEntry { At = ctx.Now, By = ctx.UserName, Event = what, FromOutcome = from, ToOutcome = to, Note = note });
        Bump();
    }

    /// <summary>Refuses a person's details that <see cref="AddPerson"/> would refuse whatever the incident: whose they are, and <see cref="CheckPerson"/>.</summary>
    public static void CheckNewPerson(PersonRole? whose, PersonDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        if (whose is null)
        {
            problems.Add(nameof(AddPersonOptions.PersonRole), "Select whose details these are.");
        }

        CheckPerson(d, problems);
        problems.ThrowIfAny();
    }

    /// <summary>A person's details: a name, and no text longer than its column.</summary>
    private static void CheckPerson(PersonDetails d, FieldProblems problems)
    {
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            problems.Add(nameof(PersonDetails.Name), "Enter the person's name.");
        }
        else
        {
            problems.TooLong<IncidentPerson>(nameof(PersonDetails.Name), d.Name.Trim(), "Name");
        }

        problems.TooLong<IncidentPerson>(nameof(PersonDetails.Address), Clean(d.Address), "Address");
        problems.TooLong<IncidentPerson>(nameof(PersonDetails.Contact), Clean(d.Contact), "Contact");
    }

    private static List<string> NormaliseCharacteristics(IReadOnlyList<string> given, IReadOnlyCollection<string> known, FieldProblems problems)
    {
        var result = new List<string>();
        foreach (var raw in given)
        {
            var c = AssessmentKeys.CharacteristicKey(raw);
            if (c.Length == 0)
            {
                continue;
            }

            if (!known.Contains(c))
            {
                problems.Add(nameof(IncidentReport.Characteristics), $"'{raw}' is not a characteristic your force records. Choose from: {string.Join(", ", known)}.");
                continue;
            }

            if (!result.Contains(c))
            {
                result.Add(c);
            }
        }

        if (result.Count == 0 && !problems.Has(nameof(IncidentReport.Characteristics)))
        {
            problems.Add(nameof(IncidentReport.Characteristics), "Select the characteristic towards which hostility or prejudice is perceived.");
        }

        return result;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

using System.ComponentModel.DataAnnotations;
using Evenhand.Common;

namespace Evenhand.Governance;

public enum AdvisoryGroupType
{
    IndependentAdvisoryGroup,
    CommunityScrutinyPanel,
    KeyIndividualNetwork,
    EthicsCommittee,
    YouthPanel,
}

/// <summary>Who chairs the group: the report expects an independent chair, not the police or the PCC's office.</summary>
public enum ChairKind
{
    Independent,
    PoliceOfficer,
    PoliceStaff,
    PccOffice,
}

public enum VettingDecision
{
    Vetted,
    NotVetted,
}

public sealed record AdvisoryGroupDetails(string? Name, AdvisoryGroupType? Type, DateOnly? TermsOfReferenceReviewedOn, string? Chair, ChairKind? ChairKind, string? Payments);

public sealed record MemberDetails(
    string? Name, DateOnly? JoinedOn, VettingDecision? Vetting, bool BackgroundCheck, bool ConfidentialityAgreement, bool Escorted, string? VettingRationale, string? Training);

/// <summary>
/// An advisory group (recommendation 15): its terms of reference and when they were last reviewed, its chair, and its members
/// with their vetting decisions. Flags: terms of reference older than the limit, a chair who is not independent, members past
/// the tenure limit, and members not vetted without mitigations and a rationale.
/// </summary>
public sealed class AdvisoryGroup : VersionedEntity
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    [MaxLength(200)]
    public string Name { get; private set; } = "";
    public AdvisoryGroupType Type { get; private set; }
    public DateOnly? TermsOfReferenceReviewedOn { get; private set; }
    [MaxLength(200)]
    public string Chair { get; private set; } = "";
    public ChairKind ChairKind { get; private set; }
    [MaxLength(2000)]
    public string? Payments { get; private set; }
    public List<AdvisoryGroupMember> Members { get; set; } = [];
    public List<AdvisoryMeeting> Meetings { get; set; } = [];

    /// <summary>What the group raised that the force has not yet answered ("you said" without "we did").</summary>
    public IReadOnlyList<AdvisoryMeeting> OpenActions() => [.. Meetings.Where(m => m.YouSaid is not null && m.WeDid is null)];

    /// <summary>The last day the terms of reference are current: the last review plus the force's limit; null if never reviewed.</summary>
    public DateOnly? TermsOfReferenceReviewDueOn(GovernanceSettings limits) => TermsOfReferenceReviewDueOn(TermsOfReferenceReviewedOn, limits);

    public bool TermsOfReferenceOutOfDate(DateOnly today, GovernanceSettings limits) => TermsOfReferenceOutOfDate(TermsOfReferenceReviewedOn, today, limits);

    /// <summary>The rule of <see cref="TermsOfReferenceReviewDueOn(GovernanceSettings)"/>, for values read without the entity.</summary>
    public static DateOnly? TermsOfReferenceReviewDueOn(DateOnly? reviewedOn, GovernanceSettings limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return reviewedOn?.AddMonths(limits.TermsOfReferenceMaxAgeMonths);
    }

    /// <summary>The rule of <see cref="TermsOfReferenceOutOfDate(DateOnly, GovernanceSettings)"/>, for values read without the entity.</summary>
    public static bool TermsOfReferenceOutOfDate(DateOnly? reviewedOn, DateOnly today, GovernanceSettings limits) =>
        TermsOfReferenceReviewDueOn(reviewedOn, limits) is not { } due || due < today;

    public bool ChairIndependent => ChairKind == ChairKind.Independent;

    public IReadOnlyList<AdvisoryGroupMember> MembersPastTenure(DateOnly today, GovernanceSettings limits) =>
        [.. Members.Where(m => m.LeftOn is null && PastTenure(m.JoinedOn, today, limits))];

    /// <summary>A current member who joined on <paramref name="joinedOn"/> has served longer than the force's tenure limit.</summary>
    public static bool PastTenure(DateOnly joinedOn, DateOnly today, GovernanceSettings limits) =>
        AdvisoryGroupMember.TenureEndsOn(joinedOn, limits) < today;

    public IReadOnlyList<string> Flags(DateOnly today, GovernanceSettings limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var flags = new List<string>();
        if (TermsOfReferenceOutOfDate(today, limits))
        {
            flags.Add(TermsOfReferenceReviewedOn is null ? "Terms of reference never reviewed" : $"Terms of reference not reviewed for over {limits.TermsOfReferenceMaxAgeMonths} months");
        }

        if (!ChairIndependent)
        {
            flags.Add($"Chair is not independent ({Describe(ChairKind)})");
        }

        var open = OpenActions().Count;
        if (open > 0)
        {
            flags.Add($"{open} matter{(open == 1 ? "" : "s")} raised by the group with no feedback yet");
        }

        var past = MembersPastTenure(today, limits);
        if (past.Count > 0)
        {
            flags.Add($"{past.Count} member{(past.Count == 1 ? "" : "s")} past the {limits.MemberTenureLimitYears}-year tenure limit");
        }

        return flags;
    }

    public static AdvisoryGroup Create(int forceId, AdvisoryGroupDetails d, DateOnly today)
    {
        var g = new AdvisoryGroup { ForceId = forceId };
        g.Apply(d, today);
        return g;
    }

    public IReadOnlyList<string> Apply(AdvisoryGroupDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        var name = Text.Clean(d.Name);
        var chair = Text.Clean(d.Chair);
        if (name is null) problems.Add("Name", "Name the group.");
        else problems.TooLong<AdvisoryGroup>("Name", name, "The group's name");
        if (d.Type is null) problems.Add("Type", "Choose the type of group.");
        if (d.TermsOfReferenceReviewedOn > today) problems.Add("TermsOfReferenceReviewedOn", "The terms of reference review date cannot be in the future.");
        if (chair is null) problems.Add("Chair", "Enter the chair's name.");
        else problems.TooLong<AdvisoryGroup>("Chair", chair, "The chair's name");
        if (d.ChairKind is null) problems.Add("ChairKind", "Say who the chair is.");
        problems.Lengths<AdvisoryGroup>(d);
        problems.ThrowIfAny();

        var changes = new Changes();
        changes.Set("Name", Name, name!, v => Name = v);
        changes.Set("Type", Type, d.Type!.Value, v => Type = v);
        changes.Set("Terms of reference reviewed", TermsOfReferenceReviewedOn, d.TermsOfReferenceReviewedOn, v => TermsOfReferenceReviewedOn = v);
        changes.Set("Chair", Chair, chair!, v => Chair = v);
        changes.Set("Chair is", ChairKind, d.ChairKind!.Value, v => ChairKind = v);
        changes.Set("Payments and expenses", Payments, Text.Clean(d.Payments), v => Payments = v);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }

    /// <summary>Adds a member. Not vetting someone is a decision: it needs at least one mitigation and a rationale.</summary>
    public AdvisoryGroupMember AddMember(MemberDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        CheckMember(d, null, null, today);
        var member = new AdvisoryGroupMember
        {
            Name = Text.Clean(d.Name)!, JoinedOn = d.JoinedOn!.Value, Vetting = d.Vetting!.Value, BackgroundCheck = d.BackgroundCheck,
            ConfidentialityAgreement = d.ConfidentialityAgreement, Escorted = d.Escorted, VettingRationale = Text.Clean(d.VettingRationale),
            Training = Text.Clean(d.Training),
        };
        Members.Add(member);
        Bump();
        return member;
    }

    /// <summary>
    /// Changes a member's details, or records the day they left the group (<paramref name="leftOn"/>; null while they are
    /// still a member). A member who has left no longer counts towards the tenure flag. Returns the changes in words, for
    /// the group's history; nothing changed, nothing is returned.
    /// </summary>
    public IReadOnlyList<string> ChangeMember(int memberId, MemberDetails d, DateOnly? leftOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var member = Members.FirstOrDefault(m => m.Id == memberId) ?? throw new NotFoundException("There is no such member of this group.");
        CheckMember(d, leftOn, member.LeftOn, today);
        var changes = new Changes();
        changes.Set("Name", member.Name, Text.Clean(d.Name)!, v => member.Name = v);
        changes.Set("Joined", member.JoinedOn, d.JoinedOn!.Value, v => member.JoinedOn = v);
        changes.Set("Left", member.LeftOn, leftOn, v => member.LeftOn = v);
        changes.Set("Vetting", member.Vetting, d.Vetting!.Value, v => member.Vetting = v);
        changes.Set("Background check", member.BackgroundCheck, d.BackgroundCheck, v => member.BackgroundCheck = v);
        changes.Set("Confidentiality agreement", member.ConfidentialityAgreement, d.ConfidentialityAgreement, v => member.ConfidentialityAgreement = v);
        changes.Set("Escorted", member.Escorted, d.Escorted, v => member.Escorted = v);
        changes.Set("Vetting rationale", member.VettingRationale, Text.Clean(d.VettingRationale), v => member.VettingRationale = v);
        changes.Set("Training", member.Training, Text.Clean(d.Training), v => member.Training = v);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }

    /// <summary>
    /// The rules for a member's details, each refusal keyed to its field (in the form's order). Not vetting someone is a
    /// decision: it needs at least one mitigation and a rationale. A leaving date falls between joining and today.
    /// </summary>
    private static void CheckMember(MemberDetails d, DateOnly? leftOn, DateOnly? leftBefore, DateOnly today)
    {
        var problems = new FieldProblems();
        var name = Text.Clean(d.Name);
        if (name is null) problems.Add(nameof(d.Name), "Enter the member's name.");
        else problems.TooLong<AdvisoryGroupMember>(nameof(d.Name), name, "The member's name");
        if (d.JoinedOn is null) problems.Add(nameof(d.JoinedOn), "Enter the date the member joined.");
        else if (d.JoinedOn > today) problems.Add(nameof(d.JoinedOn), "The joining date cannot be in the future.");
        if (leftOn is { } left && left != leftBefore)
        {
            if (left > today) problems.Add(MemberLeftOnField, "The date the member left cannot be in the future.");
            else if (d.JoinedOn is { } joined && left < joined) problems.Add(MemberLeftOnField, "The date the member left must be on or after the date they joined.");
        }

        if (d.Vetting is null) problems.Add(nameof(d.Vetting), "Record the vetting decision.");
        if (d.Vetting == VettingDecision.NotVetted)
        {
            if (!d.BackgroundCheck && !d.ConfidentialityAgreement && !d.Escorted)
            {
                problems.Add(nameof(d.BackgroundCheck), "A member who is not vetted needs at least one mitigation: a background check, a confidentiality agreement or an escort.");
            }

            if (Text.Clean(d.VettingRationale) is null) problems.Add(nameof(d.VettingRationale), "Give the rationale for not vetting the member.");
        }

        problems.Lengths<AdvisoryGroupMember>(d);
        problems.ThrowIfAny();
    }

    /// <summary>The field name under which a refused leaving date is reported.</summary>
    public const string MemberLeftOnField = "LeftOn";

    /// <summary>A meeting: whether minutes were kept, what the group raised, and (now or later) what the force did about it.</summary>
    public AdvisoryMeeting AddMeeting(DateOnly? heldOn, bool minutesRecorded, string? youSaid, string? weDid, DateOnly today)
    {
        CheckMeeting(heldOn, youSaid, weDid, today);
        var meeting = new AdvisoryMeeting
        {
            HeldOn = heldOn!.Value, MinutesRecorded = minutesRecorded, YouSaid = Text.Clean(youSaid), WeDid = Text.Clean(weDid),
            FedBackOn = Text.Clean(weDid) is null ? null : today,
        };
        Meetings.Add(meeting);
        Bump();
        return meeting;
    }

    /// <summary>
    /// Changes a meeting's record (its date, the minutes, what was raised, what the force did); returns the changes in words
    /// for the history. Feedback given for the first time is dated today; feedback removed takes its date with it.
    /// </summary>
    public IReadOnlyList<string> ChangeMeeting(int meetingId, DateOnly? heldOn, bool minutesRecorded, string? youSaid, string? weDid, DateOnly today)
    {
        var meeting = Meetings.FirstOrDefault(m => m.Id == meetingId) ?? throw new NotFoundException("There is no such meeting of this group.");
        CheckMeeting(heldOn, youSaid, weDid, today);
        var changes = new Changes();
        changes.Set("Date", meeting.HeldOn, heldOn!.Value, v => meeting.HeldOn = v);
        changes.Set("Minutes kept", meeting.MinutesRecorded, minutesRecorded, v => meeting.MinutesRecorded = v);
        changes.Set("You said", meeting.YouSaid, Text.Clean(youSaid), v => meeting.YouSaid = v);
        changes.Set("We did", meeting.WeDid, Text.Clean(weDid), v =>
        {
            meeting.FedBackOn = v is null ? null : meeting.FedBackOn ?? today;
            meeting.WeDid = v;
        });
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }

    /// <summary>The rules for a meeting's record, each refusal keyed to its field.</summary>
    private static void CheckMeeting(DateOnly? heldOn, string? youSaid, string? weDid, DateOnly today)
    {
        var problems = new FieldProblems();
        if (heldOn is null) problems.Add("HeldOn", "Enter the date of the meeting.");
        else if (heldOn > today) problems.Add("HeldOn", "The date of the meeting cannot be in the future.");
        problems.TooLong<AdvisoryMeeting>("YouSaid", Text.Clean(youSaid), "You said");
        if (Text.Clean(youSaid) is null && Text.Clean(weDid) is not null) problems.Add("WeDid", "Say what the group raised before recording what the force did.");
        else problems.TooLong<AdvisoryMeeting>("WeDid", Text.Clean(weDid), "We did");
        problems.ThrowIfAny();
    }

    /// <summary>"We did": the force's answer to what the group raised at a meeting.</summary>
    public AdvisoryMeeting RecordFeedback(int meetingId, string? weDid, DateOnly today)
    {
        var meeting = Meetings.FirstOrDefault(m => m.Id == meetingId) ?? throw new NotFoundException("There is no such meeting of this group.");
        if (meeting.YouSaid is null) throw new DomainRuleException("Nothing was raised at this meeting to give feedback on.");
        if (Text.Clean(weDid) is not { } done) throw new DomainRuleException("Say what the force did.");
        var problems = new FieldProblems();
        problems.TooLong<AdvisoryMeeting>("WeDid", done, "We did");
        problems.ThrowIfAny();
        meeting.WeDid = done;
        meeting.FedBackOn = today;
        Bump();
        return meeting;
    }

    public static string Describe(AdvisoryGroupType t) => t switch
    {
        AdvisoryGroupType.IndependentAdvisoryGroup => "Independent advisory group",
        AdvisoryGroupType.CommunityScrutinyPanel => "Community scrutiny panel",
        AdvisoryGroupType.KeyIndividualNetwork => "Key individual network",
        AdvisoryGroupType.EthicsCommittee => "Ethics committee",
        _ => "Youth panel",
    };

    public static string Describe(ChairKind c) => c switch
    {
        ChairKind.Independent => "independent",
        ChairKind.PoliceOfficer => "a police officer",
        ChairKind.PoliceStaff => "police staff",
        _ => "the PCC's office",
    };
}

/// <summary>
/// A force's limits for its advisory groups: how old terms of reference may be, and how long a member may serve. The report
/// asks for a tenure policy but sets no figure; until the force sets its own, these defaults apply.
/// </summary>
public sealed class GovernanceSettings : VersionedEntity
{
    public const int DefaultTermsOfReferenceMaxAgeMonths = 12;
    public const int DefaultMemberTenureLimitYears = 6;

    public int Id { get; set; }
    public int ForceId { get; set; }
    public int TermsOfReferenceMaxAgeMonths { get; private set; } = DefaultTermsOfReferenceMaxAgeMonths;
    public int MemberTenureLimitYears { get; private set; } = DefaultMemberTenureLimitYears;

    public IReadOnlyList<string> Apply(int? torMonths, int? tenureYears)
    {
        var problems = new FieldProblems();
        if (torMonths is not (>= 1 and <= 60)) problems.Add("TermsOfReferenceMaxAgeMonths", "Enter how old terms of reference may be, from 1 to 60 months.");
        if (tenureYears is not (>= 1 and <= 20)) problems.Add("MemberTenureLimitYears", "Enter the tenure limit, from 1 to 20 years.");
        problems.ThrowIfAny();

        var changes = new Changes();
        changes.Set("Terms of reference may be (months)", TermsOfReferenceMaxAgeMonths, torMonths!.Value, v => TermsOfReferenceMaxAgeMonths = v);
        changes.Set("Tenure limit (years)", MemberTenureLimitYears, tenureYears!.Value, v => MemberTenureLimitYears = v);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }
}

public sealed class AdvisoryMeeting
{
    public int Id { get; set; }
    public int AdvisoryGroupId { get; set; }
    public DateOnly HeldOn { get; set; }
    public bool MinutesRecorded { get; set; }
    [MaxLength(2000)]
    public string? YouSaid { get; set; }
    [MaxLength(2000)]
    public string? WeDid { get; set; }
    public DateOnly? FedBackOn { get; set; }
}

public sealed class AdvisoryGroupMember
{
    public int Id { get; set; }
    public int AdvisoryGroupId { get; set; }
    [MaxLength(200)]
    public required string Name { get; set; }
    public DateOnly JoinedOn { get; set; }
    /// <summary>The day the member left the group; null while they are a member.</summary>
    public DateOnly? LeftOn { get; set; }
    public VettingDecision Vetting { get; set; }
    public bool BackgroundCheck { get; set; }
    public bool ConfidentialityAgreement { get; set; }
    public bool Escorted { get; set; }
    [MaxLength(2000)]
    public string? VettingRationale { get; set; }
    [MaxLength(2000)]
    public string? Training { get; set; }

    /// <summary>The last day within the force's tenure limit.</summary>
    public DateOnly TenureEndsOn(GovernanceSettings limits) => TenureEndsOn(JoinedOn, limits);

    /// <summary>The day a member who joined on <paramref name="joinedOn"/> reaches the force's tenure limit.</summary>
    public static DateOnly TenureEndsOn(DateOnly joinedOn, GovernanceSettings limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return joinedOn.AddYears(limits.MemberTenureLimitYears);
    }

    public string Mitigations =>
        string.Join(", ", new[] { BackgroundCheck ? "background check" : null, ConfidentialityAgreement ? "confidentiality agreement" : null, Escorted ? "escorted" : null }
            .Where(m => m is not null));
}

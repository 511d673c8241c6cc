using System.ComponentModel.DataAnnotations;
using Evenhand.Common;

namespace Evenhand.Governance;

/// <summary>The nine protected characteristics of the Equality Act 2010 (s.4), each of which an equality impact assessment considers.</summary>
public enum ProtectedCharacteristic
{
    Age,
    Disability,
    GenderReassignment,
    MarriageAndCivilPartnership,
    PregnancyAndMaternity,
    Race,
    ReligionOrBelief,
    Sex,
    SexualOrientation,
}

/// <summary>The impact an equality impact assessment records for one characteristic.</summary>
public enum EqualityImpact
{
    NotAssessed,
    Positive,
    Neutral,
    Negative,
}

/// <summary>What a user enters for a policy.</summary>
public sealed record PolicyDetails(string? Title, string? Reference, string? Owner, bool RelatesToEqualityAct, DateOnly? LastReviewedOn, int? ReviewIntervalMonths, string? Notes);

/// <summary>
/// A force policy in the register (recommendations 12 and 13): who owns it, whether it relates to the Equality Act 2010, and
/// when it was last reviewed and is next due. Its equality impact assessments are kept with it, newest last.
/// </summary>
public sealed class PolicyDocument : VersionedEntity
{
    public const int DefaultReviewIntervalMonths = 24;

    public int Id { get; set; }
    public int ForceId { get; set; }
    [MaxLength(200)]
    public string Title { get; private set; } = "";
    [MaxLength(40)]
    public string? Reference { get; private set; }
    [MaxLength(200)]
    public string Owner { get; private set; } = "";
    public bool RelatesToEqualityAct { get; private set; }
    public DateOnly? LastReviewedOn { get; private set; }
    public int ReviewIntervalMonths { get; private set; } = DefaultReviewIntervalMonths;

    /// <summary>Last review plus the interval; stored so the register can be filtered and sorted by it.</summary>
    public DateOnly? NextReviewDueOn { get; private set; }

    [MaxLength(4000)]
    public string? Notes { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<EqualityImpactAssessment> Assessments { get; set; } = [];

    /// <summary>Never reviewed, or past its next review date.</summary>
    public bool IsOverdue(DateOnly today) => NextReviewDueOn is not { } due || due < today;

    /// <summary>The most recent equality impact assessment, if any (of two on one day, the later recorded; one not yet saved is the latest).</summary>
    public EqualityImpactAssessment? LatestAssessment => Assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.Id == 0 ? int.MaxValue : a.Id).LastOrDefault();

    /// <summary>
    /// Whether <see cref="LatestAssessment"/> is complete; null when there is none. Kept with the policy (set as each
    /// assessment is added) so that the register's flags and measures are read from the policies' own rows.
    /// </summary>
    public bool? LatestAssessmentComplete { get; private set; }

    /// <summary>Whether <see cref="LatestAssessment"/>'s assessor was trained by then; null when there is none. Kept like <see cref="LatestAssessmentComplete"/>.</summary>
    public bool? LatestAssessorTrained { get; private set; }

    public static PolicyDocument Create(int forceId, PolicyDetails details, DateOnly today, ProcessContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var policy = new PolicyDocument { ForceId = forceId, CreatedAt = ctx.Now, CreatedBy = ctx.UserName };
        policy.Apply(details, today);
        return policy;
    }

    /// <summary>Applies the user's details, refusing all problems at once. Returns what changed, for the history.</summary>
    public IReadOnlyList<string> Apply(PolicyDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        var title = Text.Clean(d.Title);
        var owner = Text.Clean(d.Owner);
        if (title is null) problems.Add("Title", "Enter the policy's title.");
        else problems.TooLong<PolicyDocument>("Title", title, "The title");
        if (owner is null) problems.Add("Owner", "Enter the policy's owner (a role or team).");
        else problems.TooLong<PolicyDocument>("Owner", owner, "The owner");
        problems.TooLong<PolicyDocument>("Reference", Text.Clean(d.Reference), "The reference");
        if (d.ReviewIntervalMonths is not { } interval || interval is < 1 or > 120) problems.Add("ReviewIntervalMonths", "Enter the review interval in months, from 1 to 120.");
        if (d.LastReviewedOn is { } last && last > today) problems.Add("LastReviewedOn", "The last review date cannot be in the future.");
        problems.Lengths<PolicyDocument>(d);
        problems.ThrowIfAny();

        var changes = new Changes();

        changes.Set("Title", Title, title!, v => Title = v);
        changes.Set("Reference", Reference, Text.Clean(d.Reference), v => Reference = v);
        changes.Set("Owner", Owner, owner!, v => Owner = v);
        changes.Set("Relates to the Equality Act 2010", RelatesToEqualityAct, d.RelatesToEqualityAct, v => RelatesToEqualityAct = v);
        changes.Set("Last reviewed", LastReviewedOn, d.LastReviewedOn, v => LastReviewedOn = v);
        changes.Set("Review interval (months)", ReviewIntervalMonths, d.ReviewIntervalMonths!.Value, v => ReviewIntervalMonths = v);
        changes.Set("Notes", Notes, Text.Clean(d.Notes), v => Notes = v);
        NextReviewDueOn = LastReviewedOn?.AddMonths(ReviewIntervalMonths);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }

    public EqualityImpactAssessment AddAssessment(EiaDetails d, DateOnly today, ProcessContext ctx)
    {
        var eia = EqualityImpactAssessment.Create(this, d, today, ctx);
        Assessments.Add(eia);
        var latest = LatestAssessment;
        LatestAssessmentComplete = latest?.IsComplete;
        LatestAssessorTrained = latest?.AssessorTrained;
        Bump();
        return eia;
    }
}

/// <summary>One characteristic's line in an equality impact assessment.</summary>
public sealed record CharacteristicAssessment(ProtectedCharacteristic Characteristic, EqualityImpact Impact, string? Rationale);

/// <summary>What a user enters for an equality impact assessment.</summary>
public sealed record EiaDetails(DateOnly? AssessedOn, string? Assessor, DateOnly? AssessorTrainedOn, IReadOnlyList<CharacteristicAssessment> Lines);

/// <summary>
/// An equality impact assessment of a policy (recommendation 12): the impact on each of the nine protected characteristics
/// and the reasoning behind it. One with a characteristic unassessed or a rationale left empty is incomplete — the "tick-box"
/// assessment the inspection found — and one by an assessor with no recorded EIA training is flagged too. Incomplete ones
/// can be saved (a register records what exists); the flags say what is wrong.
/// </summary>
public sealed class EqualityImpactAssessment
{
    public int Id { get; set; }
    public int PolicyDocumentId { get; set; }
    public DateOnly AssessedOn { get; set; }
    [MaxLength(200)]
    public string Assessor { get; set; } = "";
    public DateOnly? AssessorTrainedOn { get; set; }
    public List<EiaLine> Lines { get; set; } = [];
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";

    /// <summary>Characteristics with no impact recorded, or with no rationale for it.</summary>
    public IReadOnlyList<ProtectedCharacteristic> Gaps =>
        Enum.GetValues<ProtectedCharacteristic>()
            .Where(c => Lines.FirstOrDefault(l => l.Characteristic == c) is not { Impact: not EqualityImpact.NotAssessed, Rationale.Length: > 0 })
            .ToList();

    public bool IsComplete => Gaps.Count == 0;

    /// <summary>Trained before (or on the day of) the assessment.</summary>
    public bool AssessorTrained => AssessorTrainedOn is { } trained && trained <= AssessedOn;

    internal static EqualityImpactAssessment Create(PolicyDocument policy, EiaDetails d, DateOnly today, ProcessContext ctx)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        var assessor = Text.Clean(d.Assessor);
        if (d.AssessedOn is not { } on) problems.Add("AssessedOn", "Enter the date of the assessment.");
        else if (on > today) problems.Add("AssessedOn", "The assessment date cannot be in the future.");
        if (assessor is null) problems.Add("Assessor", "Enter who carried out the assessment.");
        else problems.TooLong<EqualityImpactAssessment>("Assessor", assessor, "The assessor's name");
        if (d.AssessorTrainedOn is { } trained && trained > today) problems.Add("AssessorTrainedOn", "The training date cannot be in the future.");
        var duplicates = d.Lines.GroupBy(l => l.Characteristic).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) problems.Add("Lines", $"Each characteristic is assessed once; repeated: {string.Join(", ", duplicates.Select(Describe))}.");
        var rationaleLimit = TextLimit.Of<EiaLine>(nameof(EiaLine.Rationale));
        if (d.Lines.Any(l => Text.Clean(l.Rationale)?.Length > rationaleLimit)) problems.Add("Lines", $"Each rationale must be {rationaleLimit:N0} characters or fewer.");
        problems.Lengths<EqualityImpactAssessment>(d);
        problems.ThrowIfAny();

        return new EqualityImpactAssessment
        {
            PolicyDocumentId = policy.Id,
            AssessedOn = d.AssessedOn!.Value,
            Assessor = assessor!,
            AssessorTrainedOn = d.AssessorTrainedOn,
            Lines = [.. Enum.GetValues<ProtectedCharacteristic>().Select(c =>
                d.Lines.FirstOrDefault(l => l.Characteristic == c) is { } l
                    ? new EiaLine { Characteristic = c, Impact = l.Impact, Rationale = Text.Clean(l.Rationale) }
                    : new EiaLine { Characteristic = c, Impact = EqualityImpact.NotAssessed })],
            RecordedAt = ctx.Now,
            RecordedBy = ctx.UserName,
        };
    }

    public static string Describe(ProtectedCharacteristic c) => c switch
    {
        ProtectedCharacteristic.GenderReassignment => "gender reassignment",
        ProtectedCharacteristic.MarriageAndCivilPartnership => "marriage and civil partnership",
        ProtectedCharacteristic.PregnancyAndMaternity => "pregnancy and maternity",
        ProtectedCharacteristic.ReligionOrBelief => "religion or belief",
        ProtectedCharacteristic.SexualOrientation => "sexual orientation",
        _ => c.ToString().ToLowerInvariant(),
    };
}

public sealed class EiaLine
{
    public ProtectedCharacteristic Characteristic { get; set; }
    public EqualityImpact Impact { get; set; }
    [MaxLength(2000)]
    public string? Rationale { get; set; }
}

using Evenhand.Common;
using Evenhand.HateIncidents.Rules;

namespace Evenhand.HateIncidents;

/// <summary>A policy as edited on the policy page. Each setting that departs from the Code's default carries a rationale.</summary>
public sealed record HatePolicySettings(
    AssessorPolicy Assessors,
    string? AssessorsRationale,
    int ReviewTargetHours,
    string? ReviewTargetRationale,
    IReadOnlyList<string> AdditionalCharacteristics,
    string? AdditionalCharacteristicsRationale,
    int RetentionReviewMonths,
    string? RetentionRationale,
    bool TellSubject,
    string? TellSubjectRationale,
    int SubjectReplyDays,
    string? SubjectReplyRationale,
    bool CallTakersMaySeePersonalData,
    string? PersonalDataVisibilityRationale,
    string RuleSetId,
    DateOnly? RuleSetFrom)
{
    /// <summary>Days after the review within which the subject is told (see <see cref="RetentionDefaults.TellSubjectWithinDays"/>).</summary>
    public int TellSubjectWithinDays { get; init; } = RetentionDefaults.TellSubjectWithinDays;

    public string? TellSubjectWithinDaysRationale { get; init; }
}

/// <summary>One line of the policy page: the force's rule beside the Code's, and the rationale for any difference (recommendation 20).</summary>
public sealed record PolicyComparisonRow(string Setting, string ForceRule, string CodeDefault, bool Differs, string? Rationale);

public sealed partial class ForceHatePolicy
{
    /// <summary>A policy with the Code's defaults, for a force that has not written its own yet.</summary>
    public static ForceHatePolicy Default(int forceId) => new() { ForceId = forceId };

    /// <summary>Every characteristic an assessment may name under this policy: the rule set's and the force's additions.</summary>
    public IReadOnlyList<string> KnownCharacteristics(IAssessmentRuleSet ruleSet) =>
        [.. ruleSet.ParticularCharacteristics, .. AdditionalCharacteristics.Where(c => !ruleSet.ParticularCharacteristics.Contains(c))];

    /// <summary>The rule set in force on <paramref name="on"/>: a successor adopted from a date applies from that date only.</summary>
    public string RuleSetOn(DateOnly on) =>
        RuleSetFrom is { } from && on < from ? PreviousRuleSetId ?? RuleSetRegistry.DefaultId : RuleSetId;

    /// <summary>The policy form's fields, top to bottom: the order its refusals are listed in.</summary>
    private static readonly string[] FormOrder =
    [
        nameof(HatePolicySettings.AssessorsRationale), nameof(HatePolicySettings.ReviewTargetHours), nameof(HatePolicySettings.ReviewTargetRationale),
        nameof(HatePolicySettings.AdditionalCharacteristics), nameof(HatePolicySettings.AdditionalCharacteristicsRationale),
        nameof(HatePolicySettings.RetentionReviewMonths), nameof(HatePolicySettings.RetentionRationale), nameof(HatePolicySettings.TellSubjectRationale),
        nameof(HatePolicySettings.TellSubjectWithinDays), nameof(HatePolicySettings.TellSubjectWithinDaysRationale),
        nameof(HatePolicySettings.SubjectReplyDays), nameof(HatePolicySettings.SubjectReplyRationale),
        nameof(HatePolicySettings.PersonalDataVisibilityRationale), nameof(HatePolicySettings.RuleSetId),
    ];

    /// <summary>
    /// Changes the policy; refuses a setting outside its range or a departure from the Code without a rationale, each against
    /// its own field (the settings' property names, which are the form's), all at once and in the form's order.
    /// </summary>
    public void Update(HatePolicySettings s, ProcessContext ctx)
    {
        var problems = new FieldProblems();
        if (s.ReviewTargetHours is < 1 or > 24 * 30)
        {
            problems.Add(nameof(s.ReviewTargetHours), "The review target must be between 1 and 720 hours.");
        }

        if (s.RetentionReviewMonths is < 1 or > 120)
        {
            problems.Add(nameof(s.RetentionReviewMonths), "The retention review period must be between 1 and 120 months.");
        }

        if (s.TellSubjectWithinDays is < 1 or > 90)
        {
            problems.Add(nameof(s.TellSubjectWithinDays), "The time to tell a subject must be between 1 and 90 days.");
        }

        if (s.SubjectReplyDays is < 1 or > 365)
        {
            problems.Add(nameof(s.SubjectReplyDays), "The time to answer a subject must be between 1 and 365 days.");
        }

        if (!RuleSetRegistry.TryGet(s.RuleSetId, out var ruleSet))
        {
            problems.Add(nameof(s.RuleSetId), $"'{s.RuleSetId}' is not a known rule set.");
        }

        var added = new List<string>();
        foreach (var raw in s.AdditionalCharacteristics)
        {
            var c = raw.Trim().ToLowerInvariant().Replace(' ', '-');
            if (c.Length == 0 || added.Contains(c))
            {
                continue;
            }

            if (c.Length > 40 || !c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
            {
                problems.Add(nameof(s.AdditionalCharacteristics), $"'{raw.Trim()}' is not a usable characteristic name: use letters, numbers and hyphens (at most 40).");
                continue;
            }

            if (ruleSet is not null && ruleSet.ParticularCharacteristics.Contains(c))
            {
                continue; // already one of the Code's
            }

            added.Add(c);
        }

        void NeedsRationale(bool differs, string? rationale, string field, string what)
        {
            if (differs && string.IsNullOrWhiteSpace(rationale))
            {
                problems.Add(field, $"Give the rationale for {what}: it differs from the Code of Practice (recommendation 20).");
            }
        }

        NeedsRationale(s.Assessors != AssessorPolicy.CallTaker, s.AssessorsRationale, nameof(s.AssessorsRationale), "who assesses reports");
        NeedsRationale(s.ReviewTargetHours != RetentionDefaults.ReviewTargetHours, s.ReviewTargetRationale, nameof(s.ReviewTargetRationale), "the review target");
        NeedsRationale(added.Count > 0, s.AdditionalCharacteristicsRationale, nameof(s.AdditionalCharacteristicsRationale), "the characteristics your force adds");
        NeedsRationale(s.RetentionReviewMonths != RetentionDefaults.ReviewMonths, s.RetentionRationale, nameof(s.RetentionRationale), "the retention review period");
        NeedsRationale(!s.TellSubject, s.TellSubjectRationale, nameof(s.TellSubjectRationale), "not telling subjects");
        NeedsRationale(s.TellSubject && s.TellSubjectWithinDays > RetentionDefaults.TellSubjectWithinDays, s.TellSubjectWithinDaysRationale,
            nameof(s.TellSubjectWithinDaysRationale), "taking longer to tell subjects (the Code says they are told promptly)");
        NeedsRationale(s.SubjectReplyDays != RetentionDefaults.SubjectReplyDays, s.SubjectReplyRationale, nameof(s.SubjectReplyRationale), "the time to answer a subject");
        NeedsRationale(s.CallTakersMaySeePersonalData, s.PersonalDataVisibilityRationale, nameof(s.PersonalDataVisibilityRationale), "letting call takers see subjects' personal data");
        problems.ThrowIfAny(FormOrder);

        if (s.RuleSetId != RuleSetId)
        {
            PreviousRuleSetId = RuleSetId;
            RuleSetId = s.RuleSetId;
            RuleSetFrom = s.RuleSetFrom ?? UkTime.Date(ctx.Now);
        }
        else if (s.RuleSetFrom is not null)
        {
            RuleSetFrom = s.RuleSetFrom;
        }

        Assessors = s.Assessors;
        AssessorsRationale = Clean(s.AssessorsRationale);
        ReviewTargetHours = s.ReviewTargetHours;
        ReviewTargetRationale = Clean(s.ReviewTargetRationale);
        AdditionalCharacteristics = added;
        AdditionalCharacteristicsRationale = Clean(s.AdditionalCharacteristicsRationale);
        RetentionReviewMonths = s.RetentionReviewMonths;
        RetentionRationale = Clean(s.RetentionRationale);
        TellSubject = s.TellSubject;
        TellSubjectRationale = Clean(s.TellSubjectRationale);
        TellSubjectWithinDays = s.TellSubjectWithinDays;
        TellSubjectWithinDaysRationale = Clean(s.TellSubjectWithinDaysRationale);
        SubjectReplyDays = s.SubjectReplyDays;
        SubjectReplyRationale = Clean(s.SubjectReplyRationale);
        CallTakersMaySeePersonalData = s.CallTakersMaySeePersonalData;
        PersonalDataVisibilityRationale = Clean(s.PersonalDataVisibilityRationale);
        UpdatedAt = ctx.Now;
        UpdatedBy = ctx.UserName;
        Bump();
    }

    /// <summary>The force's rules beside the Code's defaults, each difference with its rationale.</summary>
    public IReadOnlyList<PolicyComparisonRow> CompareWithCode()
    {
        var code = RuleSetRegistry.Default;
        return
        [
            new("Who assesses a report", Assessors == AssessorPolicy.CallTaker ? "The call taker" : "A hate crime specialist (triage)",
                "The call taker, referring NCHIs for specialist review (NCHI APP)", Assessors != AssessorPolicy.CallTaker, AssessorsRationale),
            new("Specialist review target", Hours(ReviewTargetHours), $"{Hours(RetentionDefaults.ReviewTargetHours)} (effective practice, HMICFRS 2024)",
                ReviewTargetHours != RetentionDefaults.ReviewTargetHours, ReviewTargetRationale),
            new("Characteristics", string.Join(", ", KnownCharacteristics(RuleSetRegistry.TryGet(RuleSetId, out var r) ? r : code).Select(c => c.Replace('-', ' '))),
                string.Join(", ", code.ParticularCharacteristics.Select(c => c.Replace('-', ' '))), AdditionalCharacteristics.Count > 0, AdditionalCharacteristicsRationale),
            new("Review of retained personal data", $"Every {RetentionReviewMonths} months", $"Every {RetentionDefaults.ReviewMonths} months",
                RetentionReviewMonths != RetentionDefaults.ReviewMonths, RetentionRationale),
            new("Telling the subject", TellSubject ? "Told, unless that creates a safeguarding risk" : "Not told",
                "Told, unless that creates a safeguarding risk", !TellSubject, TellSubjectRationale),
            new("Time to tell the subject", TellSubject ? $"Within {TellSubjectWithinDays} days of the specialist review" : "Not told",
                $"Promptly (Evenhand's default: within {RetentionDefaults.TellSubjectWithinDays} days of the specialist review)",
                TellSubject && TellSubjectWithinDays > RetentionDefaults.TellSubjectWithinDays, TellSubjectWithinDaysRationale),
            new("Answering a subject's reply", $"Within {SubjectReplyDays} days", $"Within {RetentionDefaults.SubjectReplyDays} days",
                SubjectReplyDays != RetentionDefaults.SubjectReplyDays, SubjectReplyRationale),
            new("Who may see the subject's personal data",
                CallTakersMaySeePersonalData ? "Specialists, the force crime registrar and call takers" : "Specialists and the force crime registrar",
                "Only those who need it: specialists and the force crime registrar", CallTakersMaySeePersonalData, PersonalDataVisibilityRationale),
        ];
    }

    private static string Hours(int h) => h % 24 == 0 ? $"{h / 24} day{(h == 24 ? "" : "s")} ({h} hours)" : $"{h} hours";

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

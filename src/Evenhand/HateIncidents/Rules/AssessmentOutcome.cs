namespace Evenhand.HateIncidents.Rules;

/// <summary>What is recorded for a hate-related report.</summary>
public enum AssessmentOutcome
{
    /// <summary>A crime perceived to be motivated by hostility or prejudice: recorded as a crime, not as an NCHI.</summary>
    HateCrime,

    /// <summary>An NCHI record without the subject's personal data.</summary>
    Nchi,

    /// <summary>An NCHI record that includes the subject's personal data (the Code's additional threshold is met).</summary>
    NchiWithPersonalData,

    /// <summary>No hate-incident record (and no personal data of the subject).</summary>
    NoRecord,
}

/// <summary>When a specialist (hate crime, community cohesion or diversity team) reviews the assessment.</summary>
public enum SpecialistReview
{
    /// <summary>Refer for specialist review before any deployment.</summary>
    Required,

    /// <summary>Immediate risk: deploy first, then refer for specialist review.</summary>
    AfterDeployment,

    /// <summary>No specialist NCHI review (a crime, or no record).</summary>
    NotRequired,
}

/// <summary>The stable text keys of the outcomes and reviews, used in JSON, the database and codes.</summary>
public static class AssessmentKeys
{
    /// <summary>A characteristic as the rules key it: "Sexual orientation", "sexual-orientation" and "SEXUAL ORIENTATION" are all "sexual-orientation".</summary>
    public static string CharacteristicKey(string? characteristic) => AssessmentContext.Normalise(characteristic);

    public static string ToKey(this AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.HateCrime => "hate-crime",
        AssessmentOutcome.Nchi => "nchi",
        AssessmentOutcome.NchiWithPersonalData => "nchi-with-personal-data",
        AssessmentOutcome.NoRecord => "no-record",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string ToKey(this SpecialistReview review) => review switch
    {
        SpecialistReview.Required => "required",
        SpecialistReview.AfterDeployment => "after-deployment",
        SpecialistReview.NotRequired => "not-required",
        _ => throw new ArgumentOutOfRangeException(nameof(review), review, null),
    };

    /// <summary>Plain words for people: "hate crime", "NCHI without the subject's personal data", …</summary>
    public static string Describe(this AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.HateCrime => "Hate crime",
        AssessmentOutcome.Nchi => "Non-crime hate incident, without the subject's personal data",
        AssessmentOutcome.NchiWithPersonalData => "Non-crime hate incident, with the subject's personal data",
        AssessmentOutcome.NoRecord => "No hate-incident record",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Describe(this SpecialistReview review) => review switch
    {
        SpecialistReview.Required => "Required before any deployment",
        SpecialistReview.AfterDeployment => "After deployment (immediate risk)",
        SpecialistReview.NotRequired => "Not required",
        _ => throw new ArgumentOutOfRangeException(nameof(review), review, null),
    };

    public static AssessmentOutcome ParseOutcome(string key)
    {
        foreach (var outcome in Enum.GetValues<AssessmentOutcome>())
        {
            if (outcome.ToKey() == key)
            {
                return outcome;
            }
        }

        throw new ArgumentException(
            $"'{key}' is not an assessment outcome. Use one of: {string.Join(", ", Enum.GetValues<AssessmentOutcome>().Select(o => o.ToKey()))}.", nameof(key));
    }

    public static SpecialistReview ParseSpecialistReview(string key)
    {
        foreach (var review in Enum.GetValues<SpecialistReview>())
        {
            if (review.ToKey() == key)
            {
                return review;
            }
        }

        throw new ArgumentException(
            $"'{key}' is not a specialist review value. Use one of: {string.Join(", ", Enum.GetValues<SpecialistReview>().Select(r => r.ToKey()))}.", nameof(key));
    }
}

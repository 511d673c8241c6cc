namespace Evenhand.HateIncidents.Rules;

// The steps Code2023Rev2RuleSet adds to those of Code2023RuleSet (sources as cited in Code2023Steps.cs).

/// <summary>
/// A characteristic neither the Code nor the force has adopted does not count (Code of Practice: the five characteristics; a
/// force may add others in its policy). It is a decision with a reason naming the adopted list, not a refused input.
/// </summary>
internal sealed class NotAdoptedCharacteristicStep : IAssessmentStep
{
    public AssessmentOutcome? Decide(AssessmentContext c)
    {
        if (c.NotAdopted.Count == 0)
        {
            return null;
        }

        var named = AssessmentContext.JoinWords(c.NotAdopted.Select(n => $"\"{n}\"").ToList());
        var adopted = AssessmentContext.JoinWords(c.Adopted.Select(AssessmentContext.Words).ToList());
        c.Reasons.Add(
            $"Code of Practice: {named} {(c.NotAdopted.Count == 1 ? "is not a characteristic" : "are not characteristics")} your force has adopted. " +
            $"Your force's adopted characteristics are {adopted}; a force may adopt others in its policy. " +
            (c.Characteristics.Count == 0
                ? "No hate-incident record is made for hostility towards " + (c.NotAdopted.Count == 1 ? "it." : "them.")
                : "Only the adopted ones count in this assessment."));
        return null; // the later steps decide, on the adopted characteristics only
    }
}

/// <summary>
/// No NCHI is recorded where there is no basis to conclude that the incident was motivated by intentional hostility;
/// perception alone is not enough (Code of Practice para 20).
/// </summary>
internal sealed class NoBasisToConcludeIntentionalHostilityStep : IAssessmentStep
{
    public AssessmentOutcome? Decide(AssessmentContext c)
    {
        switch (c.Answers.BasisToConcludeIntentionalHostility)
        {
            case true:
                return null;
            case null:
                c.Reasons.Add(
                    "Code of Practice para 20: whether there is a basis to conclude that the incident was motivated by intentional hostility was not answered, " +
                    "so it is treated as not established. Perception alone is not enough: no NCHI is recorded and none of the subject's personal data is kept.");
                return AssessmentOutcome.NoRecord;
            default:
                c.Reasons.Add(
                    "Code of Practice para 20: there is no basis to conclude that the incident was motivated by intentional hostility, and perception alone is not enough. " +
                    "No NCHI is recorded and none of the subject's personal data is kept.");
                return AssessmentOutcome.NoRecord;
        }
    }
}

/// <summary>
/// School-aged children on school premises: the school's management and safeguarding arrangements deal with it (NCHI APP;
/// HMICFRS 2024 ch. 6), so the officer refers it there, and makes a safeguarding referral where a child is at real risk of
/// significant harm.
/// </summary>
internal static class SchoolReferral
{
    public static void Advise(AssessmentContext c, AssessmentOutcome outcome)
    {
        if (!c.Answers.SchoolChildrenOnSchoolPremises || outcome is not AssessmentOutcome.NoRecord || c.Answers.IsCrime)
        {
            return;
        }

        c.Reasons.Add(
            "Referral: tell the school's management and its designated safeguarding lead about the report, so that the school deals with it " +
            "under its own behaviour and safeguarding arrangements (NCHI APP).");
        if (c.Answers.RealRiskOfSignificantHarm)
        {
            c.Reasons.Add(
                "Safeguarding referral: there is a real risk of significant harm, so also make a safeguarding referral for the child or children at risk " +
                "(to the local authority's children's services, under your force's safeguarding procedures), and tell the designated safeguarding lead that you have.");
        }
    }
}

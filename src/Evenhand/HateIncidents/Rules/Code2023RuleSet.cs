namespace Evenhand.HateIncidents.Rules;

/// <summary>
/// The Home Office NCHI Code of Practice (in force 3 June 2023) and the College of Policing APP on responding to NCHIs
/// (2023), as HMICFRS described them in chapter 6 of its 2024 report. The steps run in the APP's order; the first that
/// decides stops the assessment:
/// <list type="number">
/// <item>crime with perceived hostility towards a characteristic → hate crime;</item>
/// <item>crime without it → no hate-incident record (recorded as an ordinary crime);</item>
/// <item>no perceived hostility, or none towards a characteristic → no record;</item>
/// <item>trivial, irrational or malicious → no record;</item>
/// <item>school-aged children on school premises → no record (the school deals with it);</item>
/// <item>lawful freedom of expression, with neither real risk → no record;</item>
/// <item>otherwise an NCHI: with the subject's personal data only where there is a real risk of significant harm and/or of a
/// future criminal offence (and then a written rationale is required), else without it.</item>
/// </list>
/// Every NCHI is referred for specialist review, after deployment where there is an immediate risk.
/// </summary>
public sealed class Code2023RuleSet : IAssessmentRuleSet
{
    public const string RuleSetId = "code-2023";

    private static readonly IAssessmentStep[] Steps =
    [
        new HateCrimeStep(),
        new CrimeWithoutHostilityStep(),
        new NoPerceivedHostilityStep(),
        new TrivialIrrationalOrMaliciousStep(),
        new SchoolPremisesStep(),
        new LawfulExpressionStep(),
        new PersonalDataThresholdStep(),
    ];

    public string Id => RuleSetId;

    public string Name => "Home Office NCHI Code of Practice (2023) and College of Policing APP";

    public string Version => "1.0";

    /// <summary>The Code's particular characteristics (those of the hate crime legislation).</summary>
    public IReadOnlyList<string> ParticularCharacteristics { get; } =
        ["race", "religion", "disability", "sexual-orientation", "transgender-identity"];

    /// <summary>The structured questions in the APP's order (HMICFRS 2024 ch. 6: gathering information, then assessment).</summary>
    public IReadOnlyList<AssessmentQuestion> Questions { get; } =
    [
        new("isCrime",
            "Does the report disclose a crime?",
            "Answer by the Home Office Crime Recording Rules. A crime with perceived hostility is a hate crime and is recorded as a crime, not as an NCHI. " +
            "A matter between school-aged children on school premises that the rules let the school deal with is not recorded as a crime."),
        new("perceivedHostility",
            "Does the complainant, or anyone other than the subject, perceive the act to be motivated wholly or partly by hostility or prejudice towards people with a particular characteristic?",
            "Name the characteristics: race, religion, disability, sexual orientation, transgender identity, and any your force has added. " +
            "Do not challenge the complainant's perception; ask why they hold it (NCHI APP)."),
        new("trivialIrrationalOrMalicious",
            "Is the complaint trivial, irrational or malicious?",
            "Perception alone is not enough for an NCHI (Code of Practice para 20). Answer yes too where there is no basis to conclude the act was " +
            "motivated by hostility, for example a check that a bank makes of every customer."),
        new("schoolChildrenOnSchoolPremises",
            "Does it concern school-aged children on school premises?",
            "The school is best placed to deal with it; the police record neither an NCHI nor the subject's personal data (NCHI APP)."),
        new("lawfulFreedomOfExpression",
            "Is the subject expressing lawfully held views (freedom of expression)?",
            "Debate, humour, satire and lawfully held views, lawfully expressed, are not by themselves grounds for an NCHI, even if they offend (Code of Practice)."),
        new("realRiskOfSignificantHarm",
            "Is there a real risk of significant harm to individuals or groups with a particular characteristic?",
            "This, or a real risk of a future criminal offence, is the only ground for including the subject's personal data in an NCHI (Code of Practice para 21). " +
            "If you answer yes, record your rationale."),
        new("realRiskOfFutureOffence",
            "Is there a real risk that a future criminal offence may be committed against individuals or groups with a particular characteristic?",
            "As above: a yes allows the subject's personal data in the NCHI record, with a written rationale (Code of Practice para 21)."),
        new("immediateRisk",
            "Is there an immediate risk of harm?",
            "If so, deploy now (considering PLANE) and refer for specialist review afterwards; otherwise a specialist reviews before any deployment (NCHI APP)."),
    ];

    public AssessmentDecision Assess(AssessmentAnswers a, IReadOnlyCollection<string>? forceAdditionalCharacteristics = null)
    {
        var context = AssessmentContext.Create(a, ParticularCharacteristics, forceAdditionalCharacteristics);
        var outcome = Decide(context);

        if (context.ForceAddedInUse.Count > 0 && outcome is not AssessmentOutcome.NoRecord)
        {
            // The Code lets forces extend the characteristics (HMICFRS 2024 ch. 6); say so, as the national data will not show it.
            context.Reasons.Add(
                $"Force policy: {AssessmentContext.JoinWords(context.ForceAddedInUse.Select(AssessmentContext.Words).ToList())} " +
                $"{(context.ForceAddedInUse.Count == 1 ? "is a characteristic" : "are characteristics")} your force has added to the Code's five; " +
                "the Code allows forces to extend them where necessary.");
        }

        var review = SpecialistReviewRule.Decide(outcome, a.ImmediateRisk, context.Reasons);
        return new AssessmentDecision(
            outcome,
            SubjectPersonalDataAllowed: outcome is AssessmentOutcome.HateCrime or AssessmentOutcome.NchiWithPersonalData,
            review,
            context.Reasons.ToList(),
            Id,
            RationaleRequired: outcome is AssessmentOutcome.NchiWithPersonalData);
    }

    private static AssessmentOutcome Decide(AssessmentContext context)
    {
        foreach (var step in Steps)
        {
            if (step.Decide(context) is { } outcome)
            {
                return outcome;
            }
        }

        throw new InvalidOperationException("The last step always decides."); // PersonalDataThresholdStep
    }
}

namespace Evenhand.HateIncidents.Rules;

/// <summary>
/// The successor of <see cref="Code2023RuleSet"/>: the same Code of Practice (2023) and APP, with the Code's second recording
/// test asked in its own right. code-2023 asked only whether a report was trivial, irrational or malicious, and so recorded an
/// NCHI on perception alone; the Code also records none where there is no basis to conclude that the incident was motivated by
/// intentional hostility. Decisions stored under code-2023 would change, so this is a new rule set and code-2023 stays as it was
/// for the assessments made under it. The steps, in the APP's order; the first that decides stops the assessment:
/// <list type="number">
/// <item>crime with perceived hostility towards an adopted characteristic → hate crime;</item>
/// <item>crime without it → no hate-incident record (recorded as an ordinary crime);</item>
/// <item>no perceived hostility, or none towards a characteristic the Code or the force has adopted → no record, naming the
/// force's list (a characteristic it has not adopted is a decision, not an input error);</item>
/// <item>trivial, irrational or malicious → no record;</item>
/// <item>no basis to conclude intentional hostility (or not answered) → no record;</item>
/// <item>school-aged children on school premises → no record, with the referral to the school (and a safeguarding referral
/// where there is a real risk of significant harm);</item>
/// <item>lawful freedom of expression, with neither real risk → no record;</item>
/// <item>otherwise an NCHI, with the subject's personal data only where there is a real risk (and a written rationale).</item>
/// </list>
/// </summary>
public sealed class Code2023Rev2RuleSet : IAssessmentRuleSet
{
    public const string RuleSetId = "code-2023-r2";

    private static readonly IAssessmentStep[] Steps =
    [
        new NotAdoptedCharacteristicStep(),
        new HateCrimeStep(),
        new CrimeWithoutHostilityStep(),
        new NoPerceivedHostilityStep(),
        new TrivialIrrationalOrMaliciousStep(),
        new NoBasisToConcludeIntentionalHostilityStep(),
        new SchoolPremisesStep(),
        new LawfulExpressionStep(),
        new PersonalDataThresholdStep(),
    ];

    public string Id => RuleSetId;

    public string Name => "Home Office NCHI Code of Practice (2023) and College of Policing APP, with the intentional-hostility test";

    public string Version => "2.0";

    public IReadOnlyList<string> ParticularCharacteristics { get; } = new Code2023RuleSet().ParticularCharacteristics;

    public IReadOnlyList<AssessmentQuestion> Questions { get; } = BuildQuestions();

    private static List<AssessmentQuestion> BuildQuestions()
    {
        var earlier = new Code2023RuleSet().Questions.ToList();
        var trivial = earlier.FindIndex(q => q.Key == "trivialIrrationalOrMalicious");
        earlier[trivial] = new("trivialIrrationalOrMalicious",
            "Is the complaint trivial, irrational or malicious?",
            "For example a complaint about a look with nothing said or done, one that makes no sense, or one made to cause trouble for the subject. " +
            "If so, no NCHI is recorded (Code of Practice para 20).");
        earlier.Insert(trivial + 1, new("basisToConcludeIntentionalHostility",
            "Is there a basis to conclude that the incident was motivated by intentional hostility?",
            "Perception alone is not enough (Code of Practice para 20). Look for something said, written or done that shows hostility towards the characteristic, " +
            "not only the complainant's feeling. A check a bank makes of every customer, or a question asked out of curiosity, is no such basis. " +
            "If there is none, no NCHI is recorded."));
        return earlier;
    }

    public AssessmentDecision Assess(AssessmentAnswers a, IReadOnlyCollection<string>? forceAdditionalCharacteristics = null)
    {
        var context = AssessmentContext.Create(a, ParticularCharacteristics, forceAdditionalCharacteristics, refuseNotAdopted: false);
        AssessmentOutcome? decided = null;
        foreach (var step in Steps)
        {
            if (step.Decide(context) is { } outcome)
            {
                decided = outcome;
                break;
            }
        }

        var final = decided ?? throw new InvalidOperationException("The last step always decides."); // PersonalDataThresholdStep
        if (context.ForceAddedInUse.Count > 0 && final is not AssessmentOutcome.NoRecord)
        {
            // The Code lets forces extend the characteristics (HMICFRS 2024 ch. 6); say so, as the national data will not show it.
            context.Reasons.Add(
                $"Force policy: {AssessmentContext.JoinWords(context.ForceAddedInUse.Select(AssessmentContext.Words).ToList())} " +
                $"{(context.ForceAddedInUse.Count == 1 ? "is a characteristic" : "are characteristics")} your force has added to the Code's five; " +
                "the Code allows forces to extend them where necessary.");
        }

        SchoolReferral.Advise(context, final);
        var review = SpecialistReviewRule.Decide(final, a.ImmediateRisk, context.Reasons);
        return new AssessmentDecision(
            final,
            SubjectPersonalDataAllowed: final is AssessmentOutcome.HateCrime or AssessmentOutcome.NchiWithPersonalData,
            review,
            context.Reasons.ToList(),
            Id,
            RationaleRequired: final is AssessmentOutcome.NchiWithPersonalData);
    }
}

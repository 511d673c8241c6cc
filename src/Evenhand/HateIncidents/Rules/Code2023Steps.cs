namespace Evenhand.HateIncidents.Rules;

// The steps of Code2023RuleSet, in the order it runs them. Sources, cited in the reasons by short name:
//   "Code of Practice para N" – Home Office, Non-Crime Hate Incidents: Code of Practice on the Recording and Retention of
//                               Personal Data (in force 3 June 2023); only paragraphs whose text was read are cited by number.
//   "NCHI APP"                – College of Policing APP, Responding to non-crime hate incidents (2023), as the HMICFRS report
//                               summarises it.
//   "HMICFRS 2024 ch. 6"      – An inspection into activism and impartiality in policing (Sept 2024), chapter 6.
//   "PCSC Act 2022 s60"       – Police, Crime, Sentencing and Courts Act 2022, the power under which the Code is issued.

/// <summary>A crime perceived to be motivated by hostility towards a characteristic is a hate crime (HMICFRS 2024 ch. 6; PCSC Act 2022 s60(4)).</summary>
internal sealed class HateCrimeStep : IAssessmentStep
{
    public AssessmentOutcome? Decide(AssessmentContext c)
    {
        if (!c.Answers.IsCrime || !c.HostilityTowardsACharacteristic)
        {
            return null;
        }

        c.Reasons.Add(
            $"Home Office Crime Recording Rules: the report discloses a crime and hostility or prejudice towards {c.CharacteristicWords} is perceived, " +
            "so it is recorded as a hate crime, not as a non-crime hate incident.");
        c.Reasons.Add(
            "PCSC Act 2022 s60(4): the NCHI Code does not govern personal data processed for a criminal investigation, " +
            "so the subject's personal data is recorded as for any crime.");
        if (c.Answers.SchoolChildrenOnSchoolPremises)
        {
            c.Reasons.Add(
                "HMICFRS 2024 ch. 6: the report involves school-aged children on school premises. Check that the Crime Recording Rules " +
                "really require a crime record here; where the school can deal with it, answer that the report does not disclose a crime " +
                "(the inspection found seven school incidents wrongly recorded as crimes or NCHIs).");
        }

        return AssessmentOutcome.HateCrime;
    }
}

/// <summary>A crime with no perceived hostility towards a characteristic is not hate-related: a crime record only (PCSC Act 2022 s60(2)).</summary>
internal sealed class CrimeWithoutHostilityStep : IAssessmentStep
{
    public AssessmentOutcome? Decide(AssessmentContext c)
    {
        if (!c.Answers.IsCrime)
        {
            return null;
        }

        c.Reasons.Add(
            "PCSC Act 2022 s60(2): the report discloses a crime, but no hostility or prejudice towards a particular characteristic is perceived, " +
            "so it is not a hate-related incident. Record it as a crime in the usual way; no hate-incident record is made.");
        return AssessmentOutcome.NoRecord;
    }
}

/// <summary>Without perceived hostility towards a particular characteristic there is no hate incident (Code of Practice para 11).</summary>
internal sealed class NoPerceivedHostilityStep : IAssessmentStep
{
    public AssessmentOutcome? Decide(AssessmentContext c)
    {
        if (c.HostilityTowardsACharacteristic)
        {
            return null;
        }

        c.Reasons.Add(c.Answers.PerceivedHostility
            ? "Code of Practice para 11: an NCHI needs hostility or prejudice perceived towards people with a particular characteristic. " +
              "Hostility is perceived here, but towards no characteristic the Code or the force's policy recognises, so no hate-incident record is made."
            : "Code of Practice para 11: an NCHI is an act perceived by someone other than the subject to be motivated by hostility or prejudice " +
              "towards people with a particular characteristic. No one perceives that here, so no hate-incident record is made.");
        return AssessmentOutcome.NoRecord;
    }
}

/// <summary>Perception alone is not enough: a trivial, irrational or malicious complaint is not recorded (Code of Practice para 20; NCHI APP).</summary>
internal sealed class TrivialIrrationalOrMaliciousStep : IAssessmentStep
{
    public AssessmentOutcome? Decide(AssessmentContext c)
    {
        if (!c.Answers.TrivialIrrationalOrMalicious)
        {
            return null;
        }

        c.Reasons.Add(
            "Code of Practice para 20: the perception of hostility alone is not enough to record an NCHI. " +
            "The complaint is trivial, irrational or malicious, so no NCHI is recorded and none of the subject's personal data is kept.");
        return AssessmentOutcome.NoRecord;
    }
}

/// <summary>School-aged children on school premises: the school deals with it, the police make no record (NCHI APP; HMICFRS 2024 ch. 6).</summary>
internal sealed class SchoolPremisesStep : IAssessmentStep
{
    public AssessmentOutcome? Decide(AssessmentContext c)
    {
        if (!c.Answers.SchoolChildrenOnSchoolPremises)
        {
            return null;
        }

        c.Reasons.Add(
            "NCHI APP: the incident concerns school-aged children on school premises, which the school is best placed to deal with. " +
            "The police record neither an NCHI nor the subject's personal data.");
        return AssessmentOutcome.NoRecord;
    }
}

/// <summary>Lawfully expressed views are not, by themselves, grounds for an NCHI (the Code; NCHI APP).</summary>
internal sealed class LawfulExpressionStep : IAssessmentStep
{
    public AssessmentOutcome? Decide(AssessmentContext c)
    {
        if (!c.Answers.LawfulFreedomOfExpression)
        {
            return null;
        }

        if (!c.RealRisk)
        {
            c.Reasons.Add(
                "Code of Practice: debate, humour, satire and lawfully held views, lawfully expressed, are not by themselves grounds for an NCHI, " +
                "and there is no real risk of significant harm or of a future criminal offence. No NCHI is recorded.");
            return AssessmentOutcome.NoRecord;
        }

        // The Code says lawful expression is not grounds "by itself"; the APP's criterion reads as a bar. The Code prevails:
        // where the Code's own risk threshold is met the views are not the only ground, so the assessment goes on.
        c.Reasons.Add(
            "Code of Practice: the subject is expressing lawfully held views, which are not by themselves grounds for an NCHI; " +
            "it is recorded only because of the real risk identified below, not because of the views.");
        return null;
    }
}

/// <summary>The additional threshold for the subject's personal data: real risk of significant harm or of a future offence (Code of Practice paras 21, 23).</summary>
internal sealed class PersonalDataThresholdStep : IAssessmentStep
{
    public AssessmentOutcome? Decide(AssessmentContext c)
    {
        var a = c.Answers;
        if (c.RealRisk)
        {
            var risks = new List<string>();
            if (a.RealRiskOfSignificantHarm)
            {
                risks.Add("a real risk of significant harm");
            }

            if (a.RealRiskOfFutureOffence)
            {
                risks.Add("a real risk of a future criminal offence");
            }

            c.Reasons.Add(
                $"Code of Practice para 21: there is {AssessmentContext.JoinWords(risks)} affecting individuals or groups with a particular " +
                $"characteristic ({c.CharacteristicWords}), so the NCHI may include the subject's personal data. " +
                "Record a written rationale for including it; the force's policy must say how (HMICFRS 2024 recommendation 20).");
            return AssessmentOutcome.NchiWithPersonalData;
        }

        c.Reasons.Add(
            $"Code of Practice paras 21 and 23: record an NCHI ({c.CharacteristicWords}) without the subject's personal data, because there is " +
            "no real risk of significant harm or of a future criminal offence. Remove any personal data of the subject already recorded about this report; " +
            "the complainant's details and the location and circumstances may be kept.");
        return AssessmentOutcome.Nchi;
    }
}

/// <summary>Every NCHI goes to a specialist for review, after deployment where there is an immediate risk (NCHI APP; HMICFRS 2024 recommendation 18).</summary>
internal static class SpecialistReviewRule
{
    public static SpecialistReview Decide(AssessmentOutcome outcome, bool immediateRisk, List<string> reasons)
    {
        if (outcome is not (AssessmentOutcome.Nchi or AssessmentOutcome.NchiWithPersonalData))
        {
            if (immediateRisk)
            {
                reasons.Add("An immediate risk of harm was reported: respond to it now in the usual way. It does not change the hate-incident outcome.");
            }

            return SpecialistReview.NotRequired;
        }

        if (immediateRisk)
        {
            reasons.Add(
                "NCHI APP: there is an immediate risk of harm, so deploy now, considering PLANE (proportionality, lawfulness, accountability, " +
                "necessity, ethics), and refer the NCHI for specialist review afterwards.");
            return SpecialistReview.AfterDeployment;
        }

        reasons.Add(
            "NCHI APP: refer the NCHI to a specialist (for example a hate crime or community cohesion team) for review before deciding on any deployment. " +
            "The review checks the codes, closes trivial, irrational or malicious reports and deletes personal data recorded without a lawful basis.");
        return SpecialistReview.Required;
    }
}

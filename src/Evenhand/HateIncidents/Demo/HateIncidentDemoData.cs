using Evenhand.Common;
using Evenhand.Data;
using Evenhand.HateIncidents.Codes;
using Evenhand.HateIncidents.Rules;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.HateIncidents.Demo;

/// <summary>What to generate for one force: its reference prefix, its areas (wards) and the characteristics its policy adds.</summary>
public sealed record DemoForceProfile(string ReferencePrefix, IReadOnlyList<string> Areas, IReadOnlyList<string> AdditionalCharacteristics)
{
    public static DemoForceProfile Default { get; } = new("HI", DemoVocabulary.DefaultAreas, []);
}

/// <summary>
/// Synthetic hate-incident records for the demo forces (issue 3 item 12). Deterministic: the same force, count, seed and
/// "now" always give the same records. Outcomes are computed by the real rule set from the answers; the report's example
/// cases (HMICFRS 2024 ch. 6: the bus, the bank, the ten-year-olds at school, the wheelchair question, the placard) are
/// included for every force. All names are invented.
/// </summary>
public static class HateIncidentDemoData
{
    public const int IncidentsPerForce = 320;

    /// <summary>Fills the demo forces with incidents and a policy each — only when the database has no incidents at all.</summary>
    public static async Task EnsureAsync(EvenhandDbContext db, IReadOnlyList<int> forceIds, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(forceIds);
        ArgumentNullException.ThrowIfNull(time);
        if (forceIds.Count == 0 || await db.HateIncidents.AnyAsync(ct))
        {
            return;
        }

        var now = time.GetUtcNow();
        var forces = await db.Forces.AsNoTracking().Where(f => forceIds.Contains(f.Id)).OrderBy(f => f.Id).ToListAsync(ct);
        foreach (var force in forces)
        {
            var profile = ProfileFor(force.Slug);
            if (!await db.HatePolicies.AnyAsync(p => p.ForceId == force.Id, ct))
            {
                db.HatePolicies.Add(PolicyFor(force.Id, force.Slug, profile, now));
            }

            db.HateIncidents.AddRange(Generate(force.Id, IncidentsPerForce, seed: 7919 * force.Id + 17, now, profile));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The demo profile for a force slug: its own wards and prefix; Hampshire and Isle of Wight adds "sex".</summary>
    public static DemoForceProfile ProfileFor(string slug) => slug switch
    {
        "cheshire" => new("CH", DemoVocabulary.CheshireAreas, []),
        "cleveland" => new("CL", DemoVocabulary.ClevelandAreas, []),
        "hampshire-and-isle-of-wight" => new("HI", DemoVocabulary.HampshireAreas, [SexCharacteristic]),
        "west-midlands" => new("WM", DemoVocabulary.WestMidlandsAreas, []),
        _ => DemoForceProfile.Default with { ReferencePrefix = new string(slug.Where(char.IsLetter).Take(2).ToArray()).ToUpperInvariant() },
    };

    public const string SexCharacteristic = "sex";

    public const string SexRationale =
        "The force's problem profile shows a sustained pattern of misogynistic abuse in the night-time economy. Recording reports " +
        "where hostility towards women is perceived lets the force see hotspots and repeat locations; the Code allows a force to extend " +
        "the characteristics where it considers it necessary (HMICFRS 2024 ch. 6). Subject personal data follows the Code's threshold unchanged.";

    public static ForceHatePolicy PolicyFor(int forceId, string slug, DemoForceProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ForceHatePolicy
        {
            ForceId = forceId,
            // One demo force follows Leicestershire's example: specialists triage instead of call takers (HMICFRS 2024 ch. 6).
            Assessors = slug == "west-midlands" ? AssessorPolicy.SpecialistTriage : AssessorPolicy.CallTaker,
            ReviewTargetHours = 24,
            AdditionalCharacteristics = [.. profile.AdditionalCharacteristics],
            AdditionalCharacteristicsRationale = profile.AdditionalCharacteristics.Count > 0 ? SexRationale : null,
            RuleSetId = RuleSetRegistry.DefaultId,
            RuleSetFrom = new DateOnly(2023, 6, 3),
            UpdatedAt = now,
            UpdatedBy = "Evenhand (demo data)",
        };
    }

    /// <summary>Generates <paramref name="count"/> incidents for a force without saving them (also used by the benchmark).</summary>
    public static List<HateIncident> Generate(int forceId, int count, int seed, DateTimeOffset now) =>
        Generate(forceId, count, seed, now, DemoForceProfile.Default);

    public static List<HateIncident> Generate(int forceId, int count, int seed, DateTimeOffset now, DemoForceProfile profile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(profile);
        var g = new Generator(forceId, seed, now.ToUniversalTime(), profile);
        return g.Run(count);
    }

    private sealed class Generator(int forceId, int seed, DateTimeOffset now, DemoForceProfile profile)
    {
        private const int DaysBack = 548; // about 18 months
        private const int ReviewTargetHours = 24;
        private readonly Random rng = new(seed);
        private readonly IAssessmentRuleSet rules = RuleSetRegistry.Default;
        private readonly List<(string Name, DateOnly Dob)> repeatComplainants = [];
        private readonly List<(string Name, DateOnly Dob)> repeatSubjects = [];
        private readonly List<(string Area, string Location)> hotspots = [];

        public List<HateIncident> Run(int count)
        {
            for (var i = 0; i < 18; i++)
            {
                repeatComplainants.Add((DemoVocabulary.PersonName(rng), RandomDob(rng, 18, 80)));
            }

            for (var i = 0; i < 12; i++)
            {
                repeatSubjects.Add((DemoVocabulary.PersonName(rng), RandomDob(rng, 16, 70)));
            }

            for (var i = 0; i < Math.Min(10, profile.Areas.Count); i++)
            {
                hotspots.Add((Pick(profile.Areas), Pick(DemoVocabulary.Locations)));
            }

            var incidents = new List<HateIncident>(count);
            var examples = count >= 40 ? ExampleCases() : [];
            var random = count - examples.Count;
            for (var i = 0; i < random; i++)
            {
                incidents.Add(RandomIncident());
            }

            incidents.AddRange(examples.Take(count));
            // Chronological references, as a force's system would issue them.
            var ordered = incidents.OrderBy(x => x.ReportedAt).ThenBy(x => x.Circumstances, StringComparer.Ordinal).ToList();
            var perYear = new Dictionary<int, int>();
            foreach (var incident in ordered)
            {
                var year = incident.ReportedAt.Year;
                perYear[year] = perYear.GetValueOrDefault(year) + 1;
                incident.Reference = $"{profile.ReferencePrefix}-{year}-{perYear[year]:D5}";
            }

            return ordered;
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

        private static DateOnly RandomDob(Random r, int minAge, int maxAge) =>
            new DateOnly(2025, 1, 1).AddDays(-r.Next(minAge * 365, maxAge * 365));

        private Guid NextGuid()
        {
            var bytes = new byte[16];
            rng.NextBytes(bytes);
            return new Guid(bytes);
        }

        private string PickCharacteristic()
        {
            // Weighted roughly as in police-recorded hate crime (Home Office statistics: race most common, then sexual
            // orientation, religion, disability and transgender identity).
            var x = rng.NextDouble();
            if (profile.AdditionalCharacteristics.Count > 0 && x < 0.04)
            {
                return Pick(profile.AdditionalCharacteristics);
            }

            return x switch
            {
                < 0.58 => "race",
                < 0.76 => "sexual-orientation",
                < 0.87 => "religion",
                < 0.95 => "disability",
                _ => "transgender-identity",
            };
        }

        private DateTimeOffset RandomReportedAt()
        {
            // Slightly more reports in recent months, and more in the evening.
            var u = Math.Sqrt(rng.NextDouble());
            var day = now.UtcDateTime.Date.AddDays(-(int)((1 - u) * DaysBack));
            var hour = rng.NextDouble() < 0.6 ? rng.Next(15, 24) : rng.Next(0, 24);
            var at = new DateTimeOffset(day.AddHours(hour).AddMinutes(rng.Next(60)), TimeSpan.Zero);
            return at > now ? now.AddMinutes(-rng.Next(5, 600)) : at;
        }

        private HateIncident RandomIncident()
        {
            var reportedAt = RandomReportedAt();
            var characteristics = new List<string> { PickCharacteristic() };
            if (rng.NextDouble() < 0.07)
            {
                var second = PickCharacteristic();
                if (!characteristics.Contains(second))
                {
                    characteristics.Add(second);
                }
            }

            var (area, location) = rng.NextDouble() < 0.12 ? Pick(hotspots) : (Pick(profile.Areas), Pick(DemoVocabulary.Locations));
            var scenario = rng.NextDouble();
            var answers = scenario switch
            {
                < 0.46 => Answers(characteristics, crime: true),
                < 0.72 => Answers(characteristics),
                < 0.80 => Answers(characteristics, harm: rng.NextDouble() < 0.7, future: true),
                < 0.88 => Answers(characteristics, trivial: true),
                < 0.92 => Answers(characteristics, school: true),
                < 0.97 => Answers(characteristics, expression: true),
                _ => Answers(characteristics, hostility: false),
            };
            if (rng.NextDouble() < 0.06)
            {
                answers = answers with { ImmediateRisk = true };
            }

            var kind = scenario switch
            {
                < 0.46 => DemoVocabulary.Kind.Crime,
                < 0.80 => DemoVocabulary.Kind.Incident,
                < 0.88 => DemoVocabulary.Kind.Trivial,
                < 0.92 => DemoVocabulary.Kind.School,
                < 0.97 => DemoVocabulary.Kind.Expression,
                _ => DemoVocabulary.Kind.Incident,
            };
            var circumstances = DemoVocabulary.Circumstances(rng, kind, characteristics[0], location);
            var incident = NewIncident(reportedAt, area, location, circumstances, characteristics, answers);
            ProgressThroughProcess(incident);
            return incident;
        }

        private static AssessmentAnswers Answers(
            List<string> characteristics, bool crime = false, bool hostility = true, bool trivial = false, bool school = false,
            bool expression = false, bool harm = false, bool future = false) =>
            new(characteristics, hostility, crime, trivial, school, expression, harm, future, ImmediateRisk: false)
            {
                // The Code's second test: a trivial report gives no basis to conclude intentional hostility; the others do.
                BasisToConcludeIntentionalHostility = !trivial,
            };

        private HateIncident NewIncident(
            DateTimeOffset reportedAt, string area, string location, string circumstances, List<string> characteristics, AssessmentAnswers answers)
        {
            var channel = rng.NextDouble() switch
            {
                < 0.52 => ReportChannel.Phone,
                < 0.77 => ReportChannel.Online,
                < 0.91 => ReportChannel.InPerson,
                _ => ReportChannel.ThirdParty,
            };
            var perceivedBy = rng.NextDouble() switch
            {
                < 0.8 => PerceivedBy.Complainant,
                < 0.9 => PerceivedBy.Witness,
                < 0.95 => PerceivedBy.Officer,
                _ => PerceivedBy.ThirdParty,
            };
            var incident = new HateIncident
            {
                ForceId = forceId,
                Reference = "",
                ReportedAt = reportedAt,
                OccurredAt = reportedAt.AddMinutes(-rng.Next(5, rng.NextDouble() < 0.8 ? 240 : 4320)),
                Channel = channel,
                Area = area,
                LocationDescription = location,
                Circumstances = circumstances,
                RecordedBy = "Call taker (demo)",
                Characteristics = characteristics,
                PerceivedBy = perceivedBy,
                ImmediateRisk = answers.ImmediateRisk,
                SafeguardingConcern = answers.ImmediateRisk || rng.NextDouble() < 0.05,
                Version = NextGuid(),
            };

            var complainant = rng.NextDouble() < 0.12 ? Pick(repeatComplainants) : (DemoVocabulary.PersonName(rng), RandomDob(rng, 18, 85));
            incident.People.Add(new IncidentPerson
            {
                Role = PersonRole.Complainant,
                Name = complainant.Item1,
                DateOfBirth = complainant.Item2,
                Contact = $"07700 9{rng.Next(0, 100000):D5}",
            });
            incident.History.Add(new IncidentHistoryEntry { At = reportedAt, By = "Call taker (demo)", Event = "Recorded" });

            // Reports made in the last hour or two may not be assessed yet.
            if (now - reportedAt < TimeSpan.FromHours(2) && rng.NextDouble() < 0.6)
            {
                return incident;
            }

            Assess(incident, answers, reportedAt.AddMinutes(rng.Next(4, 90)));
            return incident;
        }

        private void Assess(HateIncident incident, AssessmentAnswers answers, DateTimeOffset at)
        {
            var decision = rules.Assess(answers, profile.AdditionalCharacteristics);
            var outcome = decision.Outcome.ToKey();
            incident.RuleSetId = decision.RuleSetId;
            incident.AssessedAt = at < now ? at : now;
            incident.AssessedBy = "Call taker (demo)";
            incident.Assessment = new IncidentAssessment
            {
                PerceivedHostility = answers.PerceivedHostility,
                IsCrime = answers.IsCrime,
                TrivialIrrationalOrMalicious = answers.TrivialIrrationalOrMalicious,
                BasisToConcludeIntentionalHostility = answers.BasisToConcludeIntentionalHostility,
                SchoolChildrenOnSchoolPremises = answers.SchoolChildrenOnSchoolPremises,
                LawfulFreedomOfExpression = answers.LawfulFreedomOfExpression,
                RealRiskOfSignificantHarm = answers.RealRiskOfSignificantHarm,
                RealRiskOfFutureOffence = answers.RealRiskOfFutureOffence,
                Outcome = outcome,
                SpecialistReview = decision.SpecialistReview.ToKey(),
                SubjectPersonalDataAllowed = decision.SubjectPersonalDataAllowed,
                Reasons = [.. decision.Reasons],
            };
            incident.Classification = outcome;
            incident.OpeningCode = HateIncidentCodes.For(decision.Outcome, incident.Characteristics[0]).Code;
            incident.History.Add(new IncidentHistoryEntry { At = incident.AssessedAt.Value, By = "Call taker (demo)", Event = "Assessed", ToOutcome = outcome, Note = $"Rule set {decision.RuleSetId}" });
            // As the workflow does: NCHIs go to the review queue; a hate crime is recorded as a crime; no record closes the report.
            if (decision.Outcome is AssessmentOutcome.Nchi or AssessmentOutcome.NchiWithPersonalData)
            {
                incident.Status = IncidentStatus.AwaitingReview;
                incident.ReviewDueAt = incident.AssessedAt.Value.AddHours(ReviewTargetHours);
            }
            else
            {
                SetOutcome(incident, outcome);
            }
            if (decision.RationaleRequired)
            {
                incident.PersonalDataRationale = Pick(DemoVocabulary.PersonalDataRationales);
            }
        }

        private void Decide(HateIncident incident, bool deployed, DateTimeOffset at, string by)
        {
            incident.Deployed = deployed;
            incident.DeploymentDecidedAt = at;
            incident.DeploymentDecidedBy = by;
            incident.Plane = deployed ? DemoVocabulary.PlaneDeploy : DemoVocabulary.PlaneNoDeploy;
        }

        private void AddSubject(HateIncident incident, bool repeatLikely)
        {
            var subject = rng.NextDouble() < (repeatLikely ? 0.35 : 0.1) ? Pick(repeatSubjects) : (DemoVocabulary.PersonName(rng), RandomDob(rng, 16, 70));
            incident.People.Add(new IncidentPerson
            {
                Role = PersonRole.Subject,
                Name = subject.Item1,
                DateOfBirth = subject.Item2,
                Description = "Known to the complainant; lives locally.",
            });
        }

        /// <summary>The current classification, its finalising code and status (as the review does in the workflow).</summary>
        private static void SetOutcome(HateIncident incident, string outcomeKey)
        {
            var outcome = AssessmentKeys.ParseOutcome(outcomeKey);
            incident.Classification = outcomeKey;
            incident.Assessment!.SubjectPersonalDataAllowed = outcome is AssessmentOutcome.HateCrime or AssessmentOutcome.NchiWithPersonalData;
            if (outcome != AssessmentOutcome.NchiWithPersonalData)
            {
                incident.PersonalDataRationale = null;
            }

            incident.Status = outcome == AssessmentOutcome.NoRecord ? IncidentStatus.Closed : IncidentStatus.Finalised;
            incident.FinalisingCode = HateIncidentCodes.For(outcome, incident.Characteristics[0]).Code;
        }

        private static void Finalise(HateIncident incident, string outcomeKey, DateTimeOffset at)
        {
            _ = at;
            SetOutcome(incident, outcomeKey);
        }

        private static void Reclassify(HateIncident incident, string from, string to, DateTimeOffset at, string by, string note) =>
            incident.History.Add(new IncidentHistoryEntry
            {
                At = at,
                By = by,
                Event = to == "no-record" && from != "hate-crime" ? "Closed on review: trivial, irrational or malicious" : "Reclassified on review",
                FromOutcome = from,
                ToOutcome = to,
                Note = note,
            });

        /// <summary>Moves an assessed incident on: deployment, specialist review (on time, late or still waiting), codes, telling the subject.</summary>
        private void ProgressThroughProcess(HateIncident incident)
        {
            if (incident.Assessment is not { } a || incident.AssessedAt is not { } assessedAt)
            {
                return;
            }

            var age = now - incident.ReportedAt;
            switch (a.Outcome)
            {
                case "hate-crime":
                    Decide(incident, rng.NextDouble() < 0.8, assessedAt.AddMinutes(2), "Call taker (demo)");
                    if (rng.NextDouble() < 0.5)
                    {
                        AddSubject(incident, repeatLikely: true);
                    }

                    if (age > TimeSpan.FromDays(21))
                    {
                        var at = assessedAt.AddDays(rng.Next(7, 20));
                        if (rng.NextDouble() < 0.04)
                        {
                            // Declassified after a crime review: recorded as a crime when it was not one.
                            Reclassify(incident, "hate-crime", "no-record", at, "Force crime registrar (demo)", "Declassified: no notifiable offence disclosed.");
                            RemoveSubject(incident, at, "Force crime registrar (demo)", "No lawful basis once declassified.");
                            Finalise(incident, "no-record", at);
                        }
                        else
                        {
                            Finalise(incident, "hate-crime", at);
                        }
                    }

                    break;

                case "nchi":
                case "nchi-with-personal-data":
                    ReviewNchi(incident, a, assessedAt, age);
                    break;

                default:
                    if (rng.NextDouble() < 0.08)
                    {
                        // Deployed without need: the kind of error the inspection found.
                        Decide(incident, true, assessedAt.AddMinutes(3), "Call taker (demo)");
                    }
                    else
                    {
                        Decide(incident, false, assessedAt.AddMinutes(3), "Call taker (demo)");
                    }

                    Finalise(incident, "no-record", assessedAt.AddMinutes(10));
                    break;
            }
        }

        private void ReviewNchi(HateIncident incident, IncidentAssessment a, DateTimeOffset assessedAt, TimeSpan age)
        {
            var withData = a.Outcome == "nchi-with-personal-data";
            if (withData)
            {
                AddSubject(incident, repeatLikely: true);
            }

            incident.ReviewDueAt = assessedAt.AddHours(24);
            if (incident.ImmediateRisk)
            {
                Decide(incident, true, assessedAt.AddMinutes(2), "Call taker (demo)");
            }

            // Review delay: mostly within the 24-hour target, some late, a few very late.
            var x = rng.NextDouble();
            var hours = x switch
            {
                < 0.72 => 1 + (rng.NextDouble() * 22),
                < 0.92 => 24 + (rng.NextDouble() * 48),
                _ => 72 + (rng.NextDouble() * 168),
            };
            var reviewedAt = assessedAt.AddHours(hours);
            var backlog = age > TimeSpan.FromDays(10) && rng.NextDouble() < 0.02;
            if (reviewedAt > now || backlog)
            {
                incident.Status = IncidentStatus.AwaitingReview;
                return;
            }

            incident.ReviewedAt = reviewedAt;
            incident.ReviewedBy = "Hate crime specialist (demo)";
            if (incident.Deployed is null)
            {
                Decide(incident, rng.NextDouble() < 0.22, reviewedAt, incident.ReviewedBy);
            }

            var r = rng.NextDouble();
            if (r < 0.08)
            {
                incident.ReviewNote = "Closed on review: trivial. No basis to conclude the act was motivated by hostility.";
                Reclassify(incident, a.Outcome, "no-record", reviewedAt, incident.ReviewedBy, "Trivial, irrational or malicious (Code para 20).");
                RemoveSubject(incident, reviewedAt, incident.ReviewedBy, "Personal data recorded without a lawful basis deleted on review.");
                Finalise(incident, "no-record", reviewedAt);
            }
            else if (r < 0.12)
            {
                incident.ReviewNote = "A public order offence is disclosed: reclassified as a hate crime.";
                Reclassify(incident, a.Outcome, "hate-crime", reviewedAt, incident.ReviewedBy, "Crime disclosed on review.");
                if (!withData)
                {
                    AddSubject(incident, repeatLikely: false);
                }

                Finalise(incident, "hate-crime", reviewedAt);
            }
            else if (withData && r < 0.2)
            {
                incident.ReviewNote = "No real risk of significant harm or of a future offence: the subject's personal data is deleted.";
                Reclassify(incident, a.Outcome, "nchi", reviewedAt, incident.ReviewedBy, "Personal-data threshold not met (Code para 21).");
                RemoveSubject(incident, reviewedAt, incident.ReviewedBy, "Subject personal data deleted on review.");
                Finalise(incident, "nchi", reviewedAt);
            }
            else
            {
                incident.ReviewNote = "Classification and codes confirmed.";
                incident.History.Add(new IncidentHistoryEntry { At = reviewedAt, By = incident.ReviewedBy, Event = "Review: classification confirmed", FromOutcome = a.Outcome, ToOutcome = a.Outcome });
                Finalise(incident, a.Outcome, reviewedAt);
                if (withData)
                {
                    TellSubject(incident, reviewedAt);
                }
            }
        }

        private void TellSubject(HateIncident incident, DateTimeOffset reviewedAt)
        {
            incident.RetentionReviewDueOn = UkTime.Date(incident.ReportedAt).AddMonths(RetentionDefaults.ReviewMonths);
            if (rng.NextDouble() < 0.1)
            {
                incident.NotificationExceptionReason = "Telling the subject would put the complainant, a neighbour, at risk of reprisal.";
                incident.NotificationExceptionApprovedBy = "Hate crime specialist (demo)";
                return;
            }

            var told = reviewedAt.AddDays(rng.Next(1, 6));
            if (told > now)
            {
                return;
            }

            incident.SubjectToldAt = told;
            incident.SubjectReplyDueOn = UkTime.Date(told).AddDays(RetentionDefaults.SubjectReplyDays);
            if (rng.NextDouble() < 0.25)
            {
                incident.SubjectReply = "The subject disputes the account and asks for the record to be deleted.";
                incident.SubjectRequestedDeletion = true;
                var answered = told.AddDays(rng.Next(5, 40));
                if (answered < now)
                {
                    incident.SubjectAnsweredAt = answered;
                    if (rng.NextDouble() < 0.4)
                    {
                        RemoveSubject(incident, answered, "Force crime registrar (demo)", "Subject's request for deletion granted.");
                        Reclassify(incident, "nchi-with-personal-data", "nchi", answered, "Force crime registrar (demo)", "Kept as an NCHI without the subject's personal data.");
                        SetOutcome(incident, "nchi");
                    }
                }
            }
        }

        private static void RemoveSubject(HateIncident incident, DateTimeOffset at, string by, string note)
        {
            if (incident.People.RemoveAll(p => p.Role == PersonRole.Subject) == 0)
            {
                return;
            }

            incident.PersonalDataDeletedAt = at;
            incident.PersonalDataDeletedBy = by;
            incident.History.Add(new IncidentHistoryEntry { At = at, By = by, Event = "Subject's personal data deleted", Note = note });
        }

        /// <summary>The report's example cases (HMICFRS 2024 ch. 6), in our own words, each processed as the report describes.</summary>
        private List<HateIncident> ExampleCases()
        {
            var list = new List<HateIncident>();
            DateTimeOffset Ago(int days) => new DateTimeOffset(now.UtcDateTime.Date.AddDays(-days).AddHours(14), TimeSpan.Zero);
            string Area() => Pick(profile.Areas);

            // A comment on a bus: "funny looks" — trivial; recorded as an NCHI by the call taker, closed on review.
            var bus = NewIncident(Ago(200), Area(), "Bus (route 12), upper deck",
                DemoVocabulary.BusCase, ["race"], Answers(["race"]));
            bus.ReviewDueAt = bus.AssessedAt!.Value.AddHours(24);
            bus.ReviewedAt = bus.AssessedAt.Value.AddHours(20);
            bus.ReviewedBy = "Hate crime specialist (demo)";
            bus.ReviewNote = "Looks alone, with nothing said or done, give no basis to conclude hostility: trivial. Closed.";
            Decide(bus, false, bus.ReviewedAt.Value, bus.ReviewedBy);
            Reclassify(bus, "nchi", "no-record", bus.ReviewedAt.Value, bus.ReviewedBy, "Trivial (Code para 20): the call taker had not considered it.");
            Finalise(bus, "no-record", bus.ReviewedAt.Value);
            list.Add(bus);

            // A bank's anti-money-laundering questions: NCHI → closed → hate crime → declassified.
            var bank = NewIncident(Ago(320), Area(), "High street bank branch",
                DemoVocabulary.BankCase, ["race"], Answers(["race"]));
            var t = bank.AssessedAt!.Value;
            bank.ReviewDueAt = t.AddHours(24);
            bank.ReviewedAt = t.AddHours(30);
            bank.ReviewedBy = "Hate crime specialist (demo)";
            Decide(bank, true, t.AddHours(1), "Call taker (demo)");
            Reclassify(bank, "nchi", "no-record", t.AddDays(2), "Investigating officer (demo)", "Standard banking checks applied to every customer: should not have been recorded.");
            Reclassify(bank, "no-record", "hate-crime", t.AddDays(9), "Crime reviewer (demo)", "Reclassified as a racially aggravated public order offence by bank staff.");
            Reclassify(bank, "hate-crime", "no-record", t.AddDays(30), "Force crime registrar (demo)", "Declassified after a further review: no offence, no hostility.");
            bank.ReviewNote = "Trivial: anti-money-laundering questions are asked of every customer.";
            Finalise(bank, "no-record", t.AddDays(30));
            list.Add(bank);

            // Ten-year-olds on school premises: the school deals with it; no police record.
            var school = NewIncident(Ago(150), Area(), "Primary school playground",
                DemoVocabulary.SchoolCase, ["race"], Answers(["race"], school: true));
            ProgressThroughProcess(school);
            list.Add(school);

            // The same kind of case recorded in error as a crime, with officers sent to the complainant's home.
            var schoolError = NewIncident(Ago(410), Area(), "Primary school, classroom",
                DemoVocabulary.SchoolErrorCase, ["race"], Answers(["race"], crime: true));
            ProgressThroughProcess(schoolError);
            Decide(schoolError, true, schoolError.AssessedAt!.Value.AddMinutes(5), "Call taker (demo)");
            list.Add(schoolError);

            // The wheelchair question: trivial; recorded in error as a public order crime and attended.
            var wheelchair = NewIncident(Ago(260), Area(), "Town centre, outside the post office",
                DemoVocabulary.WheelchairCase, ["disability"], Answers(["disability"], crime: true));
            ProgressThroughProcess(wheelchair);
            Decide(wheelchair, true, wheelchair.AssessedAt!.Value.AddMinutes(4), "Call taker (demo)");
            list.Add(wheelchair);

            // A lawful placard: lawful expression, no real risk → no record (after a long debate).
            var placard = NewIncident(Ago(90), Area(), "Town hall square, during a lawful protest",
                DemoVocabulary.PlacardCase, ["religion", "race"], Answers(["religion", "race"], expression: true));
            ProgressThroughProcess(placard);
            placard.History.Add(new IncidentHistoryEntry { At = placard.AssessedAt!.Value.AddMinutes(40), By = "Force crime registrar (demo)", Event = "Note", Note = "Discussed with the chief officer for 30 minutes before deciding not to record." });
            list.Add(placard);

            // Repeated targeting of a neighbour: NCHI with the subject's personal data, real risk of a future offence.
            var neighbour = NewIncident(Ago(45), Area(), "Residential close, shared entrance",
                DemoVocabulary.NeighbourCase, ["sexual-orientation"], Answers(["sexual-orientation"], harm: true, future: true));
            neighbour.ReviewDueAt = neighbour.AssessedAt!.Value.AddHours(24);
            neighbour.ReviewedAt = neighbour.AssessedAt.Value.AddHours(6);
            neighbour.ReviewedBy = "Hate crime specialist (demo)";
            neighbour.ReviewNote = "Escalating pattern; threshold met. Subject to be told.";
            AddSubject(neighbour, repeatLikely: true);
            Decide(neighbour, true, neighbour.ReviewedAt.Value, neighbour.ReviewedBy);
            Finalise(neighbour, "nchi-with-personal-data", neighbour.ReviewedAt.Value);
            TellSubject(neighbour, neighbour.ReviewedAt.Value);
            list.Add(neighbour);

            // Awaiting review, and overdue: an online report from yesterday morning.
            var overdue = NewIncident(now.AddHours(-30), Area(), "Online (social media group for the estate)",
                DemoVocabulary.OnlineCase, ["religion"], Answers(["religion"]));
            overdue.ReviewDueAt = overdue.AssessedAt!.Value.AddHours(24);
            overdue.Status = IncidentStatus.AwaitingReview;
            list.Add(overdue);

            return list;
        }
    }
}

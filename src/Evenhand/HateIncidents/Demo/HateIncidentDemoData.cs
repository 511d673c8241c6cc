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

    /// <summary>
    /// Makes the records by calling <see cref="HateIncident"/>'s own methods, each with a clock set in the past (the time the
    /// step happened) and a demo user's name, so a demo record can only be in a state the workflow can reach.
    /// </summary>
    private sealed class Generator(int forceId, int seed, DateTimeOffset now, DemoForceProfile profile)
    {
        private const int DaysBack = 548; // about 18 months
        private const string CallTaker = "Call taker (demo)";
        private const string Specialist = "Hate crime specialist (demo)";
        private const string Registrar = "Force crime registrar (demo)";
        private readonly Random rng = new(seed);
        private readonly IAssessmentRuleSet rules = RuleSetRegistry.Default;
        private readonly ForceHatePolicy policy = DemoPolicy(forceId, profile);
        private readonly List<(string Name, DateOnly Dob)> repeatComplainants = [];
        private readonly List<(string Name, DateOnly Dob)> repeatSubjects = [];
        private readonly List<(string Area, string Location)> hotspots = [];

        /// <summary>One record to make: when it was reported (for the chronological references) and how to make it, given its reference.</summary>
        private sealed record Plan(DateTimeOffset ReportedAt, int Order, Func<string, HateIncident> Make);

        private static ForceHatePolicy DemoPolicy(int forceId, DemoForceProfile profile)
        {
            var p = ForceHatePolicy.Default(forceId);
            p.AdditionalCharacteristics = [.. profile.AdditionalCharacteristics];
            return p;
        }

        private static ProcessContext At(DateTimeOffset at, string by) => new($"demo:{by}", by, at);

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

            var examples = count >= 40 ? ExampleCases() : [];
            var plans = new List<Plan>(count);
            for (var i = 0; i < count - examples.Count; i++)
            {
                var reportedAt = RandomReportedAt();
                plans.Add(new Plan(reportedAt, i, reference => RandomIncident(reference, reportedAt)));
            }

            plans.AddRange(examples.Take(count).Select((e, n) => e with { Order = count + n }));

            // Chronological references, as a force's system would issue them; each record is made (in that order) with its own.
            var perYear = new Dictionary<int, int>();
            var incidents = new List<HateIncident>(count);
            foreach (var plan in plans.OrderBy(x => x.ReportedAt).ThenBy(x => x.Order))
            {
                var year = plan.ReportedAt.Year;
                perYear[year] = perYear.GetValueOrDefault(year) + 1;
                incidents.Add(plan.Make($"{profile.ReferencePrefix}-{year}-{perYear[year]:D5}"));
            }

            return incidents;
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

        private static DateOnly RandomDob(Random r, int minAge, int maxAge) =>
            new DateOnly(2025, 1, 1).AddDays(-r.Next(minAge * 365, maxAge * 365));

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

        private HateIncident RandomIncident(string reference, DateTimeOffset reportedAt)
        {
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
            var immediate = rng.NextDouble() < 0.06;
            if (immediate)
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
            var incident = NewIncident(reference, reportedAt, area, location, circumstances, characteristics, answers);
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

        /// <summary>Records the report (and the complainant) as the call taker did, and assesses it unless it is only just in.</summary>
        private HateIncident NewIncident(
            string reference, DateTimeOffset reportedAt, string area, string location, string circumstances, List<string> characteristics, AssessmentAnswers answers)
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
            var occurredAt = reportedAt.AddMinutes(-rng.Next(5, rng.NextDouble() < 0.8 ? 240 : 4320));
            var safeguarding = answers.ImmediateRisk || rng.NextDouble() < 0.05;
            var recorded = At(reportedAt, CallTaker);
            var incident = HateIncident.Record(forceId, reference,
                new IncidentReport(reportedAt, channel, occurredAt, area, location, circumstances, characteristics, perceivedBy, answers.ImmediateRisk, safeguarding),
                policy.KnownCharacteristics(rules), recorded);

            var complainant = rng.NextDouble() < 0.12 ? Pick(repeatComplainants) : (DemoVocabulary.PersonName(rng), RandomDob(rng, 18, 85));
            incident.AddPerson(PersonRole.Complainant, new PersonDetails(complainant.Item1, complainant.Item2, null, $"07700 9{rng.Next(0, 100000):D5}", null),
                IncidentStaffRole.CallTaker, policy, recorded);

            // Reports made in the last hour or two may not be assessed yet.
            if (now - reportedAt < TimeSpan.FromHours(2) && rng.NextDouble() < 0.6)
            {
                return incident;
            }

            var assessedAt = reportedAt.AddMinutes(rng.Next(4, 90));
            var decision = rules.Assess(answers, profile.AdditionalCharacteristics);
            incident.Assess(answers, decision, decision.RationaleRequired ? Pick(DemoVocabulary.PersonalDataRationales) : null,
                IncidentStaffRole.CallTaker, policy, At(assessedAt < now ? assessedAt : now, CallTaker));
            return incident;
        }

        private static void Decide(HateIncident incident, bool deploy, DateTimeOffset at, string by) =>
            incident.DecideDeployment(deploy, deploy ? DemoVocabulary.PlaneDeploy : DemoVocabulary.PlaneNoDeploy, At(at, by));

        private void AddSubject(HateIncident incident, bool repeatLikely, DateTimeOffset at)
        {
            var subject = rng.NextDouble() < (repeatLikely ? 0.35 : 0.1) ? Pick(repeatSubjects) : (DemoVocabulary.PersonName(rng), RandomDob(rng, 16, 70));
            incident.AddPerson(PersonRole.Subject, new PersonDetails(subject.Item1, subject.Item2, null, null, "Known to the complainant; lives locally."),
                IncidentStaffRole.Specialist, policy, At(at, Specialist));
        }

        private void Review(HateIncident incident, AssessmentOutcome outcome, DateTimeOffset at, string by, string? note, bool closeAsTrivial = false) =>
            incident.CompleteReview(new ReviewDecision(outcome, null, closeAsTrivial, note, null), IncidentStaffRole.Specialist, policy, At(at, by));

        private static void DeleteSubject(HateIncident incident, DateTimeOffset at, string by, string reason, AssessmentOutcome to)
        {
            if (incident.HoldsSubjectPersonalData)
            {
                incident.DeleteSubjectPersonalData(reason, IncidentStaffRole.Specialist, At(at, by), to);
            }
        }

        /// <summary>Moves an assessed incident on: deployment, specialist review (on time, late or still waiting), telling the subject.</summary>
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
                    // Recorded as a crime: the crime recording rules apply from here (no NCHI review, telling or retention review).
                    Decide(incident, rng.NextDouble() < 0.8, assessedAt.AddMinutes(2), CallTaker);
                    if (rng.NextDouble() < 0.5)
                    {
                        AddSubject(incident, repeatLikely: true, assessedAt.AddMinutes(30));
                    }

                    if (age > TimeSpan.FromDays(21) && rng.NextDouble() < 0.04)
                    {
                        // Declassified after a crime review: recorded as a crime when it was not one.
                        var at = assessedAt.AddDays(rng.Next(7, 20));
                        DeleteSubject(incident, at, Registrar, "No lawful basis once declassified.", AssessmentOutcome.NoRecord);
                        Review(incident, AssessmentOutcome.NoRecord, at, Registrar, "Declassified: no notifiable offence disclosed.");
                    }

                    break;

                case "nchi":
                case "nchi-with-personal-data":
                    ReviewNchi(incident, a, assessedAt, age);
                    break;

                default:
                    // 8% deployed without need: the kind of error the inspection found.
                    Decide(incident, rng.NextDouble() < 0.08, assessedAt.AddMinutes(3), CallTaker);
                    break;
            }
        }

        private void ReviewNchi(HateIncident incident, IncidentAssessment a, DateTimeOffset assessedAt, TimeSpan age)
        {
            var withData = a.Outcome == "nchi-with-personal-data";
            if (withData)
            {
                AddSubject(incident, repeatLikely: true, assessedAt.AddMinutes(20) < now ? assessedAt.AddMinutes(20) : now);
            }

            if (incident.ImmediateRisk)
            {
                Decide(incident, true, assessedAt.AddMinutes(2) < now ? assessedAt.AddMinutes(2) : now, CallTaker);
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
                return; // still in the review queue
            }

            var deploy = rng.NextDouble() < 0.22;
            var r = rng.NextDouble();
            if (r < 0.08)
            {
                DeleteSubject(incident, reviewedAt, Specialist, "Personal data recorded without a lawful basis deleted on review.", AssessmentOutcome.NoRecord);
                Review(incident, AssessmentOutcome.NoRecord, reviewedAt, Specialist,
                    "Closed on review: trivial. No basis to conclude the act was motivated by hostility (Code para 20).", closeAsTrivial: true);
            }
            else if (r < 0.12)
            {
                Review(incident, AssessmentOutcome.HateCrime, reviewedAt, Specialist, "A public order offence is disclosed: reclassified as a hate crime.");
                if (!withData)
                {
                    AddSubject(incident, repeatLikely: false, reviewedAt.AddMinutes(10) < now ? reviewedAt.AddMinutes(10) : now);
                }
            }
            else if (withData && r < 0.2)
            {
                DeleteSubject(incident, reviewedAt, Specialist, "Subject personal data deleted on review.", AssessmentOutcome.Nchi);
                Review(incident, AssessmentOutcome.Nchi, reviewedAt, Specialist,
                    "No real risk of significant harm or of a future offence: the subject's personal data is deleted (Code para 21).");
            }
            else
            {
                Review(incident, a.Outcome == "nchi" ? AssessmentOutcome.Nchi : AssessmentOutcome.NchiWithPersonalData, reviewedAt, Specialist,
                    "Classification and codes confirmed.");
                if (withData)
                {
                    TellSubject(incident, reviewedAt);
                }
            }

            if (incident.Deployed is null)
            {
                Decide(incident, deploy, reviewedAt, Specialist);
            }
        }

        private void TellSubject(HateIncident incident, DateTimeOffset reviewedAt)
        {
            if (rng.NextDouble() < 0.1)
            {
                var at = reviewedAt.AddHours(1) < now ? reviewedAt.AddHours(1) : now;
                incident.RecordNotificationException("Telling the subject would put the complainant, a neighbour, at risk of reprisal.", At(at, Specialist));
                incident.ApproveNotificationException(IncidentStaffRole.Specialist, At(at, Registrar));
                return;
            }

            // Mostly within the policy's days; a few late, and the most recent not told yet (due-work shows them).
            var told = reviewedAt.AddDays(rng.NextDouble() < 0.85 ? rng.Next(1, 12) : rng.Next(15, 30));
            if (told > now)
            {
                return;
            }

            incident.RecordSubjectTold(told, At(told, Specialist));
            if (rng.NextDouble() < 0.25)
            {
                var received = told.AddDays(rng.Next(1, 5));
                if (received > now)
                {
                    return;
                }

                incident.RecordSubjectReply("The subject disputes the account and asks for the record to be deleted.", true, UkTime.Date(received),
                    policy.SubjectReplyDays, At(received, Specialist));
                var answered = received.AddDays(rng.Next(4, 36));
                if (answered < now)
                {
                    incident.RecordSubjectAnswered(At(answered, Registrar));
                    if (rng.NextDouble() < 0.4)
                    {
                        DeleteSubject(incident, answered, Registrar, "Subject's request for deletion granted.", AssessmentOutcome.Nchi);
                        Review(incident, AssessmentOutcome.Nchi, answered, Registrar, "Kept as an NCHI without the subject's personal data.");
                    }
                }
            }
        }

        /// <summary>The report's example cases (HMICFRS 2024 ch. 6), in our own words, each processed as the report describes.</summary>
        private List<Plan> ExampleCases()
        {
            var list = new List<Plan>();
            DateTimeOffset Ago(int days) => new(now.UtcDateTime.Date.AddDays(-days).AddHours(14), TimeSpan.Zero);
            void Add(DateTimeOffset at, Func<string, DateTimeOffset, HateIncident> make) => list.Add(new Plan(at, 0, reference => make(reference, at)));

            // A comment on a bus: "funny looks". The call taker found a basis for hostility and recorded an NCHI; the review closed it as trivial.
            Add(Ago(200), (reference, at) =>
            {
                var bus = NewIncident(reference, at, Pick(profile.Areas), "Bus (route 12), upper deck", DemoVocabulary.BusCase, ["race"], Answers(["race"]));
                var reviewedAt = bus.AssessedAt!.Value.AddHours(20);
                Review(bus, AssessmentOutcome.NoRecord, reviewedAt, Specialist,
                    "Looks alone, with nothing said or done, give no basis to conclude hostility: trivial (Code para 20). Closed.", closeAsTrivial: true);
                Decide(bus, false, reviewedAt, Specialist);
                return bus;
            });

            // A bank's anti-money-laundering questions: NCHI → closed → hate crime → declassified.
            Add(Ago(320), (reference, at) =>
            {
                var bank = NewIncident(reference, at, Pick(profile.Areas), "High street bank branch", DemoVocabulary.BankCase, ["race"], Answers(["race"]));
                var t = bank.AssessedAt!.Value;
                Decide(bank, false, t.AddHours(1), CallTaker);
                Review(bank, AssessmentOutcome.NoRecord, t.AddDays(2), "Investigating officer (demo)",
                    "Standard banking checks applied to every customer: should not have been recorded.", closeAsTrivial: true);
                Review(bank, AssessmentOutcome.HateCrime, t.AddDays(9), "Crime reviewer (demo)", "Reclassified as a racially aggravated public order offence by bank staff.");
                Review(bank, AssessmentOutcome.NoRecord, t.AddDays(30), Registrar,
                    "Declassified after a further review: no offence, no hostility. Anti-money-laundering questions are asked of every customer.");
                return bank;
            });

            // Ten-year-olds on school premises: the school deals with it; no police record.
            Add(Ago(150), (reference, at) =>
            {
                var school = NewIncident(reference, at, Pick(profile.Areas), "Primary school playground", DemoVocabulary.SchoolCase, ["race"], Answers(["race"], school: true));
                ProgressThroughProcess(school);
                return school;
            });

            // The same kind of case recorded in error as a crime, with officers sent to the complainant's home.
            Add(Ago(410), (reference, at) =>
            {
                var schoolError = NewIncident(reference, at, Pick(profile.Areas), "Primary school, classroom", DemoVocabulary.SchoolErrorCase, ["race"], Answers(["race"], crime: true));
                ProgressThroughProcess(schoolError);
                Decide(schoolError, true, schoolError.AssessedAt!.Value.AddMinutes(5), CallTaker);
                return schoolError;
            });

            // The wheelchair question: trivial; recorded in error as a public order crime and attended.
            Add(Ago(260), (reference, at) =>
            {
                var wheelchair = NewIncident(reference, at, Pick(profile.Areas), "Town centre, outside the post office", DemoVocabulary.WheelchairCase, ["disability"],
                    Answers(["disability"], crime: true));
                ProgressThroughProcess(wheelchair);
                Decide(wheelchair, true, wheelchair.AssessedAt!.Value.AddMinutes(4), CallTaker);
                return wheelchair;
            });

            // A lawful placard: lawful expression, no real risk → no record.
            Add(Ago(90), (reference, at) =>
            {
                var placard = NewIncident(reference, at, Pick(profile.Areas), "Town hall square, during a lawful protest", DemoVocabulary.PlacardCase,
                    ["religion", "race"], Answers(["religion", "race"], expression: true));
                ProgressThroughProcess(placard);
                return placard;
            });

            // Repeated targeting of a neighbour: NCHI with the subject's personal data, real risk of a future offence.
            Add(Ago(45), (reference, at) =>
            {
                var neighbour = NewIncident(reference, at, Pick(profile.Areas), "Residential close, shared entrance", DemoVocabulary.NeighbourCase,
                    ["sexual-orientation"], Answers(["sexual-orientation"], harm: true, future: true));
                var reviewedAt = neighbour.AssessedAt!.Value.AddHours(6);
                AddSubject(neighbour, repeatLikely: true, neighbour.AssessedAt.Value.AddMinutes(20));
                Review(neighbour, AssessmentOutcome.NchiWithPersonalData, reviewedAt, Specialist, "Escalating pattern; threshold met. Subject to be told.");
                Decide(neighbour, true, reviewedAt, Specialist);
                TellSubject(neighbour, reviewedAt);
                return neighbour;
            });

            // Awaiting review, and overdue: an online report from yesterday morning.
            Add(now.AddHours(-30), (reference, at) =>
                NewIncident(reference, at, Pick(profile.Areas), "Online (social media group for the estate)", DemoVocabulary.OnlineCase, ["religion"], Answers(["religion"])));

            // Reviewed this morning as an NCHI with the subject's personal data: the subject is still to be told (the most recent
            // case, so it is made last and changes nothing made before it).
            Add(now.AddHours(-20), (reference, at) =>
            {
                var repeat = NewIncident(reference, at, Pick(profile.Areas), "Residential close, shared entrance", DemoVocabulary.NeighbourCase,
                    ["race"], Answers(["race"], harm: true, future: true));
                var reviewedAt = repeat.AssessedAt!.Value.AddHours(8) < now ? repeat.AssessedAt.Value.AddHours(8) : now;
                AddSubject(repeat, repeatLikely: true, repeat.AssessedAt.Value.AddMinutes(20));
                Review(repeat, AssessmentOutcome.NchiWithPersonalData, reviewedAt, Specialist, "Threshold met. Subject to be told.");
                Decide(repeat, false, reviewedAt, Specialist);
                return repeat;
            });

            return list;
        }
    }
}

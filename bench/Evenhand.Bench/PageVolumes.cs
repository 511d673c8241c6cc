using Evenhand.Accounts;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Governance;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Demo;
using Evenhand.Responses;
using Evenhand.SocialMedia.Datasets;
using Evenhand.SocialMedia.Synthetic;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Bench;

/// <summary>
/// The volumes the pages benchmark reads, added once to its database (each part only when missing, so a later run reuses
/// them): a national social media dataset of 857,000 posts from 600 accounts imported through the real import; in one force
/// (<see cref="ForceSlug"/>) 100,000 hate incidents made by the demo generator (the workflow's own methods, so every state is one the
/// workflow reaches: many awaiting review, NCHIs whose subjects are to be told, retention reviews due…), thousands of rows
/// in each governance register, and a large audit log across every force; plus one user per role the pages need.
/// </summary>
internal static class PageVolumes
{
    public const string ForceSlug = "lancashire";
    public const string DatasetName = "Bench: 857,000 posts (national)";
    public const string Password = "Bench-Pages-Pass-1";
    public const int Posts = 857_000;
    public const int Accounts = 600;
    public const int Incidents = 100_000;
    public const int AuditEntries = 1_000_000;

    /// <summary>About eight years of inspections (one every three weeks), each with 12 recommendations, 9 of them for forces.</summary>
    public const int Inspections = 150;
    public const int RecommendationsEach = 12;
    public const int ForceRecommendationsEach = 9;
    public const string InspectionTitle = "Bench inspection";

    /// <summary>Users across every force: about 80 a force (far more than a real deployment's administrators would list at once).</summary>
    public const int ManyUsers = 3_500;

    /// <summary>Three years of job runs: due work every 15 minutes, housekeeping hourly, and imports.</summary>
    public const int JobRuns = 130_000;

    public static readonly (string Role, string Email)[] Users =
    [
        (Roles.Communications, "bench.comms@bench.evenhand.test"),
        (Roles.HateCrimeSpecialist, "bench.specialist@bench.evenhand.test"),
        (Roles.ForceGovernance, "bench.governance@bench.evenhand.test"),
        (Roles.Administrator, "bench.admin@bench.evenhand.test"),
        (Roles.Inspectorate, "bench.inspectorate@bench.evenhand.test"),
        (Roles.PccOffice, "bench.pcc@bench.evenhand.test"),
    ];

    public static async Task EnsureAsync(IServiceProvider services, Action<string> log)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var forceId = await db.Forces.Where(f => f.Slug == ForceSlug).Select(f => f.Id).SingleAsync();
        await UsersAsync(scope.ServiceProvider, forceId, log);
        await DatasetAsync(db, log);
        await IncidentsAsync(db, forceId, log);
        await RegistersAsync(db, forceId, log);
        await AuditAsync(db, log);
        await InspectionsAsync(db, log);
        await ManyUsersAsync(db, log);
        await JobRunsAsync(db, log);
    }

    private static async Task UsersAsync(IServiceProvider services, int forceId, Action<string> log)
    {
        var users = services.GetRequiredService<UserManager<EvenhandUser>>();
        foreach (var (role, email) in Users)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var national = Roles.National.Contains(role);
            var user = new EvenhandUser { UserName = email, Email = email, DisplayName = $"Bench {role}", ForceId = national ? null : forceId, EmailConfirmed = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            log($"  user {email} ({role})");
        }

        static void Check(IdentityResult r)
        {
            if (!r.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", r.Errors.Select(e => e.Description)));
            }
        }
    }

    private static async Task DatasetAsync(EvenhandDbContext db, Action<string> log)
    {
        if (await db.SocialDatasets.AnyAsync(d => d.Name == DatasetName && d.Status == DatasetStatus.Ready))
        {
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"evenhand-bench-social-{Posts}-{Accounts}");
        var postsPath = Path.Combine(folder, SocialSynth.PostsFileName);
        var accountsPath = Path.Combine(folder, SocialSynth.AccountsFileName);
        if (!File.Exists(postsPath) || !File.Exists(accountsPath))
        {
            log($"  writing {Posts:N0} synthetic posts to {folder}…");
            Directory.CreateDirectory(folder);
            SocialSynth.WriteToDirectory(new SynthOptions(Posts, Accounts, Seed: 1), folder);
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var ctx = new ProcessContext("bench", "Benchmark", DateTimeOffset.UtcNow, "pages benchmark volumes");
        var service = new SocialDatasetService(db, TimeProvider.System);
        // A national dataset: the synthetic export covers every force's accounts, and a force's dataset holds its own only.
        var dataset = await service.CreateAsync(new DatasetUpload(DatasetName, null, accountsPath, postsPath, false), ctx);
        await service.ImportAsync(dataset.Id, DatasetFiles.FromPaths(accountsPath, postsPath), ctx);
        db.ChangeTracker.Clear();
        log($"  imported {Posts:N0} posts in {started.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task IncidentsAsync(EvenhandDbContext db, int forceId, Action<string> log)
    {
        var have = await db.HateIncidents.CountAsync(i => i.ForceId == forceId);
        if (have >= Incidents)
        {
            return;
        }

        if (have > 0)
        {
            throw new InvalidOperationException($"{ForceSlug} has {have:N0} incidents, fewer than {Incidents:N0}: start from a fresh database.");
        }

        var now = DateTimeOffset.UtcNow;
        var profile = HateIncidentDemoData.ProfileFor(ForceSlug);
        if (!await db.HatePolicies.AnyAsync(p => p.ForceId == forceId))
        {
            db.HatePolicies.Add(HateIncidentDemoData.PolicyFor(forceId, ForceSlug, profile, now));
            await db.SaveChangesAsync();
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var batch in HateIncidentDemoData.Generate(forceId, Incidents, seed: 12, now, profile).Chunk(5_000))
        {
            db.HateIncidents.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        log($"  {Incidents:N0} hate incidents in {started.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task RegistersAsync(EvenhandDbContext db, int forceId, Action<string> log)
    {
        if (await db.PolicyDocuments.AnyAsync(p => p.ForceId == forceId))
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var today = UkTime.Date(DateTimeOffset.UtcNow);
        var ctx = new ProcessContext("bench", "Benchmark", DateTimeOffset.UtcNow, "pages benchmark volumes");
        var rng = new Random(5);
        string[] owners = ["Head of People", "Head of Professional Standards", "Superintendent, Operations", "Head of Legal Services"];
        for (var i = 0; i < 3_000; i++)
        {
            var equality = rng.NextDouble() < 0.7;
            DateOnly? last = rng.NextDouble() < 0.05 ? null : today.AddDays(-rng.Next(30, 1100));
            var policy = PolicyDocument.Create(forceId, new PolicyDetails($"Policy {i + 1} on {Words[i % Words.Length]}", $"POL-{10_000 + i}",
                owners[rng.Next(owners.Length)], equality, last, rng.NextDouble() < 0.6 ? 24 : 12, null), today, ctx);
            if (equality && last is { } reviewed && rng.NextDouble() < 0.8)
            {
                var complete = rng.NextDouble() < 0.65;
                var lines = Enum.GetValues<ProtectedCharacteristic>()
                    .Select((c, k) => new CharacteristicAssessment(c, EqualityImpact.Neutral, complete || k % 3 != 0 ? "Workforce and community data reviewed." : null))
                    .ToList();
                policy.AddAssessment(new EiaDetails(reviewed, "A. Assessor", rng.NextDouble() < 0.7 ? reviewed.AddDays(-100) : null, lines), today, ctx);
            }

            db.PolicyDocuments.Add(policy);
        }

        for (var i = 0; i < 2_000; i++)
        {
            var decision = (RepresentationDecision)rng.Next(0, 3);
            var decided = today.AddDays(-rng.Next(20, 900));
            var (from, to) = decision == RepresentationDecision.PermittedForPeriod ? (today.AddDays(rng.Next(-200, 200)), (DateOnly?)null) : ((DateOnly?)null, (DateOnly?)null);
            to = from?.AddDays(14);
            db.VisibleRepresentations.Add(VisibleRepresentation.Create(forceId, new RepresentationDetails((RepresentationItem)rng.Next(0, 7),
                $"Item {i + 1}: {Words[i % Words.Length]} badge", $"Cause {i % 97}", decision, from, to,
                decision == RepresentationDecision.NotPermitted ? null : "Not with public order duties.", "Deputy Chief Constable", decided,
                "Decided on the force's impartiality guidance.", decided.AddMonths(rng.NextDouble() < 0.25 ? 6 : 24)), today));
        }

        for (var i = 0; i < 10_000; i++)
        {
            var kind = (ContactKind)rng.Next(0, 3);
            var escalated = kind == ContactKind.AttemptToDirectInAdvance && rng.NextDouble() < 0.75;
            db.PoliticalContacts.Add(PoliticalContact.Create(forceId, new ContactDetails(today.AddDays(-rng.Next(0, 1500)), (ContactSource)rng.Next(0, 5), null,
                (ContactChannel)rng.Next(0, 4), $"Asked about {Words[i % Words.Length]} ({i + 1}).", kind, "Information provided.", escalated,
                escalated ? "Deputy Chief Constable" : null), today));
        }

        for (var i = 0; i < 2_000; i++)
        {
            var prepared = rng.NextDouble() < 0.6;
            db.ContentiousIssues.Add(ContentiousIssue.Create(forceId, new IssueDetails($"Issue {i + 1}: {Words[i % Words.Length]}", today.AddDays(-rng.Next(10, 1500)),
                (RiskLevel)rng.Next(0, 3), "Community tension assessed with partners.", prepared ? "We police impartially." : null,
                prepared ? "We take no side on the issue itself." : null, prepared ? (IssueStatus)rng.Next(0, 3) : IssueStatus.Open), today));
        }

        for (var i = 0; i < 5_000; i++)
        {
            var starts = today.AddDays(-rng.Next(5, 1500));
            var contentious = rng.NextDouble() < 0.4;
            var ev = PolicedEvent.Create(forceId, new EventDetails($"Event {i + 1}: {Words[i % Words.Length]}", (EventCategory)rng.Next(0, 5), starts, starts,
                contentious, AttendanceReason.PublicSafetyDeployment, "Keep people safe and keep the peace.", "Published before the event.",
                "Briefed to all officers.", "Standard uniform.", true, true));
            if (ev.EndsOn.AddDays(20) < today && rng.NextDouble() < 0.7)
            {
                ev.RecordReview(new LearningReviewDetails(ev.EndsOn.AddDays(10), "Event commander", "Worked.", null, "None."), today);
            }

            db.PolicedEvents.Add(ev);
        }

        for (var i = 0; i < 300; i++)
        {
            var group = AdvisoryGroup.Create(forceId, new AdvisoryGroupDetails($"Advisory group {i + 1}", (AdvisoryGroupType)rng.Next(0, 4),
                today.AddMonths(-rng.Next(1, 30)), "Chair", (ChairKind)rng.Next(0, 3), "Expenses only."), today);
            for (var m = 0; m < 6; m++)
            {
                var vetted = rng.NextDouble() < 0.8;
                group.AddMember(new MemberDetails($"Member {m + 1}", today.AddDays(-rng.Next(60, 3000)), vetted ? VettingDecision.Vetted : VettingDecision.NotVetted,
                    !vetted, !vetted, false, vetted ? null : "Sees no sensitive material.", "Induction"), today);
            }

            group.AddMeeting(today.AddDays(-90), true, "Asked about stop and search.", "Shared the data.", today);
            db.AdvisoryGroups.Add(group);
        }

        for (var i = 0; i < 300; i++)
        {
            var network = StaffNetwork.Create(forceId, new NetworkDetails($"Network {i + 1}", (NetworkScope)rng.Next(0, 2), (ProtectedCharacteristic)rng.Next(0, 9), null,
                "Chair", true, today.AddMonths(-rng.Next(1, 30)), NpccCriteria.All, 8, 5000m, 1000m), today);
            for (var r = 0; r < 3; r++)
            {
                network.AddFundingRequest(new FundingDetails(today.AddDays(-rng.Next(20, 700)), "Mentoring scheme", 1500m, 3m, 6m, true,
                    FundingDecision.Pending, null, null), today);
            }

            db.StaffNetworks.Add(network);
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        log($"  governance registers in {started.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task AuditAsync(EvenhandDbContext db, Action<string> log)
    {
        var have = await db.AuditEntries.CountAsync();
        if (have >= AuditEntries)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var forces = await db.Forces.Select(f => f.Id).ToListAsync();
        string[] types = [nameof(HateIncident), HateIncidentService.PersonalDataEntity, PolicyRegisterService.Type, PoliticalContactService.Type, "ForceResponse", "Section55Response", "EvenhandUser"];
        string[] actions = ["Created", "Updated", "Viewed", "Assessed", "Reviewed", "SignedIn", "Deleted"];
        var rng = new Random(3);
        var start = DateTimeOffset.UtcNow.AddDays(-730);
        var step = TimeSpan.FromDays(730) / (AuditEntries - have);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var n = have; n < AuditEntries;)
        {
            var batch = Math.Min(20_000, AuditEntries - n);
            for (var k = 0; k < batch; k++, n++)
            {
                var user = rng.Next(0, 2_000);
                var forceId = forces[user % forces.Count];
                db.AuditEntries.Add(new AuditEntry
                {
                    At = start + (step * (n - have)),
                    UserId = $"bench-user-{user}",
                    UserName = $"user{user}@force{forceId}.police.example",
                    ForceId = user % 50 == 0 ? null : forceId,
                    EntityType = types[rng.Next(types.Length)],
                    EntityId = rng.Next(1, 200_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Action = actions[rng.Next(actions.Length)],
                    After = "{\"Reference\":\"BENCH\",\"Status\":\"AwaitingReview\"}",
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        log($"  {AuditEntries - have:N0} audit entries in {started.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// <see cref="Inspections"/> inspections, each with a plan for every force on each force recommendation (progress, evidence,
    /// the plan's timeline), and each force's section 55 response (answered, most published, copies sent) — the national
    /// views' and the recommendation pages' volumes.
    /// </summary>
    private static async Task InspectionsAsync(EvenhandDbContext db, Action<string> log)
    {
        var done = (await db.Inspections.Where(i => i.Title.StartsWith(InspectionTitle)).Select(i => i.Title).ToListAsync()).ToHashSet();
        if (done.Count >= Inspections)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var forces = await db.Forces.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        var today = UkTime.Date(DateTimeOffset.UtcNow);
        ForceProgress[] progress = [ForceProgress.NotStarted, ForceProgress.InProgress, ForceProgress.InProgress, ForceProgress.AwaitingNationalGuidance, ForceProgress.Complete, ForceProgress.Complete];
        for (var n = 0; n < Inspections; n++)
        {
            // Each inspection whole or not at all, so that a run stopped part way carries on where it stopped.
            var title = $"{InspectionTitle} {Inspections - n}: {Words[n % Words.Length]}";
            if (done.Contains(title))
            {
                continue;
            }

            await db.InTransactionAsync(async ct =>
            {
                var rng = new Random(9 + n);
                var published = today.AddDays(-(21 * n) - 10);
                var at = new DateTimeOffset(published.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
                var ctx = new ProcessContext("bench", "Benchmark", at.AddDays(30), "pages benchmark volumes");
                var inspection = new Evenhand.Inspections.Inspection
                {
                    Title = title,
                    Publisher = "HMICFRS",
                    PublishedOn = published,
                    Type = n % 3 == 0 ? Evenhand.Inspections.InspectionType.NationalThematic : Evenhand.Inspections.InspectionType.FollowUp,
                    Recommendations = Enumerable.Range(1, RecommendationsEach).Select(k => new Evenhand.Inspections.Recommendation
                    {
                        Number = k,
                        Text = $"By {published.AddMonths(6 + k):MMMM yyyy}, chief constables should review how their force handles {Words[(n + k) % Words.Length]}.",
                        Addressees = k <= ForceRecommendationsEach ? ["Chief constables"] : ["College of Policing"],
                        AppliesToForces = k <= ForceRecommendationsEach,
                        DueDate = published.AddMonths(6 + k),
                    }).ToList(),
                };
                db.Inspections.Add(inspection);
                await db.SaveChangesAsync(ct);

                var forceRecs = inspection.Recommendations.Where(r => r.AppliesToForces).ToList();
                foreach (var force in forces)
                {
                    foreach (var rec in forceRecs)
                    {
                        var plan = new ForceResponse { ForceId = force.Id, RecommendationId = rec.Id };
                        // Older inspections are further on.
                        var step = Math.Min(progress.Length - 1, rng.Next(0, progress.Length) + (n > 40 ? 1 : 0));
                        if (step > 0)
                        {
                            plan.UpdatePlan($"Recommendation {rec.Number} met when the review is published.", "Deputy Chief Constable", "Head of Strategy", ctx);
                            plan.AddEvidence(EvidenceKind.Text, $"Review of {Words[(n + rec.Number) % Words.Length]} started; terms of reference agreed.", null, null, null, null, ctx);
                            if (progress[step] == ForceProgress.Complete)
                            {
                                plan.AddEvidence(EvidenceKind.Link, null, $"https://www.force{force.Id}.police.example/reviews/{inspection.Id}/{rec.Number}", null, null, null, ctx);
                            }

                            plan.SetProgress(progress[step], ctx);
                        }

                        db.ForceResponses.Add(plan);
                    }

                    if (published.AddDays(30) <= today && rng.NextDouble() < 0.97)
                    {
                        var response = Section55Response.Start(force, inspection);
                        response.Force = null; // the force is not tracked: the response refers to it by id.
                        response.Edit(new Section55Details(published.AddDays(2), published.AddDays(20), published.AddDays(18), null,
                                $"The commissioner welcomes the report on {Words[n % Words.Length]} and will hold the chief constable to account for it.",
                                "The chief constable submitted no comments by the date given."),
                            forceRecs.Select(r => (r, (Section55Stance?)Section55Stance.ActionTakenOrProposed, (string?)$"The force has started a review ({r.Number}).")).ToList(),
                            today, ctx);
                        var on = published.AddDays(rng.NextDouble() < 0.85 ? rng.Next(20, 56) : rng.Next(56, 90));
                        if (on <= today)
                        {
                            response.Publish(on, $"https://www.pcc{force.Id}.example/responses/{inspection.Id}", forceRecs, today, ctx);
                            if (rng.NextDouble() < 0.8)
                            {
                                response.RecordCopiesSent(on, on, today, ctx);
                            }
                        }

                        db.Section55Responses.Add(response);
                    }
                }

                await db.SaveChangesAsync(ct);
            });
            db.ChangeTracker.Clear();
        }

        log($"  {Inspections - done.Count} inspections, {(Inspections - done.Count) * ForceRecommendationsEach * forces.Count:N0} force plans and their section 55 responses in {started.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// <see cref="ManyUsers"/> users across the forces, written straight to the tables with the bench administrator's password
    /// hash (hashing each one would take minutes and is not what the users page reads).
    /// </summary>
    private static async Task ManyUsersAsync(EvenhandDbContext db, Action<string> log)
    {
        const string domain = "users.bench.evenhand.test";
        if (await db.Users.AnyAsync(u => u.Email!.EndsWith(domain)))
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var hash = await db.Users.Where(u => u.Email == Users[0].Email).Select(u => u.PasswordHash).SingleAsync();
        var forces = await db.Forces.OrderBy(f => f.Id).Select(f => new { f.Id, f.Slug }).ToListAsync();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        string[] forceRoles = [Roles.CallTaker, Roles.CallTaker, Roles.CallTaker, Roles.HateCrimeSpecialist, Roles.ForceCrimeRegistrar, Roles.ForceGovernance, Roles.Communications, Roles.PccOffice];
        for (var i = 0; i < ManyUsers; i++)
        {
            var force = forces[i % forces.Count];
            var national = i % 50 == 0;
            var role = national ? (i % 100 == 0 ? Roles.Inspectorate : Roles.Administrator) : forceRoles[i / forces.Count % forceRoles.Length];
            var email = $"user{i:D5}.{(national ? "national" : force.Slug)}@{domain}";
            var user = new EvenhandUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
                DisplayName = $"Bench user {i + 1}", ForceId = national ? null : force.Id, PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), IsDisabled = i % 37 == 0,
                LockoutEnabled = true, LockoutEnd = i % 211 == 0 ? DateTimeOffset.UtcNow.AddYears(1) : null,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        log($"  {ManyUsers:N0} users in {started.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task JobRunsAsync(EvenhandDbContext db, Action<string> log)
    {
        if (await db.BackgroundJobRuns.CountAsync() >= JobRuns)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var rng = new Random(4);
        var at = DateTimeOffset.UtcNow.AddDays(-3 * 365);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var n = 0; n < JobRuns;)
        {
            for (var k = 0; k < 10_000 && n < JobRuns; k++, n++)
            {
                at = at.AddMinutes(12);
                var job = n % 5 == 0 ? "housekeeping" : n % 97 == 0 ? "social-import" : "due-work";
                var failed = rng.NextDouble() < 0.01;
                db.BackgroundJobRuns.Add(new BackgroundJobRun
                {
                    Job = job, Subject = job == "social-import" ? $"dataset {n}" : null, Server = $"web-{n % 3}", StartedAt = at, FinishedAt = at.AddSeconds(rng.Next(1, 40)),
                    Outcome = failed ? JobRunOutcome.Failed : JobRunOutcome.Succeeded, Result = failed ? null : "Done.", Error = failed ? "The database did not answer in time." : null,
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        log($"  {JobRuns:N0} job runs in {started.Elapsed.TotalSeconds:F0} s");
    }

    private static readonly string[] Words =
    [
        "stop and search", "use of force", "recruitment", "protest", "flexible working", "custody", "vetting", "social media", "hate crime",
        "domestic abuse", "missing persons", "mental health", "interpreters", "firearms licensing", "records retention", "procurement",
    ];
}

using Evenhand.Accounts;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Governance;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Demo;
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

    public static readonly (string Role, string Email)[] Users =
    [
        (Roles.Communications, "bench.comms@bench.evenhand.test"),
        (Roles.HateCrimeSpecialist, "bench.specialist@bench.evenhand.test"),
        (Roles.ForceGovernance, "bench.governance@bench.evenhand.test"),
        (Roles.Administrator, "bench.admin@bench.evenhand.test"),
        (Roles.Inspectorate, "bench.inspectorate@bench.evenhand.test"),
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

    private static readonly string[] Words =
    [
        "stop and search", "use of force", "recruitment", "protest", "flexible working", "custody", "vetting", "social media", "hate crime",
        "domestic abuse", "missing persons", "mental health", "interpreters", "firearms licensing", "records retention", "procurement",
    ];
}

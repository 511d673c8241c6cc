using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.MyWork;
using Evenhand.Responses;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Evenhand.Tests.MyWork;

/// <summary>Issue 11 point 3: daily digests and assignment emails through the outbox, written once per user however often they run.</summary>
[Collection(AppCollection.Name)]
public sealed class ReminderTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly ReminderOptions Links = new("https://evenhand.example");

    /// <summary>A reminder service on its own context (as a second server would have), with the real sources and clock.</summary>
    private static (ReminderService Service, EvenhandDbContext Db) Reminders(EvenhandApp app, IEmailSender? sender = null, TimeProvider? time = null)
    {
        var db = app.CreateDbContext();
        time ??= TimeProvider.System;
        return (new ReminderService(db, MyWorkService.For(db, time), sender ?? new OutboxOnlySender(), time, Links), db);
    }

    /// <summary>A day no other test (nor the app's own timer) writes digests for.</summary>
    private static DateOnly FarDay(string provider, int n) => UkTime.Date(TestClock.Now).AddYears(3).AddDays((provider == TestDatabases.Sqlite ? 0 : 100) + n);

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task DailyDigest_RunTwiceAtOnce_AsTwoServersWould_IsWrittenOncePerUser(string provider)
    {
        var app = apps.Get(provider);
        var day = FarDay(provider, 1);
        var (a, dbA) = Reminders(app);
        var (b, dbB) = Reminders(app);
        await using (dbA)
        await using (dbB)
        {
            var runs = await Task.WhenAll(Task.Run(() => a.SendDailyDigestsAsync(day)), Task.Run(() => b.SendDailyDigestsAsync(day)));
            var again = await a.SendDailyDigestsAsync(day); // and a third time, later

            await using var db = app.CreateDbContext();
            var rows = await db.Set<OutboxEmail>().Where(e => e.Kind == OutboxEmail.DigestKind && e.Day == day).ToListAsync();
            Assert.NotEmpty(rows);
            Assert.Equal(rows.Count, rows.Select(r => r.UserId).Distinct().Count());
            Assert.Equal(rows.Count, runs.Sum(r => r.Written));
            Assert.Equal(0, again.Written);
            Assert.Equal(rows.Count, again.AlreadyWritten);
            // The demo's specialists have overdue reviews: each has the day's digest, naming incidents by reference only.
            var specialist = await db.Users.SingleAsync(u => u.Email == "specialist.cleveland@demo.evenhand.test");
            var digest = Assert.Single(rows, r => r.UserId == specialist.Id);
            Assert.Contains("https://evenhand.example/forces/cleveland/hate-incidents/", digest.Body, StringComparison.Ordinal);
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Digest_HoldsNoPersonalDataOfTheSubjectsOrComplainants(string provider)
    {
        var app = apps.Get(provider);
        var day = FarDay(provider, 2);
        // A specialist of its own: their first digest lists all of Cleveland's overdue work, whichever digests other tests
        // wrote before (a user's later digests list only what fell due since their last one).
        var email = await app.CreateUserAsync(Roles.HateCrimeSpecialist, "cleveland");
        var (service, db) = Reminders(app);
        await using (db)
        {
            await service.SendDailyDigestsAsync(day);
            var specialist = await db.Users.SingleAsync(u => u.Email == email);
            var own = await db.Set<OutboxEmail>().SingleAsync(e => e.Day == day && e.Kind == OutboxEmail.DigestKind && e.UserId == specialist.Id);
            Assert.Contains("/forces/cleveland/hate-incidents/", own.Body, StringComparison.Ordinal);
            var bodies = await db.Set<OutboxEmail>().Where(e => e.Day == day).Select(e => e.Subject + "\n" + e.Body).ToListAsync();
            var people = await db.IncidentPeople.ToListAsync();
            Assert.NotEmpty(people);
            foreach (var p in people)
            {
                foreach (var value in new[] { p.Name, p.Address, p.Contact }.Where(v => !string.IsNullOrWhiteSpace(v) && v!.Length > 4))
                {
                    Assert.DoesNotContain(bodies, b => b.Contains(value!, StringComparison.OrdinalIgnoreCase));
                }
            }
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task UserWhoChoseNone_GetsNoEmail_AndDigestUsersGetOnlyWhatIsNew(string provider)
    {
        var app = apps.Get(provider);
        const string slug = "cambridgeshire"; // no other test gives this force a section 55 response
        var none = await app.CreateUserAsync(Roles.PccOffice, slug);
        var digest = await app.CreateUserAsync(Roles.PccOffice, slug);
        string noneId, digestId;
        await using (var db = app.CreateDbContext())
        {
            noneId = await db.Users.Where(u => u.Email == none).Select(u => u.Id).SingleAsync();
            digestId = await db.Users.Where(u => u.Email == digest).Select(u => u.Id).SingleAsync();
        }

        // The choice is made on the settings page, as a user would.
        using (var client = await app.SignedInAsync(none))
        {
            var page = await client.GetPageAsync("/account/reminders");
            var response = await client.SubmitFormAsync(page, "handler=Preference", new() { ["Preference"] = nameof(ReminderPreference.None) });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }

        var day = FarDay(provider, 3);
        var (service, ctx) = Reminders(app);
        await using (ctx)
        {
            await service.SendDailyDigestsAsync(day);
            await service.SendDailyDigestsAsync(day.AddDays(1));
            await service.DeliverPendingAsync();
            var rows = await ctx.Set<OutboxEmail>().Where(e => e.UserId == noneId || e.UserId == digestId).ToListAsync();
            Assert.DoesNotContain(rows, r => r.UserId == noneId);
            // The first digest tells of the overdue section 55 comments; the next day has nothing new, so no email.
            var first = Assert.Single(rows, r => r.UserId == digestId);
            Assert.Equal(day, first.Day);
            Assert.Contains("Publish the section 55 comments", first.Body, StringComparison.Ordinal);
            Assert.Contains($"https://evenhand.example/forces/{slug}/responses/", first.Body, StringComparison.Ordinal);
            Assert.Equal(OutboxStatus.Sent, first.Status);
            Assert.Equal("outbox", first.SentBy);
            Assert.Equal(1, first.Attempts);
        }
    }

    [Fact]
    public void Digest_ListsWhatBecameDueOrOverdueSinceTheLastOne()
    {
        var force = new Evenhand.Forces.Force { Id = 1, Slug = "kent", Name = "Kent Police", ShortName = "Kent", LocalPolicingBody = "PCC", Country = "England" };
        WorkItem Item(string key, DateOnly? due, DateOnly today) => new(WorkKinds.Action, key, key, due, due is { } d && today > d, "/x", force, [Roles.ForceGovernance]);
        var day = new DateOnly(2025, 3, 10);
        var items = new[]
        {
            Item("due-today", day, day), Item("overdue-today", day.AddDays(-1), day), Item("overdue-long-ago", day.AddDays(-30), day),
            Item("due-tomorrow", day.AddDays(1), day), Item("never-done", null, day) with { Overdue = true }, Item("fell-due-yesterday", day.AddDays(-1), day) with { Overdue = false },
        };

        var (overdue, due) = ReminderService.Digest(items, day, since: day.AddDays(-1));
        Assert.Equal(["overdue-today"], overdue.Select(i => i.Key));
        Assert.Equal(["due-today"], due.Select(i => i.Key));

        // The first digest: everything overdue, and what is due that day.
        (overdue, due) = ReminderService.Digest(items, day, since: null);
        Assert.Equal(["never-done", "overdue-long-ago", "overdue-today"], overdue.Select(i => i.Key));
        Assert.Equal(["due-today"], due.Select(i => i.Key));

        // After three days without a run, the three days' changes come together.
        (overdue, due) = ReminderService.Digest(items, day, since: day.AddDays(-3));
        Assert.Equal(["overdue-today"], overdue.Select(i => i.Key));
        Assert.Equal(["fell-due-yesterday", "due-today"], due.Select(i => i.Key));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AssigningAnAction_EmailsTheOwnerAtOnce_IfTheyAskedForImmediate_Once(string provider)
    {
        var app = apps.Get(provider);
        const string slug = "essex";
        var immediate = await app.CreateUserAsync(Roles.Communications, slug);
        var daily = await app.CreateUserAsync(Roles.Communications, slug);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<EvenhandDbContext>();
        var ids = await db.Users.Where(u => u.Email == immediate || u.Email == daily).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var ctx = new ProcessContext("test", "Test", TestClock.Now);
        await sp.GetRequiredService<ReminderService>().SetPreferenceAsync(ids[immediate], ReminderPreference.Immediate, ctx);
        var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync();
        var plans = sp.GetRequiredService<ForceResponseService>();
        var plan = (await plans.ListForForceAsync(forceId)).First();
        plan = await plans.AddActionAsync(forceId, plan.RecommendationId, new AddActionOptions(plan.Version, "Publish the lanyard policy", null, TestClock.Today.AddYears(3), ids[immediate]), ctx);
        plan = await plans.AddActionAsync(forceId, plan.RecommendationId, new AddActionOptions(plan.Version, "Audit the badges", null, TestClock.Today.AddYears(3), ids[daily]), ctx);

        var actionId = plan.Actions.Single(a => a.Description == "Publish the lanyard policy").Id;
        var email = Assert.Single(await db.Set<OutboxEmail>().AsNoTracking().Where(e => e.UserId == ids[immediate]).ToListAsync());
        Assert.Equal(OutboxEmail.AssignedKind, email.Kind);
        Assert.Equal($"action:{actionId}", email.Key);
        Assert.Contains("Publish the lanyard policy", email.Body, StringComparison.Ordinal);
        Assert.Contains($"/forces/{slug}/recommendations/{plan.RecommendationId}", email.Body, StringComparison.Ordinal);
        Assert.Empty(await db.Set<OutboxEmail>().AsNoTracking().Where(e => e.UserId == ids[daily]).ToListAsync());

        // Told again about the same assignment (a retried request, a second server): still one email.
        var item = (await MyWorkService.For(db, TimeProvider.System).ItemsAsync((await MyWorkService.For(db, TimeProvider.System).FindUserAsync(ids[immediate]))!, TestClock.Now))
            .Single(i => i.Key == $"action:{actionId}");
        Assert.False(await sp.GetRequiredService<ReminderService>().NotifyAssignedAsync(ids[immediate], item));
        Assert.Single(await db.Set<OutboxEmail>().AsNoTracking().Where(e => e.UserId == ids[immediate]).ToListAsync());

        // An owner from another force is refused, and nothing is saved.
        var outsider = await app.CreateUserAsync(Roles.Communications, "surrey");
        var outsiderId = await db.Users.Where(u => u.Email == outsider).Select(u => u.Id).SingleAsync();
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => plans.AddActionAsync(forceId, plan.RecommendationId, new AddActionOptions(plan.Version, "Sneaky", null, null, outsiderId), ctx));
        Assert.Equal("OwnerUserId", Assert.Single(refused.Errors).Field);
    }

    private sealed class FailingSender(int failures) : IEmailSender
    {
        public int Calls { get; private set; }

        public string Name => "test";

        public Task<string?> SendAsync(OutboxEmail email, CancellationToken ct = default) =>
            ++Calls <= failures ? throw new HttpRequestException($"Notify unavailable (try {Calls})") : Task.FromResult<string?>("notify-id-1");
    }

    /// <summary>Delivery on a database of its own (the shared app's timer sends the shared outbox), with a clock the test moves.</summary>
    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Delivery_RetriesWithBackOff_RecordsEachAttempt_AndGivesUp(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await using (var init = database.CreateContext())
        {
            await DatabaseInitializer.InitialiseAsync(init);
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 7, 0, 0, TimeSpan.Zero));
        await using var db = database.CreateContext();
        db.Users.Add(new EvenhandUser { Id = "u1", UserName = "a@x.test", Email = "a@x.test", DisplayName = "A" });
        db.Set<OutboxEmail>().AddRange(
            new OutboxEmail { UserId = "u1", Kind = OutboxEmail.AssignedKind, Key = "action:1", To = "a@x.test", Subject = "S", Body = "B", CreatedAt = clock.GetUtcNow(), NextAttemptAt = clock.GetUtcNow() },
            new OutboxEmail { UserId = "u1", Kind = OutboxEmail.AssignedKind, Key = "action:2", To = "a@x.test", Subject = "S", Body = "B", CreatedAt = clock.GetUtcNow(), NextAttemptAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();

        var sender = new FailingSender(failures: 2);
        var service = new ReminderService(db, MyWorkService.For(db, clock), sender, clock, Links);
        Assert.Equal(new DeliveryRun(0, 2, 0), await service.DeliverPendingAsync());
        var first = await db.Set<OutboxEmail>().AsNoTracking().OrderBy(e => e.Id).FirstAsync();
        Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.Equal("HttpRequestException: Notify unavailable (try 1)", first.LastError);
        Assert.Equal(clock.GetUtcNow() + ReminderService.Backoff(1), first.NextAttemptAt);

        Assert.Equal(new DeliveryRun(0, 0, 0), await service.DeliverPendingAsync()); // not before the back-off
        clock.Advance(ReminderService.Backoff(1));
        Assert.Equal(new DeliveryRun(2, 0, 0), await service.DeliverPendingAsync());
        var sent = await db.Set<OutboxEmail>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.All(sent, e => Assert.Equal(OutboxStatus.Sent, e.Status));
        Assert.All(sent, e => Assert.Equal(2, e.Attempts));
        Assert.All(sent, e => Assert.Null(e.LastError));
        Assert.All(sent, e => Assert.Equal("notify-id-1", e.ProviderId));

        // A row that never goes through is given up after the last attempt, its error kept.
        db.Set<OutboxEmail>().Add(new OutboxEmail { UserId = "u1", Kind = OutboxEmail.AssignedKind, Key = "action:3", To = "a@x.test", Subject = "S", Body = "B", CreatedAt = clock.GetUtcNow(), NextAttemptAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var broken = new ReminderService(db, MyWorkService.For(db, clock), new FailingSender(int.MaxValue), clock, Links);
        for (var attempt = 1; attempt <= ReminderService.MaxAttempts; attempt++)
        {
            await broken.DeliverPendingAsync();
            clock.Advance(ReminderService.Backoff(attempt));
        }

        var failed = await db.Set<OutboxEmail>().AsNoTracking().SingleAsync(e => e.Key == "action:3");
        Assert.Equal((OutboxStatus.Failed, ReminderService.MaxAttempts), (failed.Status, failed.Attempts));
        Assert.StartsWith("HttpRequestException", failed.LastError, StringComparison.Ordinal);
    }
}

using Evenhand.Common;
using Evenhand.Data;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Tests.Infrastructure;
using Evenhand.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Evenhand.Tests.HateIncidents;

/// <summary>Reviews, retention reviews and answers to subjects fall due by the passing of time, without anyone opening a page.</summary>
public sealed class DueWorkTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly IAssessmentRuleSet Rules = RuleSetRegistry.Default;

    /// <summary>An NCHI assessed by a call taker at <paramref name="at"/>, waiting for specialist review.</summary>
    internal static HateIncident AssessedNchi(int forceId, string reference, bool risk, DateTimeOffset at)
    {
        var ctx = new ProcessContext("u1", "Call taker", at);
        var incident = HateIncident.Record(forceId, reference,
            new IncidentReport(at.AddMinutes(-10), ReportChannel.Phone, at.AddHours(-1), "Crewe Central", "bus", "Passenger shouted abuse.",
                ["race"], PerceivedBy.Complainant, false, false),
            Rules.ParticularCharacteristics, ctx);
        var answers = new AssessmentAnswers(["race"], true, false, false, false, false, risk, false, false) { BasisToConcludeIntentionalHostility = true };
        incident.Assess(answers, Rules.Assess(answers), risk ? "Repeated threats to a family." : null, IncidentStaffRole.CallTaker, ForceHatePolicy.Default(forceId), ctx);
        return incident;
    }

    [Fact]
    public void NoteWorkFallenDue_NotesEachOnce_AndLeavesTheVersionAlone()
    {
        var incident = AssessedNchi(1, "R1", risk: false, Start);
        var version = incident.Version;
        var ctx = ProcessContext.System(new FakeTimeProvider(Start.AddHours(25)), "test");

        Assert.Empty(incident.NoteWorkFallenDue(Start.AddHours(23), DateOnly.FromDateTime(Start.UtcDateTime), ForceHatePolicy.Default(1), ctx));
        Assert.Equal([FallenDue.ReviewOverdue], incident.NoteWorkFallenDue(Start.AddHours(25), DateOnly.FromDateTime(Start.UtcDateTime), ForceHatePolicy.Default(1), ctx));
        Assert.Empty(incident.NoteWorkFallenDue(Start.AddHours(26), DateOnly.FromDateTime(Start.UtcDateTime), ForceHatePolicy.Default(1), ctx));

        Assert.Equal(1, incident.History.Count(h => h.Event == "Specialist review overdue"));
        Assert.Equal(version, incident.Version);
    }

    [Fact]
    public void NoteWorkFallenDue_RetentionReview_IsNotedAgainForTheNextDueDate()
    {
        var specialist = new ProcessContext("u2", "Specialist", Start.AddHours(1));
        var incident = AssessedNchi(1, "R2", risk: true, Start);
        incident.AddPerson(PersonRole.Subject, new PersonDetails("A Subject", null, null, null, null), IncidentStaffRole.Specialist, ForceHatePolicy.Default(1), specialist);
        var due = incident.RetentionReviewDueOn!.Value;
        var system = ProcessContext.System(TimeProvider.System, "test");

        Assert.DoesNotContain(FallenDue.RetentionReviewDue, incident.NoteWorkFallenDue(Start, due.AddDays(-1), ForceHatePolicy.Default(1), system));
        Assert.Contains(FallenDue.RetentionReviewDue, incident.NoteWorkFallenDue(Start, due, ForceHatePolicy.Default(1), system));
        Assert.DoesNotContain(FallenDue.RetentionReviewDue, incident.NoteWorkFallenDue(Start, due.AddDays(1), ForceHatePolicy.Default(1), system));

        incident.KeepAfterRetentionReview("Risk remains: further threats this month", IncidentStaffRole.Specialist, ForceHatePolicy.Default(1),
            new ProcessContext("u2", "Specialist", new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        var next = incident.RetentionReviewDueOn!.Value;
        Assert.True(next > due);
        Assert.Contains(FallenDue.RetentionReviewDue, incident.NoteWorkFallenDue(Start, next, ForceHatePolicy.Default(1), system));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Run_NotesOverdueReviewsAcrossForces_WithAnAuditEntry_AndASecondRunNotesNothing(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        int cheshire, cleveland;
        await using (var db = database.CreateContext())
        {
            await DatabaseInitializer.InitialiseAsync(db);
            cheshire = await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
            cleveland = await db.Forces.Where(f => f.Slug == "cleveland").Select(f => f.Id).SingleAsync();
            db.HateIncidents.AddRange(
                AssessedNchi(cheshire, "CH-1", false, Start),
                AssessedNchi(cleveland, "CL-1", false, Start),
                AssessedNchi(cheshire, "CH-2", false, Start.AddHours(20)));
            await db.SaveChangesAsync();
        }

        var time = new FakeTimeProvider(Start.AddHours(30));
        DueWorkResult first, second;
        await using (var db = database.CreateContext())
        {
            first = await new HateIncidentDueWork(db, time).RunAsync();
        }

        await using (var db = database.CreateContext())
        {
            second = await new HateIncidentDueWork(db, time).RunAsync();
        }

        Assert.Equal(2, first.ReviewsOverdue);
        Assert.Equal(0, second.Total);
        await using var check = database.CreateContext();
        var noted = await check.HateIncidents.Where(i => i.ReviewOverdueNotedAt != null).Select(i => i.Reference).OrderBy(r => r).ToListAsync();
        Assert.Equal(["CH-1", "CL-1"], noted);
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == "FellDue"));
        Assert.Equal(2, await check.Set<IncidentHistoryEntry>().CountAsync(h => h.Event == "Specialist review overdue"));
    }

    [Fact]
    public async Task Scheduler_RunsAtStartAndAgainEachInterval_OnTheAppsClock()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        int cheshire;
        await using (var db = database.CreateContext())
        {
            await DatabaseInitializer.InitialiseAsync(db);
            cheshire = await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
            db.HateIncidents.Add(AssessedNchi(cheshire, "CH-1", false, Start));
            await db.SaveChangesAsync();
        }

        var time = new FakeTimeProvider(Start.AddHours(1));
        var services = new ServiceCollection()
            .AddDbContext<EvenhandDbContext>(o => DatabaseSetup.Configure(o, database.Provider, database.ConnectionString))
            .AddSingleton<TimeProvider>(time)
            .AddScoped<HateIncidentDueWork>()
            .BuildServiceProvider();
        await using var _ = services;
        using var scheduler = new DueWorkScheduler(services.GetRequiredService<IServiceScopeFactory>(), time,
            Options.Create(new BackgroundWorkOptions { DueWorkIntervalMinutes = 15 }), NullLogger<DueWorkScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            // Nothing is due at the first run; a day later, the next tick of the timer notes the overdue review.
            await Task.Delay(200);
            Assert.Equal(0, await CountNotedAsync());
            time.Advance(TimeSpan.FromHours(24));
            for (var i = 0; i < 100 && await CountNotedAsync() == 0; i++)
            {
                await Task.Delay(50);
            }

            Assert.Equal(1, await CountNotedAsync());
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }

        async Task<int> CountNotedAsync()
        {
            await using var db = database.CreateContext();
            return await db.HateIncidents.CountAsync(i => i.ReviewOverdueNotedAt != null);
        }
    }
}

using Evenhand.Common;
using Evenhand.Data;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Evenhand.Tests.HateIncidents;

/// <summary>Reviews, retention reviews and answers to subjects fall due by the passing of time, without anyone opening a page.</summary>
public sealed class DueWorkTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An NCHI assessed by a call taker at <paramref name="at"/>, waiting for specialist review.</summary>
    private static HateIncident AssessedNchi(int forceId, string reference, bool risk, DateTimeOffset at) =>
        TestData.NewIncident(forceId, reference, b => b.RecordedAt(at).RecordedBy(IncidentStaffRole.CallTaker)
            .Reported("Crewe Central", "bus", "Passenger shouted abuse.", "race").Assessed(risk: risk));

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

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Run_WhenAnotherRunNotesTheSameItemsFirst_NotesNothingTwice(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await SeedOverdueAsync(database, 3);
        var time = new FakeTimeProvider(Start.AddHours(30));

        // Run B has read the incidents and is about to save when run A (another server, or the CLI) notes them all.
        DueWorkResult? a = null;
        var interceptor = new BeforeFirstSave(async () =>
        {
            await using var other = database.CreateContext();
            a = await new HateIncidentDueWork(other, time).RunAsync();
        });
        DueWorkResult b;
        var options = new DbContextOptionsBuilder<EvenhandDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString);
        await using (var db = new EvenhandDbContext(options.AddInterceptors(interceptor).Options))
        {
            b = await new HateIncidentDueWork(db, time).RunAsync();
        }

        Assert.Equal(3, a!.ReviewsOverdue);
        Assert.Equal(0, b.ReviewsOverdue);
        await AssertEachNotedOnceAsync(database, 3);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Run_FourAtOnce_NoteEachItemOnce(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await SeedOverdueAsync(database, 40);
        var time = new FakeTimeProvider(Start.AddHours(30));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            return await new HateIncidentDueWork(db, time).RunAsync();
        })));

        Assert.Equal(40, results.Sum(r => r.ReviewsOverdue));
        await AssertEachNotedOnceAsync(database, 40);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Database_RefusesASecondNoteOfTheSameDueItem(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await SeedOverdueAsync(database, 1);
        await using (var db = database.CreateContext())
        {
            await new HateIncidentDueWork(db, new FakeTimeProvider(Start.AddHours(30))).RunAsync();
        }

        await using var check = database.CreateContext();
        var noted = await check.Set<IncidentHistoryEntry>().AsNoTracking().SingleAsync(h => h.DueKey != null);
        check.Add(new IncidentHistoryEntry { HateIncidentId = noted.HateIncidentId, At = Start, By = "test", Event = "Specialist review overdue", DueKey = noted.DueKey });
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => check.SaveChangesAsync());
        Assert.True(DbErrors.IsUniqueViolation(e));
    }

    private static async Task SeedOverdueAsync(TestDatabase database, int count)
    {
        await using var db = database.CreateContext();
        await DatabaseInitializer.InitialiseAsync(db);
        var cheshire = await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
        db.HateIncidents.AddRange(Enumerable.Range(1, count).Select(i => AssessedNchi(cheshire, $"CH-{i}", false, Start)));
        await db.SaveChangesAsync();
    }

    private static async Task AssertEachNotedOnceAsync(TestDatabase database, int count)
    {
        await using var check = database.CreateContext();
        var notes = await check.Set<IncidentHistoryEntry>().Where(h => h.Event == "Specialist review overdue")
            .GroupBy(h => h.HateIncidentId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(count, notes.Count);
        Assert.All(notes, n => Assert.Equal(1, n));
        Assert.Equal(count, await check.AuditEntries.CountAsync(a => a.Action == "FellDue"));
    }

    /// <summary>Runs <paramref name="before"/> once, just before the first save of the context it is added to.</summary>
    private sealed class BeforeFirstSave(Func<Task> before) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        private int done;

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                await before();
            }

            return result;
        }
    }
}

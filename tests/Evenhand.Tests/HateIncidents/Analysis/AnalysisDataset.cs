using Evenhand.Data;
using Evenhand.HateIncidents;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Evenhand.Tests.HateIncidents.Analysis;

/// <summary>
/// A small hand-built set of incidents, one database per provider, shared by the analysis and case-file tests. Every number the
/// tests expect can be worked out from <see cref="SeedAsync"/>. "Now" is 15 June 2025 12:00 UTC; the period is 1 March–15 June 2025.
/// </summary>
public sealed class AnalysisDataset : IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, (TestDatabase Db, int Cheshire, int Cleveland)> databases = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public FakeTimeProvider Time { get; } = new(Now);

    public async Task<(TestDatabase Db, int Cheshire, int Cleveland)> GetAsync(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        await gate.WaitAsync();
        try
        {
            if (!databases.TryGetValue(provider, out var entry))
            {
                var db = TestDatabases.Create(provider);
                await using var context = db.CreateContext();
                await DatabaseInitializer.InitialiseAsync(context);
                var cheshire = await context.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
                var cleveland = await context.Forces.Where(f => f.Slug == "cleveland").Select(f => f.Id).SingleAsync();
                await SeedAsync(context, cheshire, cleveland);
                entry = (db, cheshire, cleveland);
                databases[provider] = entry;
            }

            return entry;
        }
        finally
        {
            gate.Release();
        }
    }

    private static DateTimeOffset At(int month, int day, int hour, int year = 2025) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static HateIncident Incident(int forceId, string reference, DateTimeOffset reported, string area, string? location, string[] characteristics, string? outcome, IncidentStatus status) =>
        IncidentRows.New()
            .Set(i => i.ForceId, forceId)
            .Set(i => i.Reference, reference)
            .Set(i => i.ReportedAt, reported)
            .Set(i => i.OccurredAt, reported.AddHours(-1))
            .Set(i => i.Area, area)
            .Set(i => i.LocationDescription, location)
            .Set(i => i.Circumstances, "Test incident " + reference)
            .Set(i => i.Characteristics, [.. characteristics])
            .Set(i => i.Status, status)
            .Set(i => i.AssessedAt, outcome is null ? null : reported.AddHours(1))
            .Set(i => i.Assessment, outcome is null ? null : new IncidentAssessment { Outcome = outcome, SpecialistReview = "not-required", PerceivedHostility = true })
            .Set(i => i.Classification, outcome);

    private static IncidentPerson Person(PersonRole role, string name, int year) => new() { Role = role, Name = name, DateOfBirth = new DateOnly(year, 1, 1) };

    public static async Task SeedAsync(EvenhandDbContext db, int cheshire, int cleveland)
    {
        db.HatePolicies.Add(new ForceHatePolicy { ForceId = cheshire, ReviewTargetHours = 24 });

        var a = Incident(cheshire, "T-A", At(3, 10, 10), "Crewe", "Bus station", ["race"], "hate-crime", IncidentStatus.Finalised);
        a.Set(x => x.Deployed, true);
        a.Set(x => x.DeploymentDecidedAt, a.ReportedAt.AddHours(2));
        a.AddRows(x => x.People, Person(PersonRole.Complainant, "Ann Smith", 1980), Person(PersonRole.Subject, "Sam Jones", 1990));

        var b = Incident(cheshire, "T-B", At(3, 20, 9), "Crewe", "Bus station", ["race", "religion"], "nchi", IncidentStatus.Finalised);
        b.Set(x => x.ReviewDueAt, b.AssessedAt!.Value.AddHours(24));
        b.Set(x => x.ReviewedAt, b.AssessedAt!.Value.AddHours(10));
        b.Set(x => x.Deployed, false);
        b.Set(x => x.DeploymentDecidedAt, b.ReviewedAt);
        b.AddRows(x => x.People, Person(PersonRole.Complainant, "ann SMITH", 1980));
        b.AddRows(x => x.History, new IncidentHistoryEntry { At = b.ReviewedAt!.Value, By = "x", Event = "Review: classification confirmed", FromOutcome = "nchi", ToOutcome = "nchi" });

        var c = Incident(cheshire, "T-C", At(4, 5, 9), "Chester", "Park", ["sexual-orientation"], "nchi-with-personal-data", IncidentStatus.Finalised);
        c.Set(x => x.ReviewDueAt, c.AssessedAt!.Value.AddHours(24));
        c.Set(x => x.ReviewedAt, c.AssessedAt.Value.AddHours(30));
        c.Set(x => x.Deployed, true);
        c.Set(x => x.DeploymentDecidedAt, c.AssessedAt.Value.AddHours(1));
        c.AddRows(x => x.People, Person(PersonRole.Complainant, "Bob Brown", 1970), Person(PersonRole.Subject, "Sam Jones", 1990));

        // 23:30 UTC on 31 March is 00:30 on 1 April in London: an April incident.
        var d = Incident(cheshire, "T-D", new DateTimeOffset(2025, 3, 31, 23, 30, 0, TimeSpan.Zero), "Chester", "Park", ["disability"], "no-record", IncidentStatus.Closed);
        d.AddRows(x => x.People, Person(PersonRole.Complainant, "Ann Smith", 1980));
        d.AddRows(x => x.History, new IncidentHistoryEntry { At = d.ReportedAt.AddHours(5), By = "x", Event = "Closed on review", FromOutcome = "nchi", ToOutcome = "no-record" });

        var e = Incident(cheshire, "T-E", At(6, 14, 9), "Crewe", "High street", ["race"], "nchi", IncidentStatus.AwaitingReview);
        e.Set(x => x.ReviewDueAt, e.AssessedAt!.Value.AddHours(24)); // 15 June 10:00: overdue at 12:00

        var f = Incident(cheshire, "T-F", At(6, 15, 8), "Chester", "Station", ["religion"], "nchi", IncidentStatus.AwaitingReview);
        f.Set(x => x.ReviewDueAt, f.AssessedAt!.Value.AddHours(24));

        var g = Incident(cheshire, "T-G", At(6, 15, 11), "Crewe", null, ["transgender-identity"], null, IncidentStatus.Recorded);

        // Before the period: ignored by the analysis, but finalised (the case-file sample may pick it).
        var h = Incident(cheshire, "T-H", At(1, 10, 10, 2024), "Crewe", "Bus station", ["race"], "hate-crime", IncidentStatus.Finalised);
        h.AddRows(x => x.People, Person(PersonRole.Complainant, "Ann Smith", 1980));

        // The subject's personal data was deleted: the subject is not linked any more.
        var i = Incident(cheshire, "T-I", At(5, 10, 9), "Chester", "Park", ["religion"], "nchi", IncidentStatus.Finalised);
        i.Set(x => x.ReviewDueAt, i.AssessedAt!.Value.AddHours(24));
        i.Set(x => x.ReviewedAt, i.AssessedAt!.Value.AddHours(2));
        i.Set(x => x.PersonalDataDeletedAt, i.ReviewedAt);
        i.AddRows(x => x.History, new IncidentHistoryEntry { At = i.ReviewedAt!.Value, By = "x", Event = "Reclassified on review", FromOutcome = "nchi-with-personal-data", ToOutcome = "nchi" });

        // Another force: never counted for Cheshire.
        var other = Incident(cleveland, "T-X", At(3, 15, 10), "Crewe", "Bus station", ["race"], "hate-crime", IncidentStatus.Finalised);
        other.AddRows(x => x.People, Person(PersonRole.Complainant, "Ann Smith", 1980), Person(PersonRole.Subject, "Sam Jones", 1990));

        db.HateIncidents.AddRange(a, b, c, d, e, f, g, h, i, other);
        await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        foreach (var (db, _, _) in databases.Values)
        {
            db.Dispose();
        }
    }
}

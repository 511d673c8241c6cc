using BenchmarkDotNet.Attributes;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Analysis;
using Evenhand.HateIncidents.Demo;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Bench;

/// <summary>
/// Each hate-incident analysis query (issue 3 acceptance: under 200 ms on SQLite with 100,000 incidents). The database holds
/// <see cref="HateAnalysisDatabase.Count"/> incidents for one force (plus 5,000 for another, so the force filter matters), made
/// by the demo generator; the filter covers all 19 months, the worst case.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class HateAnalysisBenchmarks
{
    private HateAnalysisDatabase database = null!;
    private HateAnalysisFilter filter = null!;

    [GlobalSetup]
    public void Setup()
    {
        database = HateAnalysisDatabase.EnsureAsync(HateAnalysisDatabase.Count).GetAwaiter().GetResult();

        filter = database.Filter;
    }

    private async Task<T> Run<T>(Func<HateIncidentAnalysisService, Task<T>> query)
    {
        await using var db = database.CreateContext();
        return await query(new HateIncidentAnalysisService(db, database.Time));
    }

    [Benchmark]
    public Task<IReadOnlyList<KeyedCount>> ByArea() => Run(s => s.ByAreaAsync(database.ForceId, filter));

    [Benchmark]
    public Task<IReadOnlyList<KeyedCount>> ByCharacteristic() => Run(s => s.ByCharacteristicAsync(database.ForceId, filter));

    [Benchmark]
    public Task<IReadOnlyList<KeyedCount>> ByCharacteristicFiltered() =>
        Run(s => s.ByCharacteristicAsync(database.ForceId, filter with { Characteristic = "religion", Outcome = "nchi" }));

    [Benchmark]
    public Task<IReadOnlyList<MonthCount>> ByMonth() => Run(s => s.ByMonthAsync(database.ForceId, filter));

    [Benchmark]
    public Task<IReadOnlyList<RepeatLocation>> RepeatLocations() => Run(s => s.RepeatLocationsAsync(database.ForceId, filter));

    [Benchmark]
    public Task<IReadOnlyList<RepeatPerson>> RepeatComplainants() => Run(s => s.RepeatPeopleAsync(database.ForceId, filter, PersonRole.Complainant));

    [Benchmark]
    public Task<IReadOnlyList<RepeatPerson>> RepeatSubjects() => Run(s => s.RepeatPeopleAsync(database.ForceId, filter, PersonRole.Subject));

    [Benchmark]
    public Task<ReviewTimeliness> ReviewTimeliness() => Run(s => s.ReviewTimelinessAsync(database.ForceId, filter));

    [Benchmark]
    public Task<DeploymentSummary> Deployment() => Run(s => s.DeploymentAsync(database.ForceId, filter));

    [Benchmark]
    public Task<ReclassificationSummary> Reclassifications() => Run(s => s.ReclassificationsAsync(database.ForceId, filter));

    /// <summary>The whole analysis page (every breakdown above, in sequence).</summary>
    [Benchmark]
    public Task<HateIncidentAnalysis> WholePage() => Run(s => s.AnalyseAsync(database.ForceId, filter));

    public static IReadOnlyList<(string Name, Func<HateAnalysisBenchmarks, Task> Run)> All { get; } =
    [
        (nameof(ByArea), b => b.ByArea()),
        (nameof(ByCharacteristic), b => b.ByCharacteristic()),
        (nameof(ByCharacteristicFiltered), b => b.ByCharacteristicFiltered()),
        (nameof(ByMonth), b => b.ByMonth()),
        (nameof(RepeatLocations), b => b.RepeatLocations()),
        (nameof(RepeatComplainants), b => b.RepeatComplainants()),
        (nameof(RepeatSubjects), b => b.RepeatSubjects()),
        (nameof(ReviewTimeliness), b => b.ReviewTimeliness()),
        (nameof(Deployment), b => b.Deployment()),
        (nameof(Reclassifications), b => b.Reclassifications()),
        (nameof(WholePage), b => b.WholePage()),
    ];
}

/// <summary>A SQLite database of generated incidents, built once and kept in the temp directory for later runs.</summary>
public sealed class HateAnalysisDatabase
{
    public static int Count { get; set; } = 100_000;

    /// <summary>Fixed, so the data (and so the timings) are the same on every run.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly DbContextOptions<EvenhandDbContext> options;

    private HateAnalysisDatabase(string path, int forceId)
    {
        Path = path;
        ForceId = forceId;
        options = DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, $"Data Source={path}");
    }

    public string Path { get; }
    public int ForceId { get; }
    public TimeProvider Time { get; } = new FixedTime(Now);
    public HateAnalysisFilter Filter { get; } = new(new DateOnly(2024, 12, 1), DateOnly.FromDateTime(Now.UtcDateTime));

    public EvenhandDbContext CreateContext() => new(options);

    public static async Task<HateAnalysisDatabase> EnsureAsync(int count, Action<string>? log = null)
    {
        // The file name carries a hash of the schema, so a model change builds a new database instead of reusing a stale one.
        string schema;
        await using (var probe = new EvenhandDbContext(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, "Data Source=:memory:")))
        {
            schema = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(probe.Database.GenerateCreateScript())))[..10];
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"evenhand-bench-hate-{count}-{schema}.db");
        if (!File.Exists(path))
        {
            var building = path + ".building";
            File.Delete(building);
            var options = DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, $"Data Source={building};Pooling=False");
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using (var db = new EvenhandDbContext(options))
            {
                // The schema of the model (the same tables and indexes the migrations create), and the 43 forces.
                await db.Database.EnsureCreatedAsync();
                foreach (var f in ForceCatalogue.All)
                {
                    db.Forces.Add(new Force
                    {
                        Slug = f.Slug, Name = f.Name, ShortName = f.ShortName, LocalPolicingBody = f.LocalPolicingBody,
                        LocalPolicingBodyType = f.LocalPolicingBodyType, Country = f.Country,
                    });
                }

                await db.SaveChangesAsync();
                var main = await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
                var other = await db.Forces.Where(f => f.Slug == "cleveland").Select(f => f.Id).SingleAsync();
                await AddAsync(db, main, count, 1, HateIncidentDemoData.ProfileFor("cheshire"), log);
                await AddAsync(db, other, 5_000, 2, HateIncidentDemoData.ProfileFor("cleveland"), log);
            }

            File.Move(building, path);
            log?.Invoke($"Built {path} with {count:N0} incidents in {started.Elapsed.TotalSeconds:N0} s.");
        }

        await using var check = new EvenhandDbContext(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, $"Data Source={path}"));
        var forceId = await check.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
        return new HateAnalysisDatabase(path, forceId);
    }

    private static async Task AddAsync(EvenhandDbContext db, int forceId, int count, int seed, DemoForceProfile profile, Action<string>? log)
    {
        var incidents = HateIncidentDemoData.Generate(forceId, count, seed, Now, profile);
        foreach (var batch in incidents.Chunk(10_000))
        {
            db.HateIncidents.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            log?.Invoke($"  force {forceId}: {batch.Length:N0} more incidents saved");
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

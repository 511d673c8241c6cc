using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Evenhand.Bench;

// Usage:
//   dotnet run -c Release --project bench/Evenhand.Bench -- hate-analysis            BenchmarkDotNet (in-process), about 3 minutes
//   dotnet run -c Release --project bench/Evenhand.Bench -- hate-analysis --quick    warm-up, then the median of 20 runs of each query
//   add --count N to change the number of incidents (default 100000). The database is built once, in the temp directory.
//   dotnet run -c Release --project bench/Evenhand.Bench -- social                   `evenhand social analyze` on 857,000 posts: median of 5 runs
//   add --posts N --accounts N --runs N; --import also runs social-import. The synthetic files are written once, in the temp directory.
//   dotnet run -c Release --project bench/Evenhand.Bench -- social-import [--runs N] [--posts N] [--small N] [--provider sqlite|postgres|both]
//                                                   `evenhand social import` beside sqlite3 .import and psql \copy into the same
//                                                   table and indexes, median of 3, peak memory at 200,000 and 857,000 posts
//                                                   (PostgreSQL when EVENHAND_BENCH_POSTGRES holds a connection string)
//   dotnet run -c Release --project bench/Evenhand.Bench -- sign-in [--runs N]     median failed sign-in, known vs unknown email
//   dotnet run -c Release --project bench/Evenhand.Bench -- parse [--runs N] [--pages N]   reading and parsing a 200-page report and response (PDF, Word, HTML), median of 9
//   dotnet run -c Release --project bench/Evenhand.Bench -- pages [--provider sqlite|postgres] [--sqlite FILE] [--runs N] [--only TEXT] [--prepare]
//                                                   every list page at full scale over HTTP (volumes built once; PostgreSQL
//                                                   from EVENHAND_BENCH_POSTGRES or EVENHAND_TEST_POSTGRES); --prepare builds
//                                                   the volumes and stops (run it before timing)
//   dotnet run -c Release --project bench/Evenhand.Bench -- load [--users 50] [--duration 5m] [--provider sqlite|postgres] [--servers 1|2] …
//                                                   many users on real server processes (see Load/LoadCommand.cs)
//   dotnet run -c Release --project bench/Evenhand.Bench -- fault                  SIGKILL and a PostgreSQL restart under load (Load/FaultCommand.cs)
if (args.Length > 0 && args[0] == Evenhand.Bench.Load.LoadCommand.Command)
{
    return await Evenhand.Bench.Load.LoadCommand.RunAsync(args.Skip(1).ToList());
}

if (args.Length > 0 && args[0] == Evenhand.Bench.Load.FaultCommand.Command)
{
    return await Evenhand.Bench.Load.FaultCommand.RunAsync(args.Skip(1).ToList());
}

if (args.Length > 0 && args[0] == ParseBenchmark.Command)
{
    return await ParseBenchmark.RunAsync(args.Skip(1).ToList());
}

if (args.Length > 0 && args[0] == PagesBenchmark.Command)
{
    return await PagesBenchmark.RunAsync(args.Skip(1).ToList());
}

if (args.Length > 0 && args[0] == SignInBenchmark.Command)
{
    return await SignInBenchmark.RunAsync(args.Skip(1).ToList());
}

if (args.Length > 0 && args[0] == SocialBenchmark.Command)
{
    return await SocialBenchmark.RunAsync(args.Skip(1).ToList());
}

if (args.Length > 0 && args[0] == SocialImportBenchmark.Command)
{
    return await SocialImportBenchmark.RunAsync(args.Skip(1).ToList());
}

if (args.Length > 0 && args[0] == SocialBenchmark.ChildCommand)
{
    return await SocialBenchmark.ChildAsync(args.Skip(1).ToArray());
}

var rest = args.SkipWhile(a => a != "hate-analysis").Skip(1).ToList();
if (args.Length == 0 || args[0] != "hate-analysis")
{
    Console.Error.WriteLine("Usage: Evenhand.Bench hate-analysis [--quick] [--count N] | social [--posts N] [--accounts N] [--runs N] [--import] | social-import [--runs N] [--posts N] [--small N] [--provider sqlite|postgres|both] | sign-in [--runs N] | parse [--runs N] [--pages N] | pages [--provider sqlite|postgres] [--sqlite FILE] [--runs N] [--only TEXT] [--prepare] | " + Evenhand.Bench.Load.LoadCommand.Usage + " | " + Evenhand.Bench.Load.FaultCommand.Usage);
    return 2;
}

var countAt = rest.IndexOf("--count");
if (countAt >= 0)
{
    HateAnalysisDatabase.Count = int.Parse(rest[countAt + 1], CultureInfo.InvariantCulture);
}

Console.WriteLine($"Preparing a SQLite database with {HateAnalysisDatabase.Count:N0} incidents…");
var database = await HateAnalysisDatabase.EnsureAsync(HateAnalysisDatabase.Count, Console.WriteLine);
Console.WriteLine($"Database: {database.Path}");

if (rest.Contains("--quick"))
{
    var bench = new HateAnalysisBenchmarks();
    bench.Setup();
    const int warmUp = 3, runs = 20;
    Console.WriteLine($"{"query",-26} {"median ms",10} {"max ms",8}");
    var failed = false;
    foreach (var (name, run) in HateAnalysisBenchmarks.All)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await run(bench);
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await run(bench);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = (times[(runs / 2) - 1] + times[runs / 2]) / 2;
        failed |= name != nameof(HateAnalysisBenchmarks.WholePage) && median >= 200;
        Console.WriteLine($"{name,-26} {median,10:F1} {times[^1],8:F1}{(median >= 200 && name != nameof(HateAnalysisBenchmarks.WholePage) ? "  over 200 ms" : "")}");
    }

    return failed ? 1 : 0;
}

var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithId("InProcess"))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
var bdnArgs = rest.Where((a, i) => countAt < 0 || (i != countAt && i != countAt + 1)).ToArray();
BenchmarkRunner.Run<HateAnalysisBenchmarks>(config, bdnArgs);
return 0;

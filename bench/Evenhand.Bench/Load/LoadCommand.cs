using System.Diagnostics;
using System.Globalization;
using System.Net;
using Evenhand.Accounts;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Bench.Load;

/// <summary>
/// The load test (issue 12, point 7): starts the Release web app as one or two real server processes on a fresh copy of a
/// full-volume database, signs in many users of several forces and roles, and has each repeat a realistic mix of reads,
/// saves, exports and (one user) a background import for a fixed time, spread round-robin over the servers. Reports per
/// page the count, throughput, p50/p95/p99 and errors, the servers' memory and CPU, and checks every save the users were
/// told had succeeded is in the database. Goals: no errors, p95 of page reads under 300 ms and of saves under 500 ms; the
/// command exits 1 when one is missed. Bounded (at most 200 users, 30 minutes) and loopback only: it talks only to the
/// servers it starts.
/// </summary>
internal static class LoadCommand
{
    public const string Command = "load";

    public const string Usage =
        "load [--users 50] [--duration 5m] [--warmup 30s] [--think 1s] [--provider sqlite|postgres] [--servers 1|2] [--volumes full|demo] [--import-posts 60000] [--import-every 2m] [--keep] [--cost N]";

    public static async Task<int> RunAsync(List<string> args)
    {
        var o = LoadOptions.Parse(args);
        var run = RunId();
        Console.WriteLine($"Load test {run}: {o.Users} users for {o.Duration.TotalMinutes:0.#} min (after {o.Warmup.TotalSeconds:F0} s warm-up), mean think time {o.Think.TotalSeconds:0.##} s, " +
            $"{o.Provider} with {o.Servers} server(s), {(o.FullVolumes ? "full" : "demo")} volumes, import of {o.ImportPosts:N0} posts every {o.ImportEvery.TotalMinutes:0.#} min.");
        Console.WriteLine($"Load average at start: {LoadAverage()} ({Environment.ProcessorCount} cores){Priority.Describe()}");

        await using var database = await LoadDatabase.FreshAsync(o.Provider, o.FullVolumes, Math.Max(o.Users, 50), run, o.Keep, poolSize: 40, Console.WriteLine);
        var servers = new List<ServerProcess>();
        var restorePriority = await Priority.RaiseAsync(database);
        try
        {
            for (var i = 0; i < o.Servers; i++)
            {
                var sw = Stopwatch.StartNew();
                servers.Add(await ServerProcess.StartAsync(((char)('a' + i)).ToString(), ServerSettings(database)));
                Console.WriteLine($"Server {servers[^1].Name} (pid {servers[^1].Pid}) ready at {servers[^1].BaseAddress} in {sw.Elapsed.TotalSeconds:F0} s, {servers[^1].LastRss / 1048576.0:F0} MiB resident.");
            }

            return o.Cost > 0 ? await CostAsync(o, run, servers) : await DriveAsync(o, run, database, servers);
        }
        finally
        {
            restorePriority();
            foreach (var s in servers)
            {
                await s.DisposeAsync();
            }
        }
    }

    /// <summary>Production settings behind a TLS-terminating proxy, on the run's database, with the job engine's database store.</summary>
    public static Dictionary<string, string> ServerSettings(LoadDatabase database) => new()
    {
        ["Database:Provider"] = database.Provider.ToString(),
        ["ConnectionStrings:Evenhand"] = database.ConnectionString,
        ["Demo:Enabled"] = "false",
        ["ForwardedHeaders:Enabled"] = "true",
        ["BackgroundWork:Store"] = "Database",
    };

    private static async Task<int> DriveAsync(LoadOptions o, string run, LoadDatabase database, List<ServerProcess> servers)
    {
        var recorder = new Recorder();
        var mix = new MixContext
        {
            Run = run, Recorder = recorder, Think = o.Think, ImportPosts = o.ImportPosts, ImportEvery = o.ImportEvery,
            ImportFirstAfter = o.Warmup + TimeSpan.FromSeconds(20),
        };
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var addresses = new ServerPool(servers.Select(s => s.BaseAddress));
        var users = Enumerable.Range(0, o.Users).Select(LoadUsers.For).ToList();
        var importer = users.FirstOrDefault(u => u.Role == Roles.Communications && u.Force is not null);
        var started = DateTimeOffset.UtcNow;
        using var stop = new CancellationTokenSource();
        var cpuAtStart = servers.Select(s => s.CpuTime()).ToList();
        var clientCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var memory = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                servers.ForEach(s => s.SampleMemory());
                try
                {
                    await Task.Delay(1000, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // Done.
                }
            }
        });

        // Users arrive over the first half of the warm-up, as people do at the start of a shift.
        var tasks = users.Select(u => new VirtualUser(u, new Browser(http, addresses, recorder, u.Index), mix, u == importer)
            .RunAsync(o.Warmup / 2 * u.Index / Math.Max(1, o.Users), stop.Token)).ToList();
        Console.WriteLine($"{users.Count} users: {string.Join(", ", users.GroupBy(u => u.Role).Select(g => $"{g.Count()} {Roles.Describe(g.Key).ToLowerInvariant()}"))}; " +
            $"forces {string.Join(", ", users.Where(u => u.Force is not null).Select(u => u.Force).Distinct())}.");
        await Task.Delay(o.Warmup);
        recorder.StartMeasuring();
        var cpuAtMeasure = servers.Select(s => s.CpuTime()).ToList();
        var loadAtMeasure = LoadAverage();
        Console.WriteLine($"Warm-up over; measuring for {o.Duration.TotalMinutes:0.#} min…");
        var progress = Stopwatch.StartNew();
        while (progress.Elapsed < o.Duration)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Max(1, (o.Duration - progress.Elapsed).TotalSeconds))));
            var errors = recorder.Pages.Sum(p => p.ErrorCount);
            Console.WriteLine($"  {progress.Elapsed.TotalSeconds,4:F0} s: {recorder.Pages.Sum(p => p.Summarise(1).Count):N0} requests, {errors} errors, " +
                $"memory {string.Join(", ", servers.Select(s => $"{s.Name} {s.LastRss / 1048576.0:F0} MiB, {s.Threads} threads"))}, load average {LoadAverage()}");
        }

        recorder.StopMeasuring();
        var measured = recorder.MeasuredFor;
        var cpuAtEnd = servers.Select(s => s.CpuTime()).ToList();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuAtStart;
        var loadAtEnd = LoadAverage();
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        await memory;
        servers.ForEach(s => s.SampleMemory());

        // Imports still running finish before the database is checked.
        var deadline = DateTime.UtcNow.AddMinutes(5);
        DatabaseChecks.DatasetCheck datasets;
        while ((datasets = await DatabaseChecks.DatasetsAsync(database, started)).Unfinished > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(2000);
        }

        var saves = await DatabaseChecks.SavesAsync(database, run, [.. mix.Saves]);

        Console.WriteLine();
        Console.WriteLine($"Measured {measured.TotalSeconds:F0} s with {o.Users} users on {o.Provider}, {o.Servers} server(s). Load average {loadAtMeasure} when measuring began, {loadAtEnd} at the end.");
        Console.WriteLine();
        Console.WriteLine(recorder.Report(out var byKind));
        for (var i = 0; i < servers.Count; i++)
        {
            var cpu = cpuAtEnd[i] - cpuAtMeasure[i];
            Console.WriteLine($"Server {servers[i].Name}: memory peak {servers[i].PeakRss / 1048576.0:F0} MiB, final {servers[i].LastRss / 1048576.0:F0} MiB resident; " +
                $"{servers[i].PeakThreads} threads at most; CPU {cpu.TotalSeconds:F0} s while measuring ({cpu.TotalSeconds / measured.TotalSeconds * 100:F0} % of one core), {(cpuAtEnd[i] - cpuAtStart[i]).TotalSeconds:F0} s in all.");
        }

        Console.WriteLine($"Load tool (client) CPU: {clientCpu.TotalSeconds:F0} s in all.");
        Console.WriteLine($"Saves the users were told succeeded: {saves.Believed:N0}; found in the database: {saves.Found:N0}; saved twice: {saves.SavedTwice}.");
        foreach (var m in saves.Missing.Take(10))
        {
            Console.WriteLine("  missing: " + m);
        }

        Console.WriteLine($"Background imports: {datasets.Datasets} ({datasets.Ready} ready, {datasets.Failed} failed, {datasets.Unfinished} unfinished, {datasets.Partial} partial).");
        Console.Write(datasets.Details);
        var errorSamples = recorder.ErrorSamples();
        if (errorSamples.Length > 0)
        {
            Console.WriteLine($"Errors (first few of each page), at {recorder.ErrorTimeline()}:");
            Console.Write(errorSamples);
        }

        var failures = new List<string>();
        var errorsInAll = recorder.Pages.Sum(p => p.ErrorCount);
        if (errorsInAll > 0)
        {
            failures.Add($"{errorsInAll} errors");
        }

        if (byKind.TryGetValue(RequestKind.Read, out var reads) && reads.P95 >= o.ReadGoalMs)
        {
            failures.Add($"page reads p95 {reads.P95:F0} ms (goal under {o.ReadGoalMs} ms)");
        }

        if (byKind.TryGetValue(RequestKind.Save, out var writes) && writes.P95 >= o.SaveGoalMs)
        {
            failures.Add($"saves p95 {writes.P95:F0} ms (goal under {o.SaveGoalMs} ms)");
        }

        if (saves.Missing.Count > 0)
        {
            failures.Add($"{saves.Missing.Count} saves missing from the database");
        }

        if (datasets.Partial > 0 || datasets.Unfinished > 0 || datasets.Failed > 0)
        {
            failures.Add("an import did not finish whole");
        }

        if (servers.Any(s => s.HasExited))
        {
            failures.Add("a server exited");
        }

        Console.WriteLine();
        Console.WriteLine(failures.Count == 0
            ? $"Goals met: 0 errors, reads p95 {reads?.P95:F0} ms < {o.ReadGoalMs} ms, saves p95 {writes?.P95:F0} ms < {o.SaveGoalMs} ms."
            : "Goals missed: " + string.Join("; ", failures) + ".");
        if (failures.Count > 0)
        {
            foreach (var s in servers)
            {
                Console.WriteLine($"Server {s.Name}'s last output:\n{ServerProcess.Tail(s.Output, 30)}");
            }
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// <c>--cost N</c>: instead of the timed mix, one user of each role (in the large force where there is one) runs each of
    /// their actions N times in turn, alone, and the table gives each action's wall time and the servers' CPU time per run:
    /// where the CPU goes, independent of what else the machine is doing.
    /// </summary>
    private static async Task<int> CostAsync(LoadOptions o, string run, List<ServerProcess> servers)
    {
        var recorder = new Recorder();
        recorder.StartMeasuring();
        var mix = new MixContext { Run = run, Recorder = recorder, Think = TimeSpan.Zero };
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var pool = new ServerPool(servers.Select(s => s.BaseAddress));
        TimeSpan Cpu() => servers.Aggregate(TimeSpan.Zero, (t, s) => t + s.CpuTime());
        var rows = new List<(string Role, string Action, double WallMs, double CpuMs)>();
        foreach (var index in new[] { 0, 1, 2, 5, 7, 8, 9, 19 })
        {
            var who = LoadUsers.For(index);
            rows.AddRange(await new VirtualUser(who, new Browser(http, pool, recorder, index), mix, false).CostAsync(o.Cost, Cpu));
        }

        Console.WriteLine();
        Console.WriteLine($"Each action {o.Cost} times, one at a time (an action may be several requests: a save is the form, the post and the page it leads to). Load average {LoadAverage()}.");
        Console.WriteLine($"| {"role",-22} | {"action",-36} | {"wall ms",8} | {"server CPU ms",13} |");
        Console.WriteLine($"| {new string('-', 22)} | {new string('-', 36)} | -------: | ------------: |");
        foreach (var r in rows.OrderByDescending(r => r.CpuMs))
        {
            Console.WriteLine($"| {r.Role,-22} | {r.Action,-36} | {r.WallMs,8:F0} | {r.CpuMs,13:F0} |");
        }

        var errors = recorder.ErrorSamples();
        if (errors.Length > 0)
        {
            Console.WriteLine("Errors:");
            Console.Write(errors);
        }

        return 0;
    }

    public static string RunId() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>The 1, 5 and 15 minute load averages, as uptime prints them.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]}, {parts[1]}, {parts[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

internal sealed record LoadOptions(int Users, TimeSpan Duration, TimeSpan Warmup, TimeSpan Think, DatabaseProvider Provider, int Servers, bool FullVolumes,
    int ImportPosts, TimeSpan ImportEvery, bool Keep, int ReadGoalMs, int SaveGoalMs, int Cost)
{
    public static LoadOptions Parse(List<string> args)
    {
        string? Arg(string name) => args.IndexOf(name) is >= 0 and var i && i + 1 < args.Count ? args[i + 1] : null;
        var users = int.Parse(Arg("--users") ?? "50", CultureInfo.InvariantCulture);
        var duration = ParseTime(Arg("--duration") ?? "5m");
        var provider = (Arg("--provider") ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            var p => throw new ArgumentException($"--provider {p}: sqlite or postgres"),
        };
        var servers = int.Parse(Arg("--servers") ?? (provider == DatabaseProvider.Postgres ? "2" : "1"), CultureInfo.InvariantCulture);
        if (users is < 1 or > LoadUsers.Max)
        {
            throw new ArgumentException($"--users must be 1 to {LoadUsers.Max}.");
        }

        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromMinutes(30))
        {
            throw new ArgumentException("--duration must be more than 0 and at most 30 minutes.");
        }

        if (servers is < 1 or > 2 || (provider == DatabaseProvider.Sqlite && servers != 1))
        {
            throw new ArgumentException("--servers: 1 on SQLite (one server per SQLite file with the database job store), 1 or 2 on PostgreSQL.");
        }

        var volumes = (Arg("--volumes") ?? "full").ToLowerInvariant();
        if (volumes is not ("full" or "demo"))
        {
            throw new ArgumentException("--volumes full|demo");
        }

        return new LoadOptions(users, duration, ParseTime(Arg("--warmup") ?? "30s"), ParseTime(Arg("--think") ?? "1s"), provider, servers, volumes == "full",
            int.Parse(Arg("--import-posts") ?? "60000", CultureInfo.InvariantCulture), ParseTime(Arg("--import-every") ?? "2m"), args.Contains("--keep"),
            300, 500, int.Parse(Arg("--cost") ?? "0", CultureInfo.InvariantCulture));
    }

    /// <summary>"90s", "5m", "1.5s", "250ms" or a number of seconds.</summary>
    public static TimeSpan ParseTime(string text) =>
        text.EndsWith("ms", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture))
        : text.EndsWith('s') ? TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture))
        : text.EndsWith('m') ? TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture))
        : TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture));
}

/// <summary>
/// On a shared machine, run the benchmark at a raised priority (<c>nice -n -10 dotnet …</c>, as root). Linux shares the CPU
/// between sessions ("autogroups") before it looks at a process's nice value, so the tool also gives its own autogroup
/// (itself, the servers it starts) and, on PostgreSQL, the database server's autogroup the same nice value for the run, and
/// puts the old values back afterwards. Other work on the machine then gets the CPU mostly when the benchmark leaves it
/// idle, nearer to a machine of its own. Without a negative nice it changes nothing.
/// </summary>
internal static class Priority
{
    public static int Nice => int.Parse(File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16], CultureInfo.InvariantCulture);

    public static string Describe() => Nice == 0 ? "" : $"; benchmark processes and their autogroups at nice {Nice}";

    /// <summary>Raises the autogroups; the returned action restores them.</summary>
    public static async Task<Action> RaiseAsync(LoadDatabase database)
    {
        var nice = Nice;
        var restore = new List<(string Path, string Value)>();
        if (nice >= 0)
        {
            return () => { };
        }

        var targets = new List<string> { "/proc/self/autogroup" };
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var db = database.CreateContext();
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT pg_backend_pid()";
            targets.Add($"/proc/{Convert.ToInt32(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture)}/autogroup");
        }

        foreach (var path in targets)
        {
            try
            {
                // "/autogroup-123 nice 0"
                var old = File.ReadAllText(path).Trim().Split(' ')[^1];
                File.WriteAllText(path, nice.ToString(CultureInfo.InvariantCulture));
                restore.Add((path.Replace("/proc/self/", $"/proc/{Environment.ProcessId}/", StringComparison.Ordinal), old));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.WriteLine($"Could not raise {path}: {e.Message}");
            }
        }

        return () =>
        {
            foreach (var (path, value) in restore)
            {
                try
                {
                    File.WriteAllText(path, value);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The database server restarted meanwhile: its new group starts at 0 anyway.
                }
            }
        };
    }
}

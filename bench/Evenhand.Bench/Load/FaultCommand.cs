using System.Diagnostics;
using System.Globalization;
using System.Net;
using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Demo;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Bench.Load;

/// <summary>
/// The fault test (issue 12, point 7), on PostgreSQL with two servers under a load of saves: (1) a large social media
/// import is uploaded, and the server running it is killed with SIGKILL when it is part-way through, at a moment when
/// saves are in flight on it and due work is being noted on both servers and by a third process (as the CLI would);
/// the killed server is restarted, and the engine takes the import over; (2) while the import runs again and the saves go
/// on, PostgreSQL itself is restarted (<c>pg_ctlcluster … restart</c>), again with due work being noted. Then it checks the
/// database directly: no partial import (every dataset is ready with all its rows, or has none), no lost save (each save a
/// user was told had succeeded is there), no duplicate note of work fallen due. Exits 1 on any failure.
/// Run it through bench/fault.sh, which holds /work/bench.lock so the PostgreSQL restart cannot disturb another timed run.
/// </summary>
internal static class FaultCommand
{
    public const string Command = "fault";

    public const string Usage = "fault [--users 20] [--import-posts 300000] [--overdue 10000] [--pg-restart \"pg_ctlcluster 15 main restart -m fast\"] [--keep]";

    private const string OverdueForce = "durham";

    public static async Task<int> RunAsync(List<string> args)
    {
        string? Arg(string name) => args.IndexOf(name) is >= 0 and var i && i + 1 < args.Count ? args[i + 1] : null;
        var userCount = Math.Clamp(int.Parse(Arg("--users") ?? "20", CultureInfo.InvariantCulture), 2, 60);
        var importPosts = Math.Clamp(int.Parse(Arg("--import-posts") ?? "300000", CultureInfo.InvariantCulture), 10_000, 1_500_000);
        var overdue = Math.Clamp(int.Parse(Arg("--overdue") ?? "10000", CultureInfo.InvariantCulture), 10, 20_000);
        var pgRestart = Arg("--pg-restart") ?? "pg_ctlcluster 15 main restart -m fast";
        var run = LoadCommand.RunId();
        var recorder = new Recorder();
        recorder.StartMeasuring();
        var log = new EventLog(recorder);
        log.Write($"Fault test {run}: PostgreSQL, two servers, {userCount} users saving, an import of {importPosts:N0} posts, {overdue:N0} incidents with work fallen due. Load average {LoadCommand.LoadAverage()}.");

        await using var database = await LoadDatabase.FreshAsync(DatabaseProvider.Postgres, fullVolumes: false, 50, run, args.Contains("--keep"), poolSize: 30, log.Write);
        var settings = LoadCommand.ServerSettings(database);
        await using var a = await ServerProcess.StartAsync("a", settings);
        await using var b = await ServerProcess.StartAsync("b", settings);
        ServerProcess[] servers = [a, b];
        log.Write($"Servers a (pid {a.Pid}, {a.BaseAddress}) and b (pid {b.Pid}, {b.BaseAddress}) ready.");

        // Work that falls due only now: incidents from before seven months ago whose reviews (and more) are overdue, not yet noted.
        var since = DateTimeOffset.UtcNow;
        await SeedOverdueAsync(database, overdue);
        log.Write($"Added {overdue:N0} incidents to {OverdueForce} with work overdue and not yet noted.");

        var mix = new MixContext { Run = run, Recorder = recorder, Think = TimeSpan.FromMilliseconds(200), SavesOnly = true };
        var pool = new ServerPool(servers.Select(s => s.BaseAddress));
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = int.MaxValue };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var users = Enumerable.Range(0, userCount).Select(LoadUsers.For).Where(u => u.Role is Roles.ForceGovernance or Roles.CallTaker or Roles.HateCrimeSpecialist).ToList();
        using var stop = new CancellationTokenSource();
        var tasks = users.Select(u => new VirtualUser(u, new Browser(http, pool, recorder, u.Index), mix, false).RunAsync(TimeSpan.FromMilliseconds(100 * u.Index), stop.Token)).ToList();
        log.Write($"{users.Count} users saving (progress updates by form and API, incidents recorded), round-robin over both servers.");

        // An administrator, to start due work on a chosen server, and a communications user to upload.
        var admin = new Browser(http, pool, recorder, 900);
        var comms = new Browser(http, pool, recorder, 901);
        await SignInAsync(admin, LoadUsers.For(9).Email);
        await SignInAsync(comms, LoadUsers.For(7).Email);
        await Task.Delay(TimeSpan.FromSeconds(10));

        // Extra users (their own accounts, so their tokens are their own) saving with no pause through the given servers.
        BurstOfSaves Burst(int firstIndex, ServerPool through)
        {
            var cts = new CancellationTokenSource();
            var burstMix = new MixContext { Run = run, Recorder = recorder, Think = TimeSpan.Zero, SavesOnly = true, Saves = mix.Saves };
            var burstUsers = Enumerable.Range(firstIndex, 15).Select(LoadUsers.For).Where(u => u.Role is Roles.ForceGovernance or Roles.CallTaker or Roles.HateCrimeSpecialist).ToList();
            var running = burstUsers.Select(u => new VirtualUser(u, new Browser(http, through, recorder, u.Index), burstMix, false).RunAsync(TimeSpan.Zero, cts.Token)).ToList();
            return new BurstOfSaves(burstUsers.Count, cts, running);
        }

        var failures = new List<string>();
        var outcome = new List<string>();
        try
        {
            // 1. An import, and the server running it killed part-way, with saves and due work in flight.
            var (accounts, posts) = SocialFiles.Make(LoadUsers.For(7).Force!, importPosts);
            var datasetUrl = await UploadAsync(comms, LoadUsers.For(7).Force!, accounts, posts, log);
            var datasetId = int.Parse(datasetUrl[(datasetUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
            var (runner, _) = await WaitForImportAsync(database, datasetId, servers, 0.10, TimeSpan.FromMinutes(3), log);
            // Users hammering the server that runs the import with saves (no pause), so that saves are in flight when it dies.
            var burst = Burst(20, new ServerPool([runner.BaseAddress]));
            await Task.Delay(TimeSpan.FromSeconds(2));
            var dueWork = await StartDueWorkEverywhere(admin, servers, database, log);
            await Task.Delay(300);
            var savesBefore = mix.Saves.Count;
            pool.Set(runner.BaseAddress, false);
            runner.Kill();
            log.Write($"SIGKILL server {runner.Name} (pid {runner.Pid}) with the import {await FractionAsync(database, datasetId):P0} read, " +
                $"due work requested on both servers and running here, {burst.Users} users saving on it without pause.");
            await Task.Delay(TimeSpan.FromSeconds(1));
            await burst.StopAsync();
            await dueWork;
            await using (var db = database.CreateContext())
            {
                var rows = await db.SocialPosts.CountAsync(p => p.DatasetId == datasetId);
                log.Write($"Straight after the kill: {rows:N0} post rows of the dataset stored (its transaction was never committed).");
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            await runner.RestartAsync();
            pool.Set(runner.BaseAddress, true);
            log.Write($"Server {runner.Name} restarted (pid {runner.Pid}) and back in service; {mix.Saves.Count - savesBefore} saves succeeded meanwhile.");

            // 2. The import taken over and running again; PostgreSQL restarted part-way, with saves and due work in flight.
            var (runner2, _) = await WaitForImportAsync(database, datasetId, servers, 0.10, TimeSpan.FromMinutes(5), log);
            var burst2 = Burst(35, pool);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var dueWork2 = await StartDueWorkEverywhere(admin, servers, database, log);
            await Task.Delay(300);
            var fraction2 = await FractionAsync(database, datasetId);
            var restart = Stopwatch.StartNew();
            var (code, text) = await ShellAsync(pgRestart);
            log.Write($"PostgreSQL restarted ({pgRestart}: exit {code}{(text.Length > 0 ? ", " + text.Trim() : "")}) in {restart.Elapsed.TotalSeconds:F1} s, " +
                $"with the import {fraction2:P0} read on server {runner2.Name}, due work running and {burst2.Users} more users saving without pause.");
            if (code != 0)
            {
                failures.Add("PostgreSQL could not be restarted");
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            await burst2.StopAsync();
            await dueWork2;

            // 3. Load goes on; the import finishes (the engine retries it after the failure the restart caused).
            var finished = await WaitForDatasetAsync(database, datasetId, TimeSpan.FromMinutes(8));
            log.Write($"Dataset {datasetId}: {finished.Status}{(finished.Failure is null ? "" : $" ({finished.Failure})")}.");
            var savesAt = mix.Saves.Count;
            await Task.Delay(TimeSpan.FromSeconds(10));
            var savesAfter = mix.Saves.Count - savesAt;
            log.Write($"{savesAfter} saves succeeded in the last 10 s of load.");
            if (savesAfter == 0)
            {
                failures.Add("no save succeeded after the faults");
            }

            foreach (var s in servers)
            {
                using var probe = new HttpClient { BaseAddress = s.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
                var ready = (await probe.GetAsync("/health/ready")).StatusCode;
                log.Write($"Server {s.Name}: /health/ready {(int)ready}.");
                if (ready != HttpStatusCode.OK)
                {
                    failures.Add($"server {s.Name} not ready at the end");
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(tasks);
        }

        // One more run of due work after everything, so every item is noted, then the checks.
        await using (var db = database.CreateContext())
        {
            var last = await new HateIncidentDueWork(db, TimeProvider.System).RunAsync();
            log.Write($"A last due-work run noted {last.Total} more item(s).");
        }

        var datasets = await DatabaseChecks.DatasetsAsync(database, since);
        var saves = await DatabaseChecks.SavesAsync(database, run, [.. mix.Saves]);
        var notes = await DatabaseChecks.DueNotesAsync(database);
        int jobRuns;
        string runs;
        await using (var db = database.CreateContext())
        {
            var importRuns = await db.BackgroundJobRuns.AsNoTracking().Where(r => r.Job == "social-import").OrderBy(r => r.Id).ToListAsync();
            jobRuns = importRuns.Count;
            runs = string.Join("; ", importRuns.Select(r => $"{r.Server}: {r.Outcome}{(r.Recovering ? " (recovering)" : "")}{(r.Error is null ? "" : $" – {Short(r.Error)}")}"));
            var overdueForce = await db.Forces.Where(f => f.Slug == OverdueForce).Select(f => f.Id).SingleAsync();
            var seededNotes = await db.Set<IncidentHistoryEntry>().CountAsync(h => h.DueKey != null && db.HateIncidents.Any(i => i.Id == h.HateIncidentId && i.ForceId == overdueForce));
            outcome.Add($"Notes of work fallen due on the {overdue:N0} seeded incidents: {seededNotes:N0}.");
        }

        var errors = recorder.Pages.Sum(p => p.ErrorCount);
        Console.WriteLine();
        Console.WriteLine("Results");
        Console.WriteLine($"  Partial imports: {datasets.Partial} (datasets since the start: {datasets.Datasets}; ready {datasets.Ready}, failed {datasets.Failed}, unfinished {datasets.Unfinished})");
        Console.Write(datasets.Details);
        Console.WriteLine($"  Import job runs: {jobRuns}: {runs}");
        Console.WriteLine($"  Lost saves: {saves.Missing.Count} (told succeeded: {saves.Believed:N0}; found in the database: {saves.Found:N0}; progress updates stored twice: {saves.SavedTwice})");
        foreach (var m in saves.Missing.Take(20))
        {
            Console.WriteLine("    missing: " + m);
        }

        Console.WriteLine($"  Duplicate notes of work fallen due: {notes.Duplicates} (notes in all: {notes.Notes:N0}; unique index on (HateIncidentId, DueKey): {(notes.UniqueIndex ? "present" : "MISSING")})");
        outcome.ForEach(o => Console.WriteLine("  " + o));
        Console.WriteLine($"  Requests that failed while servers or the database were down (expected; the users were told): {errors:N0}, at {recorder.ErrorTimeline()}");
        Console.Write(recorder.ErrorSamples());
        Console.WriteLine($"  Load average at the end: {LoadCommand.LoadAverage()}");

        if (datasets.Partial > 0)
        {
            failures.Add($"{datasets.Partial} partial import(s)");
        }

        if (datasets.Unfinished > 0 || datasets.Ready == 0)
        {
            failures.Add("the import did not finish");
        }

        if (saves.Missing.Count > 0)
        {
            failures.Add($"{saves.Missing.Count} lost save(s)");
        }

        if (notes.Duplicates > 0 || !notes.UniqueIndex)
        {
            failures.Add($"{notes.Duplicates} duplicate note(s){(notes.UniqueIndex ? "" : ", unique index missing")}");
        }

        Console.WriteLine();
        Console.WriteLine(failures.Count == 0 ? "Fault test passed: 0 partial imports, 0 lost saves, 0 duplicate notes." : "Fault test FAILED: " + string.Join("; ", failures) + ".");
        if (failures.Count > 0)
        {
            foreach (var s in servers)
            {
                Console.WriteLine($"Server {s.Name}'s last output:\n{ServerProcess.Tail(s.Output, 40)}");
            }
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private sealed record BurstOfSaves(int Users, CancellationTokenSource Stop, List<Task> Running)
    {
        public async Task StopAsync()
        {
            await Stop.CancelAsync();
            await Task.WhenAll(Running);
            Stop.Dispose();
        }
    }

    private static async Task<double> FractionAsync(LoadDatabase database, int datasetId)
    {
        await using var db = database.CreateContext();
        var d = await db.SocialDatasets.AsNoTracking().SingleAsync(x => x.Id == datasetId);
        return d.ProgressTotal > 0 ? (double)d.ProgressBytes / d.ProgressTotal : 0;
    }

    private static string Short(string text) => text.Length > 160 ? text[..160] + "…" : text;

    private static async Task SignInAsync(Browser browser, string email)
    {
        for (var i = 0; i < 10 && !await browser.SignInAsync(email, LoadUsers.Password); i++)
        {
            await Task.Delay(1000);
        }
    }

    private static async Task SeedOverdueAsync(LoadDatabase database, int count)
    {
        await using var db = database.CreateContext();
        var forceId = await db.Forces.Where(f => f.Slug == OverdueForce).Select(f => f.Id).SingleAsync();
        var then = DateTimeOffset.UtcNow.AddDays(-200);
        var profile = HateIncidentDemoData.ProfileFor(OverdueForce);
        if (!await db.HatePolicies.AnyAsync(p => p.ForceId == forceId))
        {
            db.HatePolicies.Add(HateIncidentDemoData.PolicyFor(forceId, OverdueForce, profile, then));
            await db.SaveChangesAsync();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var batch in HateIncidentDemoData.Generate(forceId, count, seed: 31, then, profile).Chunk(1000))
        {
            db.HateIncidents.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<string> UploadAsync(Browser comms, string force, byte[] accounts, byte[] posts, EventLog log)
    {
        var page = await comms.GetAsync("social media import form", RequestKind.Read, $"/forces/{force}/social-media/import")
            ?? throw new InvalidOperationException("The import page did not load.");
        var form = Browser.Form(page.Body, "/social-media/import") ?? throw new InvalidOperationException("No import form.");
        var location = await comms.SubmitAsync("import: upload", RequestKind.Import, form, new() { ["Name"] = "Fault test import" }, null,
            [("AccountsFile", "accounts.csv", accounts), ("PostsFile", "posts.csv", posts)])
            ?? throw new InvalidOperationException("The upload was refused: " + comms.Recorder.ErrorSamples());
        log.Write($"Uploaded {posts.Length / 1048576.0:F0} MiB of posts: {location} (queued in the shared job store).");
        return location;
    }

    /// <summary>Waits until a server is importing the dataset and has read at least <paramref name="atLeast"/> of the posts file; returns that server.</summary>
    private static async Task<(ServerProcess Runner, double Fraction)> WaitForImportAsync(LoadDatabase database, int datasetId, ServerProcess[] servers, double atLeast, TimeSpan timeout, EventLog log)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? waitingFor = null;
        while (DateTime.UtcNow < deadline)
        {
            await using (var db = database.CreateContext())
            {
                var running = await db.BackgroundJobRuns.AsNoTracking().Where(r => r.Job == "social-import" && r.Outcome == JobRunOutcome.Running).OrderByDescending(r => r.Id).FirstOrDefaultAsync();
                var dataset = await db.SocialDatasets.AsNoTracking().SingleAsync(d => d.Id == datasetId);
                if (dataset.Status is DatasetStatus.Ready or DatasetStatus.Failed)
                {
                    throw new InvalidOperationException($"The import ended ({dataset.Status}) before the fault could be made: use a larger --import-posts.");
                }

                var runner = running is null ? null : servers.FirstOrDefault(s => running.Server.EndsWith($"/{s.Pid}", StringComparison.Ordinal) && !s.HasExited);
                var fraction = dataset.ProgressTotal > 0 ? (double)dataset.ProgressBytes / dataset.ProgressTotal : 0;
                if (runner is not null && waitingFor != runner.Name)
                {
                    waitingFor = runner.Name;
                    log.Write($"Server {runner.Name} is running the import{(running!.Recovering ? " (recovering it)" : "")}.");
                }

                if (runner is not null && dataset.Status == DatasetStatus.Importing && fraction >= atLeast)
                {
                    return (runner, fraction);
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No server was seen importing the dataset.");
    }

    private static async Task<SocialDataset> WaitForDatasetAsync(LoadDatabase database, int datasetId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var db = database.CreateContext();
                var d = await db.SocialDatasets.AsNoTracking().SingleAsync(x => x.Id == datasetId);
                if (d.Status is DatasetStatus.Ready or DatasetStatus.Failed || DateTime.UtcNow > deadline)
                {
                    return d;
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException && DateTime.UtcNow < deadline)
            {
                // PostgreSQL coming back.
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Due work started at once on both servers (the jobs page's "Run now", each on its own server) and here, as `evenhand incidents due-work` would.</summary>
    private static async Task<Task> StartDueWorkEverywhere(Browser admin, ServerProcess[] servers, LoadDatabase database, EventLog log)
    {
        var posts = new List<Task>();
        foreach (var s in servers.Where(s => !s.HasExited))
        {
            posts.Add(Task.Run(async () =>
            {
                var page = await admin.SendAsync(HttpMethod.Get, "/admin/jobs", server: s.BaseAddress);
                if (page is { Status: HttpStatusCode.OK } && Browser.Form(page.Body, "handler=RunNow") is { } form)
                {
                    using var content = new FormUrlEncodedContent(Browser.FormValues(form).Where(f => f.Key != "Job").Append(new("Job", DueWorkJob.Key.Name)));
                    var r = await admin.SendAsync(HttpMethod.Post, form.GetAttribute("action")!, content, server: s.BaseAddress);
                    log.Write($"  due work requested on server {s.Name}: {(r is null ? admin.LastException : $"HTTP {(int)r.Status}")}");
                }
            }));
        }

        var here = Task.Run(async () =>
        {
            try
            {
                await using var db = database.CreateContext();
                var result = await new HateIncidentDueWork(db, TimeProvider.System).RunAsync();
                log.Write($"  due work in the bench process (as the CLI) noted {result.Total} item(s)");
            }
            catch (Exception e)
            {
                log.Write($"  due work in the bench process failed: {e.GetType().Name}: {Short(e.Message)}");
            }
        });
        await Task.WhenAll(posts);
        // The in-process run goes on through the fault; the caller waits for it afterwards.
        return here;
    }

    /// <summary>
    /// Runs a shell command with every inherited file descriptor above 2 closed first. The PostgreSQL server a restart
    /// starts would otherwise inherit them, among them the descriptor of a <c>flock</c> this test runs under, and would hold
    /// that lock for as long as it runs, blocking every later benchmark.
    /// </summary>
    private static async Task<(int Code, string Output)> ShellAsync(string command)
    {
        const string closeInherited = "for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ \"$n\" -gt 2 ]; then eval \"exec $n>&-\" 2>/dev/null; fi; done; ";
        var info = new ProcessStartInfo("/bin/bash", ["-c", closeInherited + command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(info)!;
        var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output);
    }

    /// <summary>Lines stamped with the time since the start, the same clock as the errors' "at … s".</summary>
    private sealed class EventLog(Recorder clock)
    {
        public void Write(string text) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {text}");
    }
}

using System.Diagnostics;
using System.Globalization;
using Evenhand.SocialMedia.Synthetic;

namespace Evenhand.Bench;

/// <summary>
/// The issue's performance goals for the social media analysis, measured as a user meets them: each run is a fresh process
/// running the <c>evenhand social …</c> command (start-up and JIT included), timed from outside; the child reports its own
/// peak resident memory (VmHWM).
/// </summary>
internal static class SocialBenchmark
{
    public const string Command = "social";
    public const string ChildCommand = "social-child";

    public static async Task<int> RunAsync(List<string> args)
    {
        var posts = Option(args, "--posts", 857_000);
        var accounts = Option(args, "--accounts", 600);
        var runs = Option(args, "--runs", 5);
        var folder = Path.Combine(Path.GetTempPath(), $"evenhand-bench-social-{posts}-{accounts}");
        var postsPath = Path.Combine(folder, "posts.csv");
        var accountsPath = Path.Combine(folder, "accounts.csv");
        var vectorsPath = Path.Combine(folder, "vectors.vec");
        if (!File.Exists(postsPath) || !File.Exists(vectorsPath))
        {
            Console.WriteLine($"Writing {posts:N0} synthetic posts, {accounts} accounts and 100,000 × 100 word vectors to {folder}…");
            Directory.CreateDirectory(folder);
            var generation = Stopwatch.StartNew();
            SocialSynth.WriteToDirectory(new SynthOptions(posts, accounts, Seed: 1), folder);
            Console.WriteLine($"posts and accounts generated in {generation.Elapsed.TotalSeconds:F2} s");
            generation.Restart();
            await using var vectors = new StreamWriter(vectorsPath);
            SocialSynth.WriteVectors(vectors, 100_000, 100, seed: 1);
            Console.WriteLine($"word vectors generated in {generation.Elapsed.TotalSeconds:F2} s");
        }

        Console.WriteLine($"posts.csv {new FileInfo(postsPath).Length / 1e6:F0} MB, vectors.vec {new FileInfo(vectorsPath).Length / 1e6:F0} MB");
        Console.WriteLine($"{"command",-52} {"median s",9} {"min s",7} {"max s",7} {"peak MiB",9}");
        var keyword = Measure("social analyze (keyword-only)", runs, ["social", "analyze", "--posts", postsPath, "--accounts", accountsPath, "--json"]);
        var semantic = Measure("social analyze --vectors (semantic)", runs, ["social", "analyze", "--posts", postsPath, "--accounts", accountsPath, "--vectors", vectorsPath, "--json"]);
        var failed = keyword.Median >= 3 || semantic.Median >= 10 || Math.Max(keyword.PeakMiB, semantic.PeakMiB) >= 1536;

        if (PythonBaseline(postsPath) is { } python)
        {
            Console.WriteLine($"{"python3: csv module, sum of the four engagement columns",-52} {python,9:F2}");
            Console.WriteLine($"keyword-only analysis ÷ python sum: {keyword.Median / python:F2}");
        }

        if (args.Contains("--import"))
        {
            var db = Path.Combine(folder, $"import-{Guid.NewGuid():N}.db");
            Measure("social import (SQLite)", 1, ["social", "import", "--posts", postsPath, "--accounts", accountsPath, "--db", $"Data Source={db}"]);
            foreach (var f in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(f);
            }

            if (Environment.GetEnvironmentVariable("EVENHAND_BENCH_POSTGRES") is { Length: > 0 } pg)
            {
                Measure("social import (PostgreSQL)", 1, ["social", "import", "--posts", postsPath, "--accounts", accountsPath, "--provider", "postgres", "--connection", pg]);
            }
        }

        Console.WriteLine(failed ? "Over a goal: keyword-only under 3 s, semantic under 10 s, peak memory under 1.5 GiB." : "All goals met: keyword-only under 3 s, semantic under 10 s, peak memory under 1.5 GiB.");
        return failed ? 1 : 0;
    }

    /// <summary>Runs one command in this process and prints its peak resident memory.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var exit = await Evenhand.Cli.EvenhandCli.RunAsync(args, TextWriter.Null, Console.Error);
        Console.WriteLine($"peak-kib {PeakKib()}");
        return exit;
    }

    private static (double Median, double PeakMiB) Measure(string name, int runs, string[] command)
    {
        var times = new List<double>();
        long peak = 0;
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (!Environment.ProcessPath!.EndsWith("Evenhand.Bench", StringComparison.Ordinal))
            {
                start.ArgumentList.Add(typeof(SocialBenchmark).Assembly.Location);
            }

            start.ArgumentList.Add(ChildCommand);
            foreach (var a in command)
            {
                start.ArgumentList.Add(a);
            }

            var sw = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            sw.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{name} failed ({process.ExitCode}): {error}");
            }

            times.Add(sw.Elapsed.TotalSeconds);
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("peak-kib ", StringComparison.Ordinal));
            peak = Math.Max(peak, line is null ? 0 : long.Parse(line[9..].Trim(), CultureInfo.InvariantCulture));
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine($"{name,-52} {median,9:F2} {times[0],7:F2} {times[^1],7:F2} {peak / 1024.0,9:F0}");
        return (median, peak / 1024.0);
    }

    // The issue's yardstick: a plain Python script that only sums the four engagement columns.
    private static double? PythonBaseline(string postsPath)
    {
        const string script = "import csv,sys\nt=0\nwith open(sys.argv[1],newline='',encoding='utf-8') as f:\n r=csv.DictReader(f)\n for row in r: t+=int(row['likes'])+int(row['reposts'])+int(row['quotes'])+int(row['replies'])\nprint(t)\n";
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(postsPath);
            var sw = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? sw.Elapsed.TotalSeconds : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static long PeakKib()
    {
        var status = File.Exists("/proc/self/status") ? File.ReadAllLines("/proc/self/status") : [];
        var line = status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Environment.WorkingSet / 1024 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static int Option(List<string> args, string name, int fallback)
    {
        var at = args.IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

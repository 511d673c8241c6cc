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
        var files = EnsureFiles(posts, accounts, vectors: true);
        var (postsPath, accountsPath, vectorsPath) = (files.Posts, files.Accounts, files.Vectors);
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

        Console.WriteLine(failed ? "Over a goal: keyword-only under 3 s, semantic under 10 s, peak memory under 1.5 GiB." : "All goals met: keyword-only under 3 s, semantic under 10 s, peak memory under 1.5 GiB.");
        if (args.Contains("--import"))
        {
            // The import beside each database's own bulk path (its own goal and exit code).
            var imports = await SocialImportBenchmark.RunAsync([.. args.Where(a => a != "--import")]);
            failed |= imports != 0;
        }

        return failed ? 1 : 0;
    }

    /// <summary>The synthetic files of one size: written once, in the temp directory.</summary>
    public sealed record Files(string Posts, string Accounts, string Vectors, int Count);

    public static Files EnsureFiles(int posts, int accounts, bool vectors)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"evenhand-bench-social-{posts}-{accounts}");
        var files = new Files(Path.Combine(folder, "posts.csv"), Path.Combine(folder, "accounts.csv"), Path.Combine(folder, "vectors.vec"), posts);
        if (!File.Exists(files.Posts) || !File.Exists(files.Accounts))
        {
            Console.WriteLine($"Writing {posts:N0} synthetic posts and {accounts} accounts to {folder}…");
            Directory.CreateDirectory(folder);
            var generation = Stopwatch.StartNew();
            SocialSynth.WriteToDirectory(new SynthOptions(posts, accounts, Seed: 1), folder);
            Console.WriteLine($"posts and accounts generated in {generation.Elapsed.TotalSeconds:F2} s");
        }

        if (vectors && !File.Exists(files.Vectors))
        {
            Console.WriteLine($"Writing 100,000 × 100 word vectors to {folder}…");
            var generation = Stopwatch.StartNew();
            using (var writer = new StreamWriter(files.Vectors))
            {
                SocialSynth.WriteVectors(writer, 100_000, 100, seed: 1);
            }

            Console.WriteLine($"word vectors generated in {generation.Elapsed.TotalSeconds:F2} s");
        }

        return files;
    }

    /// <summary>Runs one command in this process and prints its peak resident memory.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var exit = await Evenhand.Cli.EvenhandCli.RunAsync(args, TextWriter.Null, Console.Error);
        Console.WriteLine($"peak-kib {PeakKib()}");
        var gc = GC.GetGCMemoryInfo();
        // For finding where memory goes: the managed heap after the last collection, and what the GC holds from the system.
        Console.WriteLine($"gc-heap-kib {gc.HeapSizeBytes / 1024} gc-committed-kib {gc.TotalCommittedBytes / 1024} gc-count {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} allocated-kib {GC.GetTotalAllocatedBytes() / 1024}");
        return exit;
    }

    private static (double Median, double PeakMiB) Measure(string name, int runs, string[] command)
    {
        var times = new List<double>();
        long peak = 0;
        for (var i = 0; i < runs; i++)
        {
            var (seconds, peakKib) = RunChild(name, command);
            times.Add(seconds);
            peak = Math.Max(peak, peakKib);
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine($"{name,-52} {median,9:F2} {times[0],7:F2} {times[^1],7:F2} {peak / 1024.0,9:F0}");
        return (median, peak / 1024.0);
    }

    /// <summary>Runs an <c>evenhand</c> command in a fresh process: its wall time, timed from outside, and its peak resident memory (KiB).</summary>
    public static (double Seconds, long PeakKib) RunChild(string name, string[] command)
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
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        sw.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} failed ({process.ExitCode}): {error.Result}");
        }

        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("peak-kib ", StringComparison.Ordinal));
        return (sw.Elapsed.TotalSeconds, line is null ? 0 : long.Parse(line[9..].Trim(), CultureInfo.InvariantCulture));
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

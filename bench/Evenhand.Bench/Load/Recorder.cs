using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Evenhand.Bench.Load;

/// <summary>What a request is, for the goals: page reads (pages and JSON reads), saves (form posts and API writes), exports, the background import, signing in.</summary>
internal enum RequestKind
{
    Read,
    Save,
    Export,
    Import,
    SignIn,
}

internal enum Outcome
{
    /// <summary>What the user expected: the page, or the save's redirect.</summary>
    Ok,

    /// <summary>A save refused because someone else changed the record first ("changed by someone else", 409): correct behaviour, counted apart.</summary>
    Conflict,

    /// <summary>Anything else: an unexpected status, a refused form, a connection error, a time-out.</summary>
    Error,
}

/// <summary>Every request's time and outcome, per page, for the measured period (after the warm-up); errors for the whole run.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<string, PageStats> pages = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan measureFrom = TimeSpan.MaxValue;
    private TimeSpan measureTo = TimeSpan.MaxValue;

    public bool Measuring => clock.Elapsed >= measureFrom && clock.Elapsed < measureTo;

    public TimeSpan Elapsed => clock.Elapsed;

    public TimeSpan MeasuredFor => (measureTo == TimeSpan.MaxValue ? clock.Elapsed : measureTo) - measureFrom;

    public void StartMeasuring() => measureFrom = clock.Elapsed;

    public void StopMeasuring() => measureTo = clock.Elapsed;

    public IEnumerable<PageStats> Pages => pages.Values;

    private readonly ConcurrentDictionary<int, int> errorsBySecond = new();

    public void Record(string page, RequestKind kind, double ms, Outcome outcome, string? detail = null)
    {
        var stats = pages.GetOrAdd(page, p => new PageStats(p, kind));
        stats.Add(ms, outcome, detail, Measuring, clock.Elapsed);
        if (outcome == Outcome.Error)
        {
            errorsBySecond.AddOrUpdate((int)clock.Elapsed.TotalSeconds, 1, (_, n) => n + 1);
        }
    }

    /// <summary>When the errors happened: runs of seconds with errors, e.g. "107–108 s: 3,120".</summary>
    public string ErrorTimeline()
    {
        var parts = new List<string>();
        int? from = null, to = null, count = 0;
        foreach (var (second, n) in errorsBySecond.OrderBy(e => e.Key))
        {
            if (to is { } t && second > t + 2)
            {
                parts.Add(Span(from!.Value, t, count!.Value));
                from = null;
                count = 0;
            }

            from ??= second;
            to = second;
            count += n;
        }

        if (from is { } f)
        {
            parts.Add(Span(f, to!.Value, count!.Value));
        }

        return string.Join("; ", parts);

        static string Span(int from, int to, int count) =>
            string.Create(CultureInfo.InvariantCulture, $"{from}{(to > from ? $"–{to + 1}" : "")} s: {count:N0}");
    }

    /// <summary>A table of every page (sorted by kind, then name) and a line per kind, as Markdown.</summary>
    public string Report(out Dictionary<RequestKind, Summary> byKind)
    {
        var seconds = Math.Max(1, MeasuredFor.TotalSeconds);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {"page",-48} | {"kind",-7} | {"count",6} | {"per s",6} | {"p50 ms",7} | {"p95 ms",7} | {"p99 ms",7} | {"max ms",7} | {"errors",6} | conflicts |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {new string('-', 48)} | {new string('-', 7)} | -----: | -----: | ------: | ------: | ------: | ------: | -----: | --------: |");
        foreach (var p in pages.Values.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var s = p.Summarise(seconds);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Name,-48} | {p.Kind,-7} | {s.Count,6} | {s.PerSecond,6:F2} | {s.P50,7:F0} | {s.P95,7:F0} | {s.P99,7:F0} | {s.Max,7:F0} | {s.Errors,6} | {s.Conflicts,9} |");
        }

        byKind = [];
        foreach (var group in pages.Values.GroupBy(p => p.Kind).OrderBy(g => g.Key))
        {
            var s = PageStats.Summarise(group, seconds);
            byKind[group.Key] = s;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {"**all " + Plural(group.Key) + "**",-48} | {group.Key,-7} | {s.Count,6} | {s.PerSecond,6:F2} | {s.P50,7:F0} | {s.P95,7:F0} | {s.P99,7:F0} | {s.Max,7:F0} | {s.Errors,6} | {s.Conflicts,9} |");
        }

        return sb.ToString();
    }

    /// <summary>The first few errors of each page, for finding their cause.</summary>
    public string ErrorSamples()
    {
        var sb = new StringBuilder();
        foreach (var p in pages.Values.Where(p => p.ErrorCount > 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {p.Name}: {p.ErrorCount} error(s)");
            foreach (var e in p.Samples)
            {
                sb.AppendLine("    " + e);
            }
        }

        return sb.ToString();
    }

    private static string Plural(RequestKind kind) => kind switch
    {
        RequestKind.Read => "reads",
        RequestKind.Save => "saves",
        RequestKind.Export => "exports",
        RequestKind.Import => "import steps",
        _ => "sign-ins",
    };
}

internal sealed record Summary(int Count, double PerSecond, double P50, double P95, double P99, double Max, int Errors, int Conflicts);

internal sealed class PageStats(string name, RequestKind kind)
{
    private readonly List<double> times = [];
    private readonly List<string> samples = [];
    private int errors;
    private int conflicts;

    public string Name { get; } = name;

    public RequestKind Kind { get; } = kind;

    public int ErrorCount => Volatile.Read(ref errors);

    public IReadOnlyList<string> Samples
    {
        get
        {
            lock (samples)
            {
                return [.. samples];
            }
        }
    }

    public void Add(double ms, Outcome outcome, string? detail, bool measuring, TimeSpan at)
    {
        if (outcome == Outcome.Error)
        {
            // Errors count for the whole run, warm-up included.
            Interlocked.Increment(ref errors);
            lock (samples)
            {
                if (samples.Count < 5)
                {
                    samples.Add($"at {at.TotalSeconds:F0} s: {detail}");
                }
            }
        }

        if (!measuring)
        {
            return;
        }

        if (outcome == Outcome.Conflict)
        {
            Interlocked.Increment(ref conflicts);
        }

        lock (times)
        {
            times.Add(ms);
        }
    }

    public Summary Summarise(double seconds) => Summarise([this], seconds);

    public static Summary Summarise(IEnumerable<PageStats> pages, double seconds)
    {
        var all = new List<double>();
        int errors = 0, conflicts = 0;
        foreach (var p in pages)
        {
            lock (p.times)
            {
                all.AddRange(p.times);
            }

            errors += p.ErrorCount;
            conflicts += Volatile.Read(ref p.conflicts);
        }

        all.Sort();
        return new Summary(all.Count, all.Count / seconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), all.Count == 0 ? 0 : all[^1], errors, conflicts);
    }

    /// <summary>The nearest-rank percentile.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

using Evenhand.Inspections.Parsing;

namespace Evenhand.Responses.Parsing;

/// <summary>
/// Finds where a piece of text quotes a recommendation, with or without its number. Texts are compared as runs
/// of word triples (shingles) that occur in the same order in both, tolerating a changed or missing word here
/// and there (a run may skip up to <see cref="MaxGap"/> triples). A run is a quote when it covers most of the
/// recommendation; a response that merely echoes some of its phrases does not, because its matching phrases are
/// scattered over several short runs.
/// </summary>
internal sealed class QuoteMatcher
{
    private const int N = 3;
    private const int MaxGap = 3;

    // A run covering this share of a recommendation's triples is a quote of it wherever it is…
    private const double FullCoverage = 0.8;

    // …and this share when it starts the text or makes up most of it.
    private const double QuoteCoverage = 0.6;

    // A shorter run still counts when it is nearly all of the text: a heading quoting the start of a recommendation.
    private const double PartialCoverage = 0.3;
    private const double WholeTextShare = 0.8;

    private readonly Dictionary<string, List<(int Rec, int Position)>> index = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> shingleCounts = [];

    public QuoteMatcher(IEnumerable<ParsedRecommendation> recommendations)
    {
        foreach (var rec in recommendations)
        {
            var shingles = Shingles(MarkupText.Words(rec.Text));
            shingleCounts[rec.Number] = Math.Max(1, shingles.Count);
            for (var j = 0; j < shingles.Count; j++)
            {
                if (!index.TryGetValue(shingles[j], out var list))
                {
                    index[shingles[j]] = list = [];
                }

                list.Add((rec.Number, j));
            }
        }
    }

    /// <summary>A quoted recommendation in a text: characters <see cref="Start"/> to <see cref="End"/>.</summary>
    /// <param name="Fragment">Only the rest of a recommendation quoted just before (a quote split over two table rows).</param>
    public sealed record Quote(int Recommendation, int Start, int End, double Coverage, bool Fragment);

    /// <summary>The quotes in <paramref name="text"/>, in order. <paramref name="continuing"/> are the recommendations whose quote may continue here.</summary>
    public List<Quote> Find(string text, IReadOnlyCollection<int> continuing)
    {
        var words = MarkupText.Words(text);
        var shingles = Shingles(words);
        if (shingles.Count == 0)
        {
            return [];
        }

        var quotes = new List<Quote>();
        foreach (var run in Runs(shingles))
        {
            var coverage = (double)run.Covered / shingleCounts[run.Rec];
            var share = (double)(run.LastI - run.FirstI + 1) / shingles.Count;
            var start = words[run.FirstI].Start;
            var end = words[run.LastI + N - 1].End;
            if (IsQuote(coverage, share, run.FirstI, run.Covered))
            {
                quotes.Add(new Quote(run.Rec, start, end, coverage, false));
            }
            else if (continuing.Contains(run.Rec) && share >= WholeTextShare && run.Covered >= 2)
            {
                quotes.Add(new Quote(run.Rec, start, end, coverage, true));
            }
        }

        // Where two recommendations share wording, the same words are the quote of the one they cover better.
        var kept = new List<Quote>();
        foreach (var q in quotes.OrderByDescending(q => q.Coverage).ThenBy(q => q.Start))
        {
            if (!kept.Any(k => Overlap(k, q) > 0.5 * Math.Min(k.End - k.Start, q.End - q.Start)))
            {
                kept.Add(q);
            }
        }

        return kept.OrderBy(q => q.Start).ToList();
    }

    // Most of the recommendation, and either nearly all of it, or most of the text, or right at the start of the text
    // (where a heading's quote begins). A response repeating a long phrase of the recommendation in the middle of
    // its own sentence does not qualify.
    private static bool IsQuote(double coverage, double share, int firstShingle, int covered) =>
        coverage >= FullCoverage
        || (coverage >= QuoteCoverage && (share >= 0.5 || firstShingle <= 2))
        || (coverage >= PartialCoverage && share >= WholeTextShare && covered >= 5);

    private static int Overlap(Quote a, Quote b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    private sealed class Run(int rec, int i, int j)
    {
        public int Rec { get; } = rec;
        public int FirstI { get; } = i;
        public int LastI { get; private set; } = i;
        public int LastJ { get; private set; } = j;
        public HashSet<int> Positions { get; } = [j];
        public int Covered => Positions.Count;

        public bool TryExtend(int i2, int j2)
        {
            if (i2 - LastI > MaxGap + 1 || j2 <= LastJ || j2 - LastJ > MaxGap + 1)
            {
                return false;
            }

            LastI = i2;
            LastJ = j2;
            Positions.Add(j2);
            return true;
        }
    }

    // For each recommendation, its best run of triples in the text.
    private Dictionary<int, Run>.ValueCollection Runs(List<string> shingles)
    {
        var open = new Dictionary<int, Run>();
        var best = new Dictionary<int, Run>();
        for (var i = 0; i < shingles.Count; i++)
        {
            if (!index.TryGetValue(shingles[i], out var hits))
            {
                continue;
            }

            foreach (var group in hits.GroupBy(h => h.Rec))
            {
                var rec = group.Key;
                if (open.TryGetValue(rec, out var run) && group.OrderBy(h => h.Position).Any(h => run.TryExtend(i, h.Position)))
                {
                    continue;
                }

                if (run is null || i - run.LastI > MaxGap + 1)
                {
                    Keep(best, run);
                    open[rec] = new Run(rec, i, group.Min(h => h.Position));
                }
            }
        }

        foreach (var run in open.Values)
        {
            Keep(best, run);
        }

        return best.Values;
    }

    private static void Keep(Dictionary<int, Run> best, Run? run)
    {
        if (run is not null && (!best.TryGetValue(run.Rec, out var b) || run.Covered > b.Covered))
        {
            best[run.Rec] = run;
        }
    }

    private static List<string> Shingles(List<Word> words)
    {
        var shingles = new List<string>(Math.Max(0, words.Count - N + 1));
        for (var i = 0; i + N <= words.Count; i++)
        {
            shingles.Add(string.Concat(words[i].Text, " ", words[i + 1].Text, " ", words[i + 2].Text));
        }

        return shingles;
    }
}

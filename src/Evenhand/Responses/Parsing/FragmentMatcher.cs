using System.Globalization;
using Evenhand.Inspections.Parsing;

namespace Evenhand.Responses.Parsing;

/// <summary>
/// Says which recommendation a short piece of a response quotes or paraphrases: a heading such as "Equality impact
/// assessment training", a quoted phrase ("update and implement their policies and guidance for non-crime hate incidents"),
/// or a cell of a table's recommendation column. The <see cref="QuoteMatcher"/> finds whole recommendations quoted word
/// for word; this finds pieces of them, in any order and with other words around them.
/// <para>
/// <b>The measure: weighted coverage of the fragment.</b> Both texts are reduced to their content words (small function
/// words, numbers and month names dropped; plurals and endings such as -ing, -ed, -ment, -ion taken off, so "assessing" and
/// "assessments" are the same word; NCHI, EIA and the like spelt out). Each word is weighted by how rare it is among the
/// inspection's recommendations (inverse document frequency, ln(1 + N / df)): "impact" occurs in one of 22 and weighs
/// about 3.1, "forces" in most and weighs under 1. A fragment's score for a recommendation is the weight of its words
/// that the recommendation also uses, divided by the weight of all its words. Words the recommendations never use count
/// against the fragment as if two recommendations used them, so a sentence of the response's own (who did what, when)
/// scores low everywhere, while a fragment scores near 1 for the recommendation it comes from, however short.
/// Coverage, not cosine similarity, because a fragment is meant to be a small part of a long recommendation: cosine
/// would mark it down for everything it leaves out.
/// </para>
/// <para>
/// <b>The thresholds</b> were set against the seed report's 22 recommendations (ResponseFragmentTests): every run of
/// <see cref="CalibrationWindow"/> consecutive words of a recommendation that says something particular to it scores at
/// least <see cref="Threshold"/> for it, and none scores that for another; the seed responses' own comments and
/// ordinary sentences of a response stay below it. A fragment also needs <see cref="MinEvidence"/> of matched weight
/// (about two rare words, or three or four common ones), so "hate incidents" alone matches nothing. When the best
/// recommendation is not ahead of the next by at least <see cref="Margin"/>, the fragment is ambiguous and matches none;
/// and no single word may carry the match (<see cref="MinSupport"/>).
/// </para>
/// </summary>
internal sealed class FragmentMatcher
{
    /// <summary>Share of the fragment's weighted words that the recommendation must use.</summary>
    public const double Threshold = 0.6;

    /// <summary>How far ahead of the next recommendation the best one must be; closer than this is a tie.</summary>
    public const double Margin = 0.1;

    /// <summary>The least matched weight that counts: two words found in one recommendation each (2 × 3.1) just pass.</summary>
    public const double MinEvidence = 5.5;

    /// <summary>
    /// The least matched weight left without the fragment's heaviest matched word: one rare word among common ones
    /// ("Hate Crime Operational Guidance", where only "operational" is rare) is not enough to name a recommendation.
    /// </summary>
    public const double MinSupport = 3.0;

    /// <summary>The window length the calibration test uses to cut fragments from each recommendation.</summary>
    public const int CalibrationWindow = 10;

    private readonly Dictionary<int, HashSet<string>> terms = [];
    private readonly Dictionary<string, double> weights = new(StringComparer.Ordinal);
    private readonly double unknownWeight;

    public FragmentMatcher(IEnumerable<ParsedRecommendation> recommendations)
    {
        foreach (var rec in recommendations)
        {
            terms[rec.Number] = Terms(rec.Text);
        }

        var n = Math.Max(1, terms.Count);
        foreach (var term in terms.Values.SelectMany(t => t).Distinct())
        {
            var df = terms.Values.Count(t => t.Contains(term));
            weights[term] = Math.Log(1 + (double)n / df);
        }

        unknownWeight = Math.Log(1 + n / 2.0);
    }

    /// <summary>How a fragment compares with each recommendation.</summary>
    /// <param name="Best">The recommendation it matches, or null when none does or two are too close to tell.</param>
    /// <param name="Score">The best score (0 to 1).</param>
    /// <param name="Tied">When the best two are within <see cref="Margin"/> and the best passes: the recommendations tied.</param>
    public sealed record Result(int? Best, double Score, IReadOnlyList<(int Recommendation, double Score)> Tied)
    {
        /// <summary>Confidence of a match, from 0.5 at the threshold to 0.9 for a fragment wholly in one recommendation.</summary>
        public double Confidence => Math.Round(0.5 + (0.4 * (Score - Threshold) / (1 - Threshold)), 2);
    }

    /// <summary>Every recommendation's score for <paramref name="fragment"/>, best first (for tests and warnings).</summary>
    public IReadOnlyList<(int Recommendation, double Score, double Evidence, double Support)> Scores(string fragment)
    {
        var words = Terms(fragment);
        var total = words.Sum(Weight);
        if (total <= 0)
        {
            return [];
        }

        return terms
            .Select(t =>
            {
                var matched = words.Where(t.Value.Contains).Select(Weight).ToList();
                var evidence = matched.Sum();
                return (t.Key, Math.Round(evidence / total, 3), evidence, evidence - (matched.Count == 0 ? 0 : matched.Max()));
            })
            .OrderByDescending(s => s.Item2).ThenBy(s => s.Key)
            .ToList();
    }

    /// <summary>The recommendation <paramref name="fragment"/> comes from, if one stands out.</summary>
    public Result Match(string fragment)
    {
        var scores = Scores(fragment);
        if (scores.Count == 0 || scores[0].Score < Threshold || scores[0].Evidence < MinEvidence || scores[0].Support < MinSupport)
        {
            return new Result(null, scores.Count == 0 ? 0 : scores[0].Score, []);
        }

        var close = scores.TakeWhile(s => s.Score > scores[0].Score - Margin).Select(s => (s.Recommendation, s.Score)).ToList();
        return close.Count > 1
            ? new Result(null, scores[0].Score, close)
            : new Result(scores[0].Recommendation, scores[0].Score, []);
    }

    private double Weight(string term) => weights.TryGetValue(term, out var w) ? w : unknownWeight;

    /// <summary>The content words of a text, reduced to a common stem.</summary>
    internal static HashSet<string> Terms(string text)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in MarkupText.Words(text))
        {
            var w = word.Text;
            if (Expansions.TryGetValue(w, out var expansion))
            {
                foreach (var e in expansion)
                {
                    result.Add(Stem(e));
                }

                continue;
            }

            if (w.Length < 3 || StopWords.Contains(w) || char.IsDigit(w[0]))
            {
                continue;
            }

            var stem = Stem(w);
            if (stem.Length >= 3 && !StopWords.Contains(stem))
            {
                result.Add(stem);
            }
        }

        return result;
    }

    /// <summary>A light suffix stripper: enough to make a plural, a participle and a noun of the same verb agree.</summary>
    internal static string Stem(string word)
    {
        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal) && w.Length > 3)
        {
            w = w[..^1];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length >= 6)
        {
            w = w[..^3];
        }
        else if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length >= 5)
        {
            w = w[..^2];
        }

        if (w.EndsWith("ment", StringComparison.Ordinal) && w.Length >= 8)
        {
            w = w[..^4];
        }
        else if ((w.EndsWith("tion", StringComparison.Ordinal) || w.EndsWith("sion", StringComparison.Ordinal)) && w.Length >= 6)
        {
            w = w[..^3];
        }

        if (w.EndsWith("ly", StringComparison.Ordinal) && w.Length >= 6)
        {
            w = w[..^2];
        }

        if (w.EndsWith('e') && w.Length >= 4)
        {
            w = w[..^1];
        }

        // "trainn", "committ": a doubled last letter left by taking off an ending
        if (w.Length >= 4 && w[^1] == w[^2] && w[^1] is not ('s' or 'l'))
        {
            w = w[..^1];
        }

        return w;
    }

    // Abbreviations a response uses for the report's own words.
    private static readonly Dictionary<string, string[]> Expansions = new(StringComparer.Ordinal)
    {
        ["nchi"] = ["non", "crime", "hate", "incident"],
        ["nchis"] = ["non", "crime", "hate", "incident"],
        ["eia"] = ["equality", "impact", "assessment"],
        ["eias"] = ["equality", "impact", "assessment"],
        ["npcc"] = ["national", "chiefs", "council"],
        ["npocc"] = ["national", "coordination", "centre"],
        ["iopc"] = ["independent", "office", "conduct"],
        ["apcc"] = ["association", "crime", "commissioners"],
        ["edi"] = ["equality", "diversity", "inclusion"],
        ["dei"] = ["equality", "diversity", "inclusion"],
        ["psed"] = ["public", "sector", "equality", "duty"],
        ["iag"] = ["advisory", "group"],
        ["iags"] = ["advisory", "group"],
    };

    // Function words, the words every recommendation shares ("should", "by", dates), and the words a response uses to talk
    // about recommendations rather than their content ("recommendation", "HMICFRS").
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "that", "this", "these", "those", "their", "there", "they", "them", "then", "than", "its",
        "are", "was", "were", "been", "being", "have", "has", "had", "having", "will", "would", "should", "could", "can", "may",
        "might", "must", "shall", "also", "any", "all", "each", "every", "both", "such", "other", "from", "into", "onto", "about",
        "within", "without", "under", "over", "between", "through", "whether", "which", "who", "whom", "what", "when", "where",
        "while", "how", "why", "not", "but", "our", "ours", "we", "you", "your", "his", "her", "she", "him", "who", "one", "more",
        "most", "some", "very", "just", "only", "own", "same", "so", "too", "out", "off", "upon", "via", "per", "does", "did",
        "doing", "done", "make", "makes", "making", "made", "sure", "take", "taking", "new", "use", "using", "used", "way",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "recommendation", "recommendations", "recommend", "recommends", "recommended", "recommendat", "hmicfrs", "inspectorate",
        "inspection", "report", "pcc", "opcc", "commissioner",
        "police", "polic", "policing",
    };
}

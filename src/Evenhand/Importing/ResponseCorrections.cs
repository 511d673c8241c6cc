using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Evenhand.Common;
using Evenhand.Inspections.Parsing;
using Evenhand.Responses.Parsing;

namespace Evenhand.Importing;

/// <summary>
/// What a person changed in the import preview of a PCC response, as the form posts it: where passages are split
/// (<see cref="Splits"/>), which splits are undone (<see cref="Joins"/>) and, per recommendation number, the key of the
/// passage that answers it or <see cref="ResponseCorrections.NotAnswered"/>. A recommendation absent from
/// <see cref="Answers"/> keeps the parser's passage. Nothing here is kept on the server: the page posts it back each time.
/// </summary>
public sealed record ResponseCorrectionInput(
    IReadOnlyCollection<string> Splits,
    IReadOnlyCollection<string> Joins,
    IReadOnlyDictionary<int, string?> Answers)
{
    public static ResponseCorrectionInput None { get; } = new([], [], new Dictionary<int, string?>());
}

/// <summary>
/// One passage of the response as the preview shows it: a section the parser found (<see cref="Number"/>), or a part of
/// one after the person split it. <see cref="Start"/> is where the part begins in the parser's text of the section.
/// </summary>
public sealed record ResponsePassage(
    int Number,
    int Part,
    int Start,
    string Text,
    ParsedResponseItem Parsed,
    IReadOnlyList<ResponseSplitPoint> SplitPoints)
{
    /// <summary>How the form names this passage: "3-0" for section 3 from its start, "3-412" for the part of it from character 412.</summary>
    public string Key => ResponseCorrections.KeyOf(Number, Start);

    /// <summary>"Passage 3", or "Passage 3, part 2" once it has been split.</summary>
    public string Label => Part == 0 ? $"Passage {Number}" : $"Passage {Number}, part {Part}";

    /// <summary>The first part of a split section, or an unsplit one.</summary>
    public bool IsFirstPart => Start == 0;
}

/// <summary>A place a passage may be split: the start of a paragraph, or of a sentence in a passage of one paragraph.</summary>
public sealed record ResponseSplitPoint(string Key, string FirstWords);

/// <summary>One change the person made to the parser's mapping, as the audit log records it.</summary>
/// <param name="Kind"><c>split</c>, <c>reassigned</c> or <c>not-answered</c>.</param>
/// <param name="Description">The change in words, e.g. "Passage 4 reassigned from recommendation 10 to recommendation 22".</param>
/// <param name="Passage">The passage concerned (its label), if any.</param>
/// <param name="From">The recommendations the passage answered before the change (or, for not-answered, the one recommendation).</param>
/// <param name="To">The recommendations it answers after.</param>
public sealed record ImportCorrection(string Kind, string Description, string? Passage, IReadOnlyList<int> From, IReadOnlyList<int> To)
{
    public const string Split = "split";
    public const string Reassigned = "reassigned";
    public const string NotAnswered = "not-answered";
}

/// <summary>The preview after the person's corrections: passages, the answer to each recommendation, what changed and what is wrong.</summary>
public sealed class CorrectedResponse
{
    public required IReadOnlyList<ResponsePassage> Passages { get; init; }

    /// <summary>Every recommendation of the inspection → the key of the passage that answers it, or null when none does.</summary>
    public required IReadOnlyDictionary<int, string?> Answers { get; init; }

    /// <summary>The same mapping as the parser made it (with each recommendation attached to at most one passage).</summary>
    public required IReadOnlyDictionary<int, string?> ParserAnswers { get; init; }

    /// <summary>Where passages are split now, as the form posts them back.</summary>
    public required IReadOnlyList<string> Splits { get; init; }

    /// <summary>Refusals, each against its form field (<c>Answers[10]</c>, <c>split-3-0</c>) or the whole form (empty field).</summary>
    public required IReadOnlyList<FieldError> Errors { get; init; }

    /// <summary>What differs from the parser's mapping, for the audit log.</summary>
    public required IReadOnlyList<ImportCorrection> Corrections { get; init; }

    /// <summary>Things the person should know about the starting point (e.g. a recommendation the parser attached to two passages).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The response to import: one item per passage that answers at least one recommendation.</summary>
    public required ParsedResponse Response { get; init; }

    public ResponsePassage? Passage(string? key) => key is null ? null : Passages.FirstOrDefault(p => p.Key == key);

    /// <summary>The recommendations a passage answers now, in number order.</summary>
    public IReadOnlyList<int> AnsweredBy(string key) => Answers.Where(a => a.Value == key).Select(a => a.Key).Order().ToList();

    /// <summary>True when the person chose this recommendation's passage (it is not the parser's).</summary>
    public bool IsChanged(int recommendation) => Answers.GetValueOrDefault(recommendation) != ParserAnswers.GetValueOrDefault(recommendation);
}

/// <summary>
/// Applies a person's corrections to the response parser's result: splits passages at paragraph (or sentence) starts,
/// attaches each recommendation to the passage chosen for it or to none, checks every posted value, and lists the changes
/// for the audit log. Pure: no database, no web; the page posts the whole state each time, so a refused save, a reload or
/// another server loses nothing.
/// </summary>
public static partial class ResponseCorrections
{
    /// <summary>The value of a recommendation's choice meaning "the document does not answer it".</summary>
    public const string NotAnswered = "none";

    public static string KeyOf(int number, int start) => string.Create(CultureInfo.InvariantCulture, $"{number}-{start}");

    /// <summary>The form field of the choice for a recommendation (a model state key: its id is <c>Answers_10_</c>).</summary>
    public static string AnswerField(int recommendation) => string.Create(CultureInfo.InvariantCulture, $"Answers[{recommendation}]");

    /// <summary>The form field of a passage's split choice.</summary>
    public static string SplitField(ResponsePassage passage) => "split-" + passage.Key;

    /// <summary>
    /// A short fingerprint of what the parser read, posted with the corrections: if the document reads differently when the
    /// corrections come back (the parser changed in between), they are refused rather than applied to other passages.
    /// </summary>
    public static string Fingerprint(ParsedResponse parsed)
    {
        var text = new StringBuilder();
        foreach (var item in parsed.Responses)
        {
            text.Append(string.Join(',', item.Recommendations)).Append('\u001f').Append(item.Text).Append('\u001e');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }

    /// <param name="parsed">The parser's result for the staged document.</param>
    /// <param name="recommendations">The inspection's recommendations.</param>
    /// <param name="input">What the form posted.</param>
    /// <param name="forSaving">Also refuse what may be shown but not saved (a response that would answer nothing).</param>
    public static CorrectedResponse Apply(ParsedResponse parsed, IReadOnlyList<ParsedRecommendation> recommendations, ResponseCorrectionInput input, bool forSaving)
    {
        var errors = new List<FieldError>();
        var splitErrors = new List<FieldError>();
        var numbers = recommendations.Select(r => r.Number).ToHashSet();
        var items = parsed.Responses;

        // 1. Where each section is split: the points posted, less those joined again, each checked against the places offered.
        var points = items.Select(i => AllSplitPoints(i.Text)).ToList();
        var splits = items.Select(_ => new SortedSet<int>()).ToList();
        var joins = input.Joins.Where(j => !string.IsNullOrWhiteSpace(j)).ToHashSet(StringComparer.Ordinal);
        foreach (var value in input.Splits.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal))
        {
            if (joins.Contains(value))
            {
                continue;
            }

            if (!TryParseKey(value, out var number, out var start) || number < 1 || number > items.Count || !points[number - 1].Contains(start))
            {
                var near = number >= 1 && number <= items.Count ? KeyOf(number, 0) : null;
                splitErrors.Add(new(near is null ? "" : "split-" + near,
                    near is null ? "A split was asked for in a passage the document does not have. Choose again from the lists below."
                                 : $"Passage {number} cannot be split there. Choose a place from the list."));
                continue;
            }

            splits[number - 1].Add(start);
        }

        var passages = new List<ResponsePassage>();
        for (var i = 0; i < items.Count; i++)
        {
            List<int> starts = [0, .. splits[i]];
            for (var p = 0; p < starts.Count; p++)
            {
                var start = starts[p];
                var end = p + 1 < starts.Count ? starts[p + 1] : items[i].Text.Length;
                passages.Add(new ResponsePassage(i + 1, starts.Count == 1 ? 0 : p + 1, start, items[i].Text[start..end].Trim(), items[i],
                    OfferedSplitPoints(items[i].Text, i + 1, start, end)));
            }
        }

        // 2. The parser's mapping, one passage per recommendation (the surest when it attached two).
        var notes = new List<string>();
        var parserAnswers = numbers.Order().ToDictionary(n => n, _ => (string?)null);
        foreach (var n in numbers.Order())
        {
            var candidates = items.Select((item, i) => (item, i)).Where(x => x.item.Recommendations.Contains(n)).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var best = candidates.OrderByDescending(c => c.item.Confidence).ThenBy(c => c.i).First();
            parserAnswers[n] = KeyOf(best.i + 1, 0);
            if (candidates.Count > 1)
            {
                notes.Add($"Recommendation {n} was found in passages {Numbers(candidates.Select(c => c.i + 1))}; passage {best.i + 1}, the surer match, is attached to it. Choose another below if that is wrong.");
            }
        }

        // 3. The person's choices, checked. The parser's passage for a recommendation is the first part of its section, so a
        // split leaves the recommendation with the part that opens the section until the person moves it.
        var answers = new Dictionary<int, string?>(parserAnswers);
        foreach (var (n, raw) in input.Answers.OrderBy(a => a.Key))
        {
            if (!numbers.Contains(n))
            {
                errors.Add(new("", $"Recommendation {n} is not one of this inspection's recommendations (1 to {numbers.Max()})."));
                continue;
            }

            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value) || value == NotAnswered)
            {
                answers[n] = null;
                continue;
            }

            // A key made before a split or a join still names its place in the section: the part holding it now.
            if (TryParseKey(value, out var number, out var start) && number >= 1 && number <= items.Count
                && (start == 0 || points[number - 1].Contains(start)))
            {
                answers[n] = passages.Last(p => p.Number == number && p.Start <= start).Key;
                continue;
            }

            errors.Add(new(AnswerField(n), $"Choose the passage that answers recommendation {n} from the list, or 'Not answered'"));
        }

        if (forSaving && errors.Count == 0 && splitErrors.Count == 0 && answers.Values.All(v => v is null))
        {
            // Against the first choice in the form, which lists the recommendations with duties on forces first.
            var first = recommendations.OrderBy(r => !r.AppliesToForces).ThenBy(r => r.Number).First().Number;
            errors.Add(new(AnswerField(first), "Choose a passage for at least one recommendation: as it stands, saving would import nothing"));
        }

        // In the form's order: the recommendations come before the passages.
        errors.AddRange(splitErrors);
        var corrections = Corrections(items, passages, splits, parserAnswers, answers);
        var applies = recommendations.Where(r => r.AppliesToForces).Select(r => r.Number).ToHashSet();
        var response = parsed with
        {
            Responses = passages
                .Select(p => (Passage: p, Recs: answers.Where(a => a.Value == p.Key).Select(a => a.Key).Order().ToList()))
                .Where(x => x.Recs.Count > 0)
                .Select(x => x.Passage.Part == 0 && x.Recs.SequenceEqual(x.Passage.Parsed.Recommendations)
                    ? x.Passage.Parsed
                    : new ParsedResponseItem(x.Recs, x.Passage.Text) { Source = x.Passage.Parsed.Source, Confidence = 1 })
                .ToList(),
            Missing = applies.Where(n => answers.GetValueOrDefault(n) is null).Order().ToList(),
        };

        return new CorrectedResponse
        {
            Passages = passages,
            Answers = answers,
            ParserAnswers = parserAnswers,
            Splits = splits.SelectMany((s, i) => s.Select(start => KeyOf(i + 1, start))).ToList(),
            Errors = errors,
            Corrections = corrections,
            Notes = notes,
            Response = response,
        };
    }

    private static List<ImportCorrection> Corrections(
        IReadOnlyList<ParsedResponseItem> items, List<ResponsePassage> passages, List<SortedSet<int>> splits,
        Dictionary<int, string?> parserAnswers, Dictionary<int, string?> answers)
    {
        var list = new List<ImportCorrection>();
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var start in splits[i])
            {
                var text = items[i].Text;
                list.Add(new(ImportCorrection.Split, $"Passage {i + 1} split before \u201c{FirstWords(text, start)}\u201d", $"Passage {i + 1}", [], []));
            }
        }

        foreach (var passage in passages)
        {
            // A section's first part inherits what the parser attached to the section; later parts start with nothing.
            List<int> before = passage.IsFirstPart
                ? parserAnswers.Where(a => a.Value == passage.Key).Select(a => a.Key).Order().ToList()
                : [];
            var after = answers.Where(a => a.Value == passage.Key).Select(a => a.Key).Order().ToList();
            // A passage whose recommendations were all marked not answered is told by those entries.
            if (before.SequenceEqual(after) || (after.Count == 0 && before.All(n => answers.GetValueOrDefault(n) is null)))
            {
                continue;
            }

            var description = before.Count == 0 ? $"{passage.Label} now answers {Recommendations(after)}"
                : after.Count == 0 ? $"{passage.Label} no longer answers {Recommendations(before)}"
                : $"{passage.Label} reassigned from {Recommendations(before)} to {Recommendations(after)}";
            list.Add(new(ImportCorrection.Reassigned, description, passage.Label, before, after));
        }

        foreach (var (n, key) in parserAnswers.Where(a => a.Value is not null && answers.GetValueOrDefault(a.Key) is null).OrderBy(a => a.Key))
        {
            var label = passages.First(p => p.Key == key).Label;
            list.Add(new(ImportCorrection.NotAnswered, $"Recommendation {n} marked not answered (the parser had attached {label} to it)", label, [n], []));
        }

        return list;
    }

    /// <summary>"recommendation 10", "recommendations 16 and 17", "recommendations 9, 10 and 12".</summary>
    public static string Recommendations(IReadOnlyList<int> numbers) =>
        numbers.Count == 1 ? $"recommendation {numbers[0]}" : $"recommendations {Numbers(numbers)}";

    private static string Numbers(IEnumerable<int> numbers)
    {
        var list = numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        return list.Count <= 1 ? string.Join("", list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }

    private static bool TryParseKey(string value, out int number, out int start)
    {
        number = start = 0;
        var m = KeyPattern().Match(value);
        return m.Success
            && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && int.TryParse(m.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out start);
    }

    /// <summary>Every place a section may be split: paragraph starts, and sentence starts within paragraphs.</summary>
    private static HashSet<int> AllSplitPoints(string text) => [.. ParagraphStarts(text, 0, text.Length), .. SentenceStarts(text, 0, text.Length)];

    /// <summary>
    /// The places offered for one part: its paragraph starts, or, in a part of a single paragraph, its sentence starts
    /// (a joint answer written as one paragraph can still be cut where its subject changes).
    /// </summary>
    private static List<ResponseSplitPoint> OfferedSplitPoints(string text, int number, int start, int end)
    {
        var offered = ParagraphStarts(text, start, end).ToList();
        if (offered.Count == 0)
        {
            offered = SentenceStarts(text, start, end).ToList();
        }

        return offered.Select(p => new ResponseSplitPoint(KeyOf(number, p), FirstWords(text, p))).ToList();
    }

    private static IEnumerable<int> ParagraphStarts(string text, int start, int end)
    {
        foreach (Match m in ParagraphStart().Matches(text[..end]))
        {
            var at = m.Index + m.Length;
            if (at > start && at < end)
            {
                yield return at;
            }
        }
    }

    private static IEnumerable<int> SentenceStarts(string text, int start, int end)
    {
        foreach (Match m in SentenceStart().Matches(text[..end]))
        {
            var at = m.Index + m.Length;
            if (at > start && at < end)
            {
                yield return at;
            }
        }
    }

    /// <summary>The first few words from a position, to name a split point: "The report included 9 recommendations for…".</summary>
    public static string FirstWords(string text, int start, int words = 7)
    {
        var line = text[start..].TrimStart();
        var newline = line.IndexOf('\n', StringComparison.Ordinal);
        var truncated = newline >= 0;
        line = (truncated ? line[..newline] : line).Trim();
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        truncated |= parts.Length > words;
        return string.Join(' ', parts.Take(words)) + (truncated ? "\u2026" : "");
    }

    [GeneratedRegex(@"^(\d{1,4})-(\d{1,7})$")]
    private static partial Regex KeyPattern();

    /// <summary>A line break, any blank lines after it, then the first non-space character of the next paragraph.</summary>
    [GeneratedRegex(@"\n[ \t\r\n]*(?=\S)")]
    private static partial Regex ParagraphStart();

    /// <summary>The end of a sentence (., ! or ?, perhaps closed by a quote or bracket) and spaces, before a capital, digit or quote.</summary>
    [GeneratedRegex(@"(?<=[.!?][""'\u2019\u201d)]?)[ \t]+(?=[A-Z0-9""'\u2018\u201c(])")]
    private static partial Regex SentenceStart();
}

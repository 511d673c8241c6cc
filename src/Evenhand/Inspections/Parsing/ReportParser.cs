using Evenhand.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Evenhand.Importing;

namespace Evenhand.Inspections.Parsing;

/// <summary>
/// Reads the recommendations out of an inspection report saved as plain text (HMICFRS style: each recommendation
/// under its own "Recommendation N" heading, usually listed once in the summary and again in its chapter).
/// </summary>
public static partial class ReportParser
{
    // A recommendation is rarely longer than this many paragraphs; a safety stop if a heading is missed.
    private const int MaxParagraphs = 12;

    public static ParsedReport Parse(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(CleanReportLine).ToArray();
        var title = lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        var warnings = new List<string>();
        var published = FindPublished(lines);

        var (occurrences, emptyHeadings) = FindOccurrences(lines);
        var recommendations = new List<ParsedRecommendation>();
        foreach (var group in occurrences.GroupBy(o => o.Number).OrderBy(g => g.Key))
        {
            var chosen = ChooseWording(group.ToList(), warnings);
            var (dueDate, dueRule) = DueDateParser.Parse(chosen.Text);
            string? dueNote = null;
            if (dueRule is { FromPublication: true })
            {
                (dueDate, dueNote) = FromPublication(group.Key, dueRule, published, warnings);
            }

            var (addressees, _) = AddresseeRecogniser.Recognise(chosen.Text);
            var chapter = chosen.Chapter ?? group.Select(o => o.Chapter).FirstOrDefault(c => c is not null);
            recommendations.Add(new ParsedRecommendation(
                group.Key, chosen.Text, chapter, dueDate, dueRule, addressees,
                addressees.Any(AddresseeRecogniser.IsForceLevel))
            {
                DueNote = dueNote,
            });
        }

        if (recommendations.Count == 0)
        {
            throw new ImportException(
                $"No recommendations were found in '{fileName ?? "the document"}'. Evenhand looks for headings such as " +
                "'Recommendation 1' on a line of their own, each followed by the recommendation's text (for example " +
                "'By 31 March 2025, chief constables should …'). Check that this is the report itself, saved as plain text.");
        }

        var textless = emptyHeadings.Where(h => recommendations.All(r => r.Number != h.Number)).ToList();
        CheckNumbering(recommendations, textless, warnings);
        CheckStatedCount(text, recommendations, textless, warnings);
        return new ParsedReport(title, published, recommendations) { Warnings = warnings };
    }


    /// <summary>
    /// A deadline that runs from the report's publication: resolved from the publication date when the document states it
    /// in full, otherwise left as a rule (the import resolves it from the date it is given) with a warning. "Immediately" is
    /// read as the publication date itself, which a reader may want to question, so it is always mentioned.
    /// </summary>
    private static (DateOnly? Due, string Note) FromPublication(int number, DueRule rule, DateOnly? published, List<string> warnings)
    {
        var phrase = rule.Description;
        if (published is { } p && DueDateParser.Resolve(rule, p) is { } due)
        {
            var on = Format.Date(p);
            if (rule.Months == 0)
            {
                warnings.Add($"Recommendation {number} is due '{phrase}': its due date was taken as the publication date, {on}. Check it before importing.");
                return (due, $"'{phrase}' was taken as the publication date, {on}.");
            }

            return (due, $"'{phrase}' was counted from the publication date, {on}.");
        }

        var taken = rule.Months == 0 ? "which is taken as the publication date" : "counted from publication";
        warnings.Add(
            $"Recommendation {number} is due '{phrase}', {taken}, but the document does not give a full publication date, so no due " +
            "date was set. It is worked out from the publication date given when the report is imported.");
        return (null, $"'{phrase}' runs from the publication date, which the document does not state in full.");
    }

    private sealed record Occurrence(int Number, string Text, string? Chapter, int Line);

    /// <summary>A "Recommendation N" heading after which nothing read as a recommendation's text.</summary>
    private sealed record EmptyHeading(int Number, int Line);

    // Every "Recommendation N" heading followed by text, with the chapter it sits in, and the headings with no text after them.
    private static (List<Occurrence> Found, List<EmptyHeading> Empty) FindOccurrences(string[] lines)
    {
        var chapters = new ChapterTracker(lines);
        var found = new List<Occurrence>();
        var empty = new List<EmptyHeading>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (chapters.Visit(i, line))
            {
                continue;
            }

            if (MatchHeading(line) is not { } heading)
            {
                continue;
            }

            var body = ReadBody(lines, i + 1, heading.FirstLine, chapters);
            if (body.Length > 0)
            {
                found.Add(new Occurrence(heading.Number, body, chapters.Current, i + 1));
            }
            else
            {
                empty.Add(new EmptyHeading(heading.Number, i + 1));
            }
        }

        return (found, empty);
    }

    private static (int Number, string? FirstLine)? MatchHeading(string line)
    {
        var m = RecommendationHeading().Match(line);
        if (!m.Success || !int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
        {
            return null;
        }

        var rest = m.Groups["rest"].Value.Trim();
        if (rest.Length == 0)
        {
            return (n, null);
        }

        // "Recommendation 3: Advisory groups" is a heading with a title; "Recommendation 3 By 31 March 2025, forces should …"
        // and "Recommendation 3: Forces should publish their policies" carry the text on the same line (a short text without
        // a full stop is still a recommendation when it tells someone what they should do). Anything else
        // ("Recommendation 3 of our 2022 report …") is prose.
        if (m.Groups["sep"].Success && IsHeadingLike(rest) && !Directive().IsMatch(rest))
        {
            return (n, null);
        }

        return m.Groups["sep"].Success || Directive().IsMatch(rest) ? (n, rest) : null;
    }

    // The paragraphs of one recommendation: the first paragraph, then any bullet points it introduces and any further
    // sentences telling someone what they should do. It stops at the next heading or at explanatory prose.
    private static string ReadBody(string[] lines, int start, string? firstLine, ChapterTracker chapters)
    {
        var paragraphs = new List<Paragraph>();
        var titled = false;
        var current = new List<string>();
        if (firstLine is not null)
        {
            current.Add(firstLine);
        }

        for (var j = start; j <= lines.Length && paragraphs.Count < MaxParagraphs; j++)
        {
            var line = j < lines.Length ? lines[j].Trim() : "";
            var stop = line.Length > 0 && (MatchHeading(line) is not null || chapters.IsChapterHeading(j, line));
            if (line.Length > 0 && !stop)
            {
                current.Add(line);
                continue;
            }

            if (current.Count > 0)
            {
                var paragraph = Paragraph.From(current);
                current = [];
                if (!titled && paragraphs.Count == 0 && paragraph.IsHeadingLike && !paragraph.IsDirective)
                {
                    // A title between the heading and the text: "Recommendation 3", "Advisory groups", "By …, forces should …".
                    titled = true;
                }
                else
                {
                    if (!titled && IsShortTitle(paragraphs, paragraph))
                    {
                        paragraphs.Clear();
                        titled = true;
                    }

                    if (!Accepts(paragraphs, paragraph, titled))
                    {
                        break;
                    }

                    paragraphs.Add(paragraph);
                }
            }

            if (stop || j >= lines.Length)
            {
                break;
            }
        }

        return Paragraph.Join(paragraphs);
    }

    // A short first paragraph that tells someone what to do ("Forces should publish their policies") is the recommendation
    // itself, unless the next paragraph restates it opening with a deadline ("By 31 March 2025, forces should …"): then
    // the short one was a title written as an instruction.
    private static bool IsShortTitle(List<Paragraph> sofar, Paragraph next) =>
        sofar.Count == 1 && sofar[0].IsHeadingLike && !sofar[0].OpensWithDeadline
        && next.IsDirective && next.OpensWithDeadline && !next.StartsWithBullet;

    private static bool Accepts(List<Paragraph> sofar, Paragraph next, bool titled)
    {
        if (sofar.Count == 0)
        {
            // A short line without a full stop reads like a heading, but one that tells someone what they should do is a
            // recommendation: short recommendations are kept, the last one included. After a title, only such a sentence
            // is taken, so a title followed by findings does not turn the findings into a recommendation.
            return next.IsDirective || (!titled && !next.IsHeadingLike);
        }

        var previous = sofar[^1];
        if (next.StartsWithBullet)
        {
            return previous.EndsWithBullet || previous.Text.TrimEnd().EndsWith(':');
        }

        return !next.IsHeadingLike && Directive().IsMatch(next.Text);
    }

    // Picks the fullest wording of a recommendation stated more than once, and warns when the wordings disagree.
    private static Occurrence ChooseWording(List<Occurrence> found, List<string> warnings)
    {
        var chosen = found.OrderByDescending(o => MarkupText.Words(o.Text).Count).ThenByDescending(o => o.Chapter is not null).First();
        var chosenWords = MarkupText.Normalise(chosen.Text);
        foreach (var other in found.Where(o => o != chosen))
        {
            var words = MarkupText.Normalise(other.Text);
            if (!chosenWords.StartsWith(words, StringComparison.Ordinal))
            {
                warnings.Add(
                    $"Recommendation {chosen.Number} is worded differently on line {other.Line} and on line {chosen.Line}; " +
                    $"the fuller wording (line {chosen.Line}) was used. Check it before importing.");
            }
        }

        return chosen;
    }

    /// <summary>
    /// No numbered recommendation is dropped silently: a "Recommendation N" heading with nothing after it that reads as a
    /// recommendation is named, and so is every number missing from 1 up to the highest the report uses.
    /// </summary>
    private static void CheckNumbering(List<ParsedRecommendation> recommendations, List<EmptyHeading> textless, List<string> warnings)
    {
        foreach (var heading in textless.GroupBy(h => h.Number).Select(g => g.First()).OrderBy(h => h.Number))
        {
            warnings.Add(
                $"Recommendation {heading.Number} has a heading (line {heading.Line}) but nothing after it reads as a recommendation " +
                "(a sentence saying who should do what), so it was left out. Check the document and add it by hand if it is there.");
        }

        var numbers = recommendations.Select(r => r.Number).Concat(textless.Select(h => h.Number)).ToHashSet();
        var highest = numbers.Max();
        var gaps = Enumerable.Range(1, highest).Where(n => !numbers.Contains(n)).ToList();
        if (gaps.Count > 0)
        {
            warnings.Add(
                $"No text was found for recommendation{(gaps.Count == 1 ? "" : "s")} {string.Join(", ", gaps)}, " +
                $"although the report numbers its recommendations up to {highest}.");
        }
    }

    /// <summary>
    /// A report that says how many recommendations it makes ("we made 22 recommendations", "makes twenty-two
    /// recommendations") is checked against what was found, so a last recommendation the parser missed is never dropped
    /// silently: the numbering check cannot see a gap at the end when the last one has no heading either.
    /// </summary>
    private static void CheckStatedCount(string text, List<ParsedRecommendation> recommendations, List<EmptyHeading> textless, List<string> warnings)
    {
        var stated = StatedCount().Matches(text)
            .Select(m => NumberWords.TryParse(m.Groups["n"].Value, out var n) ? n : 0)
            .Where(n => n > 0)
            .Distinct()
            .ToList();
        var highest = recommendations.Max(r => r.Number);
        foreach (var n in stated.Where(n => n > highest))
        {
            // Numbers with a heading but no text have a warning of their own.
            var missing = Enumerable.Range(highest + 1, n - highest).Where(m => textless.All(h => h.Number != m)).ToList();
            if (missing.Count > 0)
            {
                warnings.Add(
                    $"The report says it makes {n} recommendations, but text was found only up to recommendation {highest}: " +
                    $"recommendation{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} may be missing.");
            }
        }
    }

    // A full publication date: "Published on 10 September 2024", or a date alone on a line near the start or the end.
    private static DateOnly? FindPublished(string[] lines)
    {
        foreach (var line in lines)
        {
            var m = PublishedPhrase().Match(line);
            if (m.Success && ToDate(m) is { } date)
            {
                return date;
            }
        }

        var nonEmpty = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        foreach (var line in nonEmpty.Take(40).Concat(nonEmpty.TakeLast(10)))
        {
            var m = DateLine().Match(line);
            if (m.Success && ToDate(m) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static DateOnly? ToDate(Match m) =>
        DateOnly.TryParseExact(
            $"{m.Groups["day"].Value} {m.Groups["month"].Value} {m.Groups["year"].Value}", "d MMMM yyyy",
            CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : null;

    private static string CleanReportLine(string line) => MarkdownHeading().Replace(MarkupText.CleanLine(line), "");

    /// <summary>A short line without closing punctuation: a heading rather than a sentence.</summary>
    internal static bool IsHeadingLike(string line)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.Contains('\t') || MarkupText.IsBullet(t, out _))
        {
            return false;
        }

        return !".:;!?,\"'\u201D\u2019".Contains(t[^1], StringComparison.Ordinal) && t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 30;
    }

    // One paragraph of a recommendation: its lines, with bullet points written as "- …" and wrapped lines joined.
    private sealed class Paragraph
    {
        private readonly List<string> lines = [];

        public bool StartsWithBullet { get; private init; }
        public bool EndsWithBullet { get; private set; }
        public bool IsHeadingLike { get; private init; }

        /// <summary>Tells someone what they should or must do.</summary>
        public bool IsDirective => Directive().IsMatch(Text);

        /// <summary>Opens with a deadline, as a recommendation's own wording usually does ("By 31 March 2025, …").</summary>
        public bool OpensWithDeadline => DueDateParser.StripLeadingDeadline(Text).Length < Text.Length;

        public string Text => string.Join('\n', lines);

        public static Paragraph From(List<string> raw)
        {
            var p = new Paragraph
            {
                StartsWithBullet = MarkupText.IsBullet(raw[0], out _),
                IsHeadingLike = raw.Count == 1 && ReportParser.IsHeadingLike(raw[0]),
            };
            foreach (var line in raw)
            {
                if (MarkupText.IsBullet(line, out var item))
                {
                    p.lines.Add("- " + item);
                    p.EndsWithBullet = true;
                }
                else if (p.lines.Count > 0 && (p.EndsWithBullet || !p.lines[^1].EndsWith(':')))
                {
                    p.lines[^1] += " " + line; // a wrapped line continues the one before
                }
                else
                {
                    p.lines.Add(line);
                    p.EndsWithBullet = false;
                }
            }

            return p;
        }

        // Paragraphs are separated by a blank line, except that a list split by blank lines is kept together.
        public static string Join(List<Paragraph> paragraphs)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < paragraphs.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(paragraphs[i - 1].EndsWithBullet && paragraphs[i].StartsWithBullet ? "\n" : "\n\n");
                }

                sb.Append(paragraphs[i].Text);
            }

            return sb.ToString().Trim();
        }
    }

    /// <summary>
    /// Knows which chapter a line is in. When the report has a table of contents, only its entries count as chapter
    /// headings (so a numbered list in the text is not taken for a chapter); otherwise numbered headings
    /// ("2. Systemic issues", "Chapter 2: …") with rising numbers do. Summaries, forewords and annexes are not chapters.
    /// </summary>
    private sealed class ChapterTracker
    {
        private readonly HashSet<string> contents = new(StringComparer.OrdinalIgnoreCase);
        private readonly int contentsEnd = -1;
        private int lastNumber;

        public ChapterTracker(string[] lines)
        {
            var start = Array.FindIndex(lines, l => ContentsHeading().IsMatch(l.Trim()));
            if (start < 0)
            {
                return;
            }

            for (var i = start + 1; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                var entry = ContentsEntry().Match(line);
                if (!entry.Success)
                {
                    break;
                }

                contents.Add(entry.Groups["title"].Value.Trim());
                contentsEnd = i;
            }
        }

        public string? Current { get; private set; }

        /// <summary>Updates the current chapter if the line is a chapter or section heading; true if it was one.</summary>
        public bool Visit(int index, string line)
        {
            if (!IsSectionHeading(index, line))
            {
                return false;
            }

            var numbered = NumberedChapter().Match(line);
            if (numbered.Success)
            {
                lastNumber = int.Parse(numbered.Groups["n"].Value, CultureInfo.InvariantCulture);
                Current = line;
            }
            else
            {
                Current = NotAChapter().IsMatch(line) ? null : line;
            }

            return true;
        }

        public bool IsChapterHeading(int index, string line) => IsSectionHeading(index, line);

        private bool IsSectionHeading(int index, string line)
        {
            if (line.Length == 0 || line.Length > 150 || index <= contentsEnd || line.Contains('\t'))
            {
                return false;
            }

            if (contents.Count > 0)
            {
                return contents.Contains(line);
            }

            var numbered = NumberedChapter().Match(line);
            if (numbered.Success)
            {
                return IsHeadingLike(line) && int.Parse(numbered.Groups["n"].Value, CultureInfo.InvariantCulture) > lastNumber;
            }

            return NotAChapter().IsMatch(line);
        }
    }

    [GeneratedRegex(@"^(?:Recommendation|RECOMMENDATION)\s+(?<n>\d{1,3})\b(?:(?<sep>\s*[:.\-\u2013\u2014])\s*(?<rest>.*)|\s+(?<rest>[A-Z].*))?$")]
    private static partial Regex RecommendationHeading();

    [GeneratedRegex(@"\b(?:made|make|makes|making)\s+(?:a\s+total\s+of\s+)?(?<n>\d{1,3}|[a-z]+(?:[- ][a-z]+)?)\s+recommendations\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatedCount();

    [GeneratedRegex(@"\b(?:should|must)\b")]
    private static partial Regex Directive();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?:table\s+of\s+)?contents$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsHeading();

    [GeneratedRegex(@"^(?<title>\S.*?)(?:\t+|\s*\.{3,}\s*|\s{2,})(?<page>\d{1,3})$")]
    private static partial Regex ContentsEntry();

    [GeneratedRegex(@"^(?:Chapter\s+)?(?<n>\d{1,2})(?:\.|:|\s*[\u2013\u2014-])?\s+[A-Z]")]
    private static partial Regex NumberedChapter();

    [GeneratedRegex(@"^(?:(?:executive\s+)?summary|foreword|preface|contents|table\s+of\s+contents|about\s+(?:us|this\s+report)|glossary|references|(?:summary|list)\s+of\s+recommendations|recommendations|annex\b.*|appendix\b.*|annexes|appendices)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAChapter();

    [GeneratedRegex(@"(?i)\b(?:published(?:\s+on)?|publication\s+date|date\s+(?:of\s+)?(?:inspection\s+)?publi(?:shed|cation))\s*[:\-\u2013]?\s*(?:on\s+)?(?<day>\d{1,2})\s?(?:st|nd|rd|th)?\s+(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<year>\d{4})\b")]
    private static partial Regex PublishedPhrase();

    [GeneratedRegex(@"^(?:\w+day,?\s+)?(?<day>\d{1,2})\s?(?:st|nd|rd|th)?\s+(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<year>\d{4})(?:\s*[|\u2013\u2014-].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Evenhand.Importing;
using Evenhand.Inspections.Parsing;

namespace Evenhand.Responses.Parsing;

/// <summary>
/// Maps a PCC's published response to the recommendations it answers. A document may number its answers
/// ("Recommendation 16", "Rec. 10 —", a table whose first column holds the number), quote each recommendation's
/// wording without a number, or both; the wording wins when the two disagree. The answer to a recommendation is the
/// document's own text after it, up to the next recommendation or the next major heading, without the quoted
/// recommendation text. Recommendations quoted in a section that summarises the report ("Executive summary of report")
/// are not answers; a statement that names several recommendations together ("These are recommendations 9, 10 and 12")
/// answers them collectively when the document answers nothing one by one.
/// </summary>
public static partial class ResponseParser
{
    public static ParsedResponse Parse(
        string text,
        IReadOnlyList<ParsedRecommendation> recommendations,
        IEnumerable<(string Slug, string Name, string LocalPolicingBody)> forces,
        string? fileName = null,
        string? inspectionTitle = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(forces);
        var file = fileName ?? "the document";
        var inspection = inspectionTitle is null ? "the inspection" : $"'{inspectionTitle}'";
        if (recommendations.Count == 0)
        {
            throw new ImportException($"{Capitalise(inspection)} has no recommendations to match '{file}' against. Import the report's recommendations first.");
        }

        var walker = new Walker(recommendations);
        foreach (var block in ResponseDocument.Split(text))
        {
            walker.Visit(block);
        }

        var (items, notes) = walker.Finish();
        if (items.Count == 0)
        {
            throw new ImportException(
                $"No responses to any recommendation of {inspection} were recognised in '{file}'. Evenhand looks for headings " +
                "such as 'Recommendation 16' or 'Rec. 16:', a table with the recommendation number in its first column, or the " +
                "recommendation's own words quoted before each answer. Check that the document is a response to this inspection.");
        }

        var answered = items.SelectMany(i => i.Recommendations).ToHashSet();
        var missing = recommendations.Where(r => r.AppliesToForces && !answered.Contains(r.Number)).Select(r => r.Number).Order().ToList();
        return new ParsedResponse(ForceDetector.Detect(text, forces), items, missing) { Notes = notes };
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private enum Column
    {
        Other,
        Number,
        Recommendation,
        Answer,
    }

    private static Column ColumnOf(string header) =>
        NumberColumn().IsMatch(header) ? Column.Number
        : AnswerColumn().IsMatch(header) ? Column.Answer
        : header.StartsWith("Rec", StringComparison.OrdinalIgnoreCase) || header.Contains("recommendation", StringComparison.OrdinalIgnoreCase) ? Column.Recommendation
        : Column.Other;

    private enum Mode
    {
        Answers,
        ReportSummary,
    }

    // An answer being collected: the recommendations it is for and its paragraphs.
    private sealed class Draft(IEnumerable<int> numbers, bool fromNumber, bool inSummary, int section, int line)
    {
        public SortedSet<int> Numbers { get; } = [.. numbers];
        public bool FromNumber { get; } = fromNumber;
        public bool InSummary { get; } = inSummary;
        public int Section { get; } = section;
        public int Line { get; } = line;
        public bool HasQuote { get; set; }
        public string Source { get; set; } = MatchSource.Heading;
        public double Confidence { get; set; } = 0.95;
        public List<(BlockKind Kind, string Text)> Parts { get; } = [];
    }

    /// <summary>Reads the blocks in order, keeping track of the section and the answer being collected.</summary>
    private sealed class Walker(IReadOnlyList<ParsedRecommendation> recommendations)
    {
        private readonly QuoteMatcher matcher = new(recommendations);
        private readonly HashSet<int> valid = recommendations.Select(r => r.Number).ToHashSet();
        private readonly List<Draft> drafts = [];
        private readonly List<string> notes = [];
        private readonly List<(int Section, string? Heading, SortedSet<int> Numbers)> collective = [];
        private readonly Dictionary<int, List<(BlockKind Kind, string Text)>> sectionText = [];
        private readonly Dictionary<int, string?> sectionHeadings = [];
        private readonly SortedSet<string> quotedSummaries = new(StringComparer.Ordinal);
        private readonly Dictionary<int, Column> columns = [];
        private string? summaryHeading;
        private Mode mode = Mode.Answers;
        private int section;
        private Draft? current;
        private int headerRowLine;

        public void Visit(Block block)
        {
            if (block.Kind == BlockKind.Heading)
            {
                columns.Clear();
                VisitHeading(block);
                return;
            }

            if (Closing().IsMatch(block.Text))
            {
                StartSection(block.Text, Mode.Answers);
                return;
            }

            var ownWords = true;
            if (block.Kind == BlockKind.Cell)
            {
                // A header row ("No. | Recommendation | Response") says what each column holds and answers nothing.
                if (block.Cell == 0 && TableHeader().IsMatch(block.Text))
                {
                    headerRowLine = block.Line;
                    columns.Clear();
                }

                if (block.HeaderRow || block.Line == headerRowLine)
                {
                    columns[block.Cell] = ColumnOf(block.Text);
                    return;
                }

                // A table whose number column holds just the number: "| 10 | … |"
                var bare = BareNumber().Match(block.Text);
                var numberColumn = columns.GetValueOrDefault(block.Cell) == Column.Number || (block.Cell == 0 && columns.ContainsValue(Column.Recommendation));
                if (bare.Success && numberColumn && valid.Contains(ToInt(bare.Groups[1].Value)))
                {
                    StartFromNumber([ToInt(bare.Groups[1].Value)], block.Line, MatchSource.Table);
                    return;
                }

                // The recommendation column may hold the number or the wording, but never the answer.
                ownWords = columns.GetValueOrDefault(block.Cell) != Column.Recommendation;
            }
            else
            {
                columns.Clear(); // the table has ended
            }

            if (block.Text.Length == 0)
            {
                return;
            }

            Remember(block.Kind, block.Text);
            VisitText(block.Kind, block.Text, block.Line, ownWords);
        }

        private void VisitHeading(Block block)
        {
            var kind = Classify(block.Text);
            if (kind is HeadingKind.Summary)
            {
                StartSection(block.Text, Mode.ReportSummary, block.Major);
            }
            else if (kind is HeadingKind.Closing || block.Major)
            {
                StartSection(block.Text, kind is HeadingKind.Other ? mode : Mode.Answers);
            }
            else if (current is not null && current.Parts.Count == 0 && kind is HeadingKind.Answers && WordCount(block.Text) <= 4)
            {
                // "Response:" between a recommendation and its answer labels the answer
            }
            else if (current is not null && !(kind is HeadingKind.Answers && SectionHeading().IsMatch(block.Text)))
            {
                // a sub-heading inside an answer ("Progress so far", "Next steps") is part of it
                current.Parts.Add((BlockKind.Heading, block.Text));
            }
            else if (kind is HeadingKind.Answers)
            {
                StartSection(block.Text, Mode.Answers);
            }
        }

        private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

        private void StartSection(string heading, Mode next, bool major = false)
        {
            Close();
            section++;
            sectionHeadings[section] = heading;
            if (next == Mode.ReportSummary && (mode != Mode.ReportSummary || major))
            {
                summaryHeading = heading; // a summary's own sub-headings do not start a new summary
            }

            mode = next;
        }

        private void Remember(BlockKind kind, string text)
        {
            if (!sectionText.TryGetValue(section, out var list))
            {
                sectionText[section] = list = [];
            }

            list.Add((kind, text));
        }

        // Splits the text at numbered headings ("Recommendation 9:") and handles each piece.
        private void VisitText(BlockKind kind, string text, int line, bool ownWords)
        {
            // "In response to recommendations 10 and 22, the force …" or "R9 – …" opening a paragraph: the answer starts here,
            // and the rest of the sentence is its first words.
            if (kind is BlockKind.Paragraph or BlockKind.Bullet && mode == Mode.Answers
                && (ProseCitation().Match(text) is { Success: true } cite ? (cite, MatchSource.Prose)
                    : ShortTag().Match(text) is { Success: true } tag ? (tag, MatchSource.Heading)
                    : default) is ({ } m, { } source))
            {
                var numbers = ExpandList(m.Groups["list"].Value.Replace("R", "", StringComparison.Ordinal));
                if (numbers.Count > 0 && numbers.Any(valid.Contains))
                {
                    StartFromNumber(numbers, line, source);
                    if (source == MatchSource.Prose)
                    {
                        current!.Confidence = 0.9; // an explicit "in response to recommendation …"
                    }

                    text = text[m.Length..];
                    if (text.Trim().Length == 0)
                    {
                        return;
                    }
                }
            }

            var markers = Markers(text);
            var pieceStart = 0;
            foreach (var (index, length, numbers) in markers)
            {
                if (index > pieceStart)
                {
                    VisitPiece(kind, text[pieceStart..index], line, ownWords);
                }

                // A number that opens a paragraph is a heading ("Recommendation 16 …"); one in a table cell is the
                // table's; one further into a paragraph is a mention in running prose.
                var from = kind == BlockKind.Cell ? MatchSource.Table
                    : index == 0 || text[..index].Trim().Length == 0 ? MatchSource.Heading
                    : MatchSource.Prose;
                StartFromNumber(numbers, line, from);
                pieceStart = index + length;
            }

            if (pieceStart < text.Length)
            {
                VisitPiece(kind, text[pieceStart..], line, ownWords);
            }
        }

        private void VisitPiece(BlockKind kind, string piece, int line, bool ownWords)
        {
            var quotes = matcher.Find(piece, current?.Numbers ?? (IReadOnlyCollection<int>)[]);
            var whole = quotes.Where(q => !q.Fragment).ToList();
            if (quotes.Count == 0)
            {
                NoteCollective(piece);
                if (ownWords)
                {
                    Append(kind, piece);
                }

                return;
            }

            if (whole.Count > 0)
            {
                var quoted = whole.Select(q => q.Recommendation).ToHashSet();
                if (current is { FromNumber: true, HasQuote: false } && current.Parts.Count == 0)
                {
                    // "Recommendation 3:" followed by a recommendation's words: the words decide which one it is.
                    if (!current.Numbers.Overlaps(quoted))
                    {
                        notes.Add(
                            $"Line {line}: the document's recommendation {string.Join(" and ", current.Numbers)} quotes the wording of " +
                            $"recommendation {string.Join(" and ", quoted.Order())}; it was matched by its wording.");
                        current.Numbers.Clear();
                        current.Source = MatchSource.Quote;
                        current.Confidence = 0.7;
                    }

                    current.Numbers.UnionWith(quoted);
                }
                else
                {
                    Close();
                    current = new Draft(quoted, false, mode == Mode.ReportSummary, section, line)
                    {
                        Source = MatchSource.Quote,
                        Confidence = Math.Round(Math.Min(0.95, whole.Min(q => q.Coverage)), 2),
                    };
                }

                current.HasQuote = true;
                if (mode == Mode.ReportSummary && summaryHeading is not null)
                {
                    quotedSummaries.Add(summaryHeading);
                }
            }

            // Only the document's own words after the last quote belong to the answer.
            var rest = piece[quotes.Max(q => q.End)..];
            if (ownWords && Words().Count(rest) >= 2)
            {
                Append(kind, rest);
            }
        }

        private void StartFromNumber(IEnumerable<int> numbers, int line, string source)
        {
            Close();
            var known = numbers.Where(valid.Contains).ToList();
            if (known.Count < numbers.Count())
            {
                notes.Add($"Line {line}: recommendation {string.Join(", ", numbers.Where(n => !valid.Contains(n)))} is not one of the inspection's recommendations and was ignored.");
            }

            current = new Draft(known, true, mode == Mode.ReportSummary, section, line)
            {
                Source = source,
                Confidence = source == MatchSource.Prose ? 0.8 : 0.95,
            };
        }

        private void Append(BlockKind kind, string text)
        {
            var t = AnswerLabel().Replace(text.Trim(), "").Trim();
            t = t.TrimStart('-', '\u2013', '\u2014', ':', '.', ',', ';', ' ').Trim();
            if (current is not null && t.Length > 0)
            {
                current.Parts.Add((kind, t));
            }
        }

        // "These are recommendations 9, 10, 12 and 22": numbers named together in running text.
        private void NoteCollective(string text)
        {
            if (mode != Mode.Answers)
            {
                return;
            }

            foreach (Match m in NumberList().Matches(text))
            {
                var numbers = new SortedSet<int>(ExpandList(m.Groups["list"].Value).Where(valid.Contains));
                if (numbers.Count >= 2)
                {
                    collective.Add((section, sectionHeadings.GetValueOrDefault(section), numbers));
                }
            }
        }

        private void Close()
        {
            if (current is not null)
            {
                drafts.Add(current);
            }

            current = null;
        }

        public (List<ParsedResponseItem> Items, List<string> Notes) Finish()
        {
            Close();
            var items = new List<ParsedResponseItem>();
            var answered = new HashSet<int>();
            foreach (var d in drafts.Where(d => !d.InSummary && d.Numbers.Count > 0))
            {
                var text = JoinParts(d.Parts);
                if (text.Length == 0)
                {
                    notes.Add($"Line {d.Line}: recommendation {string.Join(" and ", d.Numbers)} is listed but no answer follows it.");
                    continue;
                }

                items.Add(new ParsedResponseItem([.. d.Numbers], text) { Source = d.Source, Confidence = d.Confidence });
                answered.UnionWith(d.Numbers);
            }

            if (quotedSummaries.Count > 0)
            {
                notes.Add(
                    $"Recommendations quoted under '{string.Join("', '", quotedSummaries)}' were read as the document's " +
                    "summary of the report, not as answers.");
            }

            // A section naming several recommendations together is their answer only when the document answers none one
            // by one: otherwise such a sentence is more likely an introduction ("recommendations 9, 10 and 12 are for forces").
            if (items.Count > 0)
            {
                return (items, notes);
            }

            foreach (var group in collective.GroupBy(c => c.Section))
            {
                var numbers = group.SelectMany(c => c.Numbers).Where(n => !answered.Contains(n)).Distinct().Order().ToList();
                var text = JoinParts(sectionText.GetValueOrDefault(group.Key) ?? []);
                if (numbers.Count == 0 || text.Length == 0)
                {
                    continue;
                }

                items.Add(new ParsedResponseItem(numbers, text) { Source = MatchSource.Prose, Confidence = 0.5 });
                answered.UnionWith(numbers);
                var where = group.First().Heading is { } h ? $"the section '{h}'" : "one statement";
                notes.Add(
                    $"Recommendations {string.Join(", ", numbers)} are answered together by {where}, not one by one; " +
                    "the whole section is used as the answer to each of them.");
            }

            return (items, notes);
        }

        private static string JoinParts(List<(BlockKind Kind, string Text)> parts)
        {
            var sb = new StringBuilder();
            BlockKind? previous = null;
            foreach (var (kind, text) in parts)
            {
                if (previous is not null)
                {
                    sb.Append(previous == BlockKind.Bullet && kind == BlockKind.Bullet ? "\n" : "\n\n");
                }

                sb.Append(kind == BlockKind.Bullet ? "- " : "").Append(text);
                previous = kind;
            }

            return sb.ToString().Trim();
        }

        private List<(int Index, int Length, List<int> Numbers)> Markers(string text)
        {
            var found = new List<(int, int, List<int>)>();
            foreach (Match m in Marker().Matches(text))
            {
                var atStart = text[..m.Index].Trim(' ', '-', '*', '#', '(', '[', '\u2022').Length == 0;
                var label = m.Groups["label"].Value;
                var capitalised = char.IsUpper(label[0]);
                var after = text[(m.Index + m.Length)..];
                var before = text[..m.Index].TrimEnd();
                var headingLike = after.Length == 0 || Separator().IsMatch(after) || (after.StartsWith(' ') && after.TrimStart() is { Length: > 0 } a && (char.IsUpper(a[0]) || a[0] == '\'' || a[0] == '"'));
                var proseBefore = ProseLead().IsMatch(before);
                if (!headingLike || (!atStart && (!capitalised || proseBefore || (label.StartsWith("Rec", StringComparison.Ordinal) && label.Length <= 4))))
                {
                    continue;
                }

                var numbers = ExpandList(m.Groups["list"].Value);
                var length = m.Length + (Separator().Match(after) is { Success: true } s ? s.Length : 0);
                found.Add((m.Index, length, numbers));
            }

            return found;
        }
    }

    private enum HeadingKind
    {
        Other,
        Summary, // the document summarising the report: recommendations quoted here are not answered
        Answers, // where answers are given: "Recommendations and Constabulary Response", "Our response"
        Closing, // "Conclusion", "Appendix 1", "Yours sincerely": whatever follows answers nothing
    }

    private static HeadingKind Classify(string heading) =>
        ClosingHeading().IsMatch(heading) ? HeadingKind.Closing
        : SummaryHeading().IsMatch(heading) && !AnswerHeading().IsMatch(heading) ? HeadingKind.Summary
        : AnswerHeading().IsMatch(heading) ? HeadingKind.Answers
        : HeadingKind.Other;

    private static List<int> ExpandList(string list)
    {
        var numbers = new List<int>();
        foreach (Match m in ListItem().Matches(list))
        {
            var from = ToInt(m.Groups["a"].Value);
            if (m.Groups["b"].Success)
            {
                var to = ToInt(m.Groups["b"].Value);
                for (var n = from; n <= to && n - from < 50; n++)
                {
                    numbers.Add(n);
                }
            }
            else
            {
                numbers.Add(from);
            }
        }

        return numbers;
    }

    private static int ToInt(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![\w])(?<label>Recommendations?|RECOMMENDATIONS?|recommendations?|Recs?\.?|REC)\s*(?:No\.?\s*|number\s+)?(?<list>\d{1,3}(?:\s*(?:,|&|and|to|-|\u2013)\s*\d{1,3}(?!\d))*)(?![\d\w])")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*(?:[:.\-\u2013\u2014)]|\(|$)\s*")]
    private static partial Regex Separator();

    // "In response to recommendation 10 and 22, …", "In relation to recommendations 16 to 18: …", "Regarding Recs 16-18, …"
    [GeneratedRegex(@"^\s*(?:In\s+(?:response|relation|reply|regard)\s+to|With\s+(?:regard|respect|reference)\s+to|Regarding|Turning\s+to|As\s+(?:for|to)|On|For)\s+(?:the\s+|our\s+)?(?:HMICFRS\s+|report'?s\s+)?(?:recommendations?|recs?\.?)\s*(?:no\.?\s*|numbers?\s+)?(?<list>\d{1,3}(?:\s*(?:,|&|and|to|-|\u2013)\s*\d{1,3}(?!\d))*)(?![\d\w])\s*(?:[,:;.\-\u2013\u2014]\s*)?", RegexOptions.IgnoreCase)]
    private static partial Regex ProseCitation();

    // "R9 – …", "R16-R18: …", "R10 and R22. …": a short tag opening a paragraph, followed by a separator.
    [GeneratedRegex(@"^\s*(?<list>R\d{1,2}(?:\s*(?:,|&|and|to|-|\u2013)\s*R?\d{1,2}(?!\d))*)(?![\d\w])\s*[:.\-\u2013\u2014)]\s+")]
    private static partial Regex ShortTag();

    // Words that make "… in recommendation 4" a reference in a sentence rather than a heading.
    [GeneratedRegex(@"\b(?:in|of|see|with|under|to|and|from|by|per|at|on|that|this|for|as)$", RegexOptions.IgnoreCase)]
    private static partial Regex ProseLead();

    [GeneratedRegex(@"\b[Rr]ecommendations\s+(?:numbers?\s+)?(?<list>\d{1,3}(?:\s*(?:,|&|and|to|-|\u2013)\s*\d{1,3})+)")]
    private static partial Regex NumberList();

    [GeneratedRegex(@"(?<a>\d{1,3})(?:\s*(?:to|-|\u2013)\s*(?<b>\d{1,3}))?")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(?:Rec(?:ommendation)?\.?\s*(?:No\.?\s*)?)?(\d{1,3})\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(?:No\.?|#|Number|Ref\.?|Rec(?:ommendation)?s?\.?(?:\s+(?:no\.?|number|ref\.?|text))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"^(?:No\.?|#|Number|Ref\.?|Rec(?:ommendation)?\.?\s*(?:no\.?|number|ref\.?))$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberColumn();

    [GeneratedRegex(@"\b(?:responses?|answers?|actions?|updates?|progress|comments?|position)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerColumn();

    [GeneratedRegex(@"\w{2,}")]
    private static partial Regex Words();

    // "OPCC response:", "Force update:" — a label in front of an answer, not part of it.
    [GeneratedRegex(@"^(?:[\w']+\s+){0,3}(?:response|update|comments?|progress|actions?(?:\s+taken)?)\s*:(?:\s*:)*", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerLabel();

    [GeneratedRegex(@"\b(?:summary|overview|key\s+(?:findings|observations|points|issues)|findings|background|terms\s+of\s+reference|inspection\s+details|about\s+the\s+(?:report|inspection))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryHeading();

    [GeneratedRegex(@"\b(?:responses?|comments?|recommendations?|actions?|action\s+plan|progress|updates?|next\s+steps)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerHeading();

    // Headings that start a new part of the document even in the middle of an answer.
    [GeneratedRegex(@"\b(?:recommendations?|responses?|comments?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?:conclusions?|closing\s+remarks|appendix|appendices|annex|yours\s+(?:sincerely|faithfully)|kind\s+regards|signed|for\s+office\s+use)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingHeading();

    [GeneratedRegex(@"^(?:yours\s+(?:sincerely|faithfully)|kind\s+regards|signed[:,]?\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex Closing();
}

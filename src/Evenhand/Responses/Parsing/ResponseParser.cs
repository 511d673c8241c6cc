using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Evenhand.Importing;
using Evenhand.Inspections.Parsing;

namespace Evenhand.Responses.Parsing;

/// <summary>
/// Maps a PCC's published response to the recommendations it answers. A document may number its answers
/// ("Recommendation 16", "Rec. 10 —", a table whose first column holds the number), cite them in its sentences ("We have, as
/// recommendation 12 asks, …", "This also answers recommendations 16 to 18."), quote each recommendation's wording without a
/// number, quote or paraphrase a piece of it (a heading "Equality impact assessments", a phrase in quotation marks), or mix
/// these; the wording wins when a number and a whole quote disagree. The answer to a recommendation is the document's own
/// text after it, up to the next recommendation or the next major heading, without the quoted recommendation text.
/// Recommendations quoted in a section that summarises the report ("Executive summary of report") are not answers; a
/// statement that names several recommendations together ("These are recommendations 9, 10 and 12") answers them
/// collectively when the document answers nothing one by one. Sections holding the commissioner's comments, the chief
/// officer's comments and the commissioner's response to those are returned on their own and never attached to a
/// recommendation. A document that answers another inspection is refused (see <see cref="OtherInspection"/>).
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

        var found = walker.Finish();
        if (OtherInspection.Refusal(text, recommendations, inspectionTitle, found.QuotesRecommendation, found.UnknownNumbers, file) is { } refusal)
        {
            throw new ImportException(refusal);
        }

        if (found.Items.Count == 0)
        {
            throw new ImportException(
                $"No responses to any recommendation of {inspection} were recognised in '{file}'. Evenhand looks for headings " +
                "such as 'Recommendation 16' or 'Rec. 16:', a table with the recommendation number in its first column, or the " +
                "recommendation's own words quoted before each answer. Check that the document is a response to this inspection.");
        }

        var answered = found.Items.SelectMany(i => i.Recommendations).ToHashSet();
        var missing = recommendations.Where(r => r.AppliesToForces && !answered.Contains(r.Number)).Select(r => r.Number).Order().ToList();
        return new ParsedResponse(ForceDetector.Detect(text, forces), found.Items, missing)
        {
            Notes = found.Notes,
            BodyComments = found.Comments.GetValueOrDefault(CommentPart.Body),
            ChiefOfficerComments = found.Comments.GetValueOrDefault(CommentPart.ChiefOfficer),
            ResponseToChiefOfficer = found.Comments.GetValueOrDefault(CommentPart.ResponseToChiefOfficer),
        };
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Abbreviate(string s, int length = 60)
    {
        var t = s.Trim();
        return t.Length <= length ? t : t[..t.LastIndexOf(' ', length)] + "…";
    }

    private static string Numbers(IEnumerable<int> numbers)
    {
        var list = numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

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
        Comments,
    }

    /// <summary>The parts of a section 55 response other than the answers to recommendations.</summary>
    private enum CommentPart
    {
        Body, // the commissioner's (local policing body's) comments on the report, s.55(5)
        ChiefOfficer, // the chief officer's comments, s.55(5)(b)
        ResponseToChiefOfficer, // the body's response to them, s.55(5)(c)
    }

    // An answer being collected: the recommendations it is for and its paragraphs.
    private sealed class Draft(IEnumerable<int> numbers, bool fromNumber, bool inSummary, int section, int line)
    {
        public SortedSet<int> Numbers { get; } = [.. numbers];
        public bool FromNumber { get; } = fromNumber;
        public bool FromFragment { get; init; }
        public bool InSummary { get; } = inSummary;
        public int Section { get; } = section;
        public int Line { get; } = line;
        public bool HasQuote { get; set; }
        public string Source { get; set; } = MatchSource.Heading;
        public double Confidence { get; set; } = 0.95;
        public List<(BlockKind Kind, string Text)> Parts { get; } = [];

        /// <summary>Recommendations the document says this answer also covers ("This also answers recommendation 17").</summary>
        public SortedSet<int> Also { get; } = [];
    }

    // A comment section being collected. Interrupted: the answer that was open when the section began, if any.
    private sealed class CommentSection(CommentPart part, string heading, int line, Draft? interrupted)
    {
        public CommentPart Part { get; } = part;
        public string Heading { get; } = heading;
        public int Line { get; } = line;
        public Draft? Interrupted { get; } = interrupted;
        public List<(BlockKind Kind, string Text)> Parts { get; } = [];
    }

    private enum CutKind
    {
        Start, // the answer starts here; Length characters (the citation) are not part of it
        Also, // the answer being collected also covers these recommendations
    }

    // A place in a paragraph where an answer starts, found from a recommendation's number.
    private sealed record Cut(int Index, int Length, List<int> Numbers, string Source, double Confidence, CutKind Kind = CutKind.Start);

    private sealed record Found(
        List<ParsedResponseItem> Items,
        List<string> Notes,
        Dictionary<CommentPart, string> Comments,
        bool QuotesRecommendation,
        IReadOnlyCollection<int> UnknownNumbers);

    /// <summary>Reads the blocks in order, keeping track of the section and the answer being collected.</summary>
    private sealed class Walker(IReadOnlyList<ParsedRecommendation> recommendations)
    {
        private readonly QuoteMatcher matcher = new(recommendations);
        private readonly FragmentMatcher fragments = new(recommendations);
        private readonly HashSet<int> valid = recommendations.Select(r => r.Number).ToHashSet();
        private readonly List<Draft> drafts = [];
        private readonly List<string> notes = [];
        private readonly List<(int Section, string? Heading, SortedSet<int> Numbers)> collective = [];
        private readonly Dictionary<int, List<(BlockKind Kind, string Text)>> sectionText = [];
        private readonly Dictionary<int, string?> sectionHeadings = [];
        private readonly SortedSet<string> quotedSummaries = new(StringComparer.Ordinal);
        private readonly Dictionary<int, Column> columns = [];
        private readonly Dictionary<CommentPart, List<string>> commentTexts = [];
        private readonly SortedSet<int> unknownNumbers = [];
        private const int MaxInterruptingParts = 3;
        private string? summaryHeading;
        private Mode mode = Mode.Answers;
        private int section;
        private Draft? current;
        private CommentSection? comments;
        private int headerRowLine;
        private int blocksSeen;
        private bool quotesRecommendation;

        public void Visit(Block block)
        {
            blocksSeen++;
            if (block.Kind == BlockKind.Heading && ResponseDocument.IsNumberedRecommendation(block.Text))
            {
                block = block with { Kind = BlockKind.Paragraph }; // "## Recommendation 16": a number, read as any other
            }

            if (block.Kind == BlockKind.Heading)
            {
                columns.Clear();
                VisitHeading(block);
                return;
            }

            if (Closing().IsMatch(block.Text) || Signature().IsMatch(block.Text))
            {
                StartSection(block.Text, Mode.Answers);
                return;
            }

            if (mode == Mode.Comments)
            {
                // Comments run on until something plainly starts an answer: a numbered recommendation or a whole quote of one
                // opening the paragraph. Citations and fragments inside them are part of the comments.
                if (!StartsAnswer(block))
                {
                    if (block.Text.Length > 0 && !block.HeaderRow)
                    {
                        comments!.Parts.Add((block.Kind == BlockKind.Cell ? BlockKind.Paragraph : block.Kind, block.Text));
                    }

                    return;
                }

                EndComments(structural: true);
            }
            else if (block.Kind == BlockKind.Paragraph && current is null && CommentLabel().Match(block.Text) is { Success: true } label
                     && ClassifyComments(label.Groups["label"].Value) is { } part)
            {
                // "Commissioner's comments: I welcome …" with no answer open: a comment section in one paragraph
                StartComments(part, label.Groups["label"].Value, block.Line);
                comments!.Parts.Add((BlockKind.Paragraph, block.Text[label.Length..].Trim()));
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

        // Inside a comment section: does this block begin an answer, ending the comments?
        private bool StartsAnswer(Block block)
        {
            if (block.Kind == BlockKind.Cell && block.Cell > 0)
            {
                return false;
            }

            var text = block.Text;
            if ((ProseCitation().Match(text) is { Success: true } p && ExpandList(p.Groups["list"].Value).Any(valid.Contains))
                || (ShortTag().Match(text) is { Success: true } t && ExpandList(t.Groups["list"].Value).Any(valid.Contains))
                || Markers(text).Any(m => m.Index == 0 && m.Numbers.Any(valid.Contains)))
            {
                return true;
            }

            var words = MarkupText.Words(text);
            return words.Count > 0 && matcher.Find(text, []).Any(q => !q.Fragment && q.Start <= words[Math.Min(2, words.Count - 1)].Start);
        }

        private void VisitHeading(Block block)
        {
            var text = block.Text;
            var kind = Classify(text);
            var part = blocksSeen == 1 ? null : ClassifyComments(text); // the document's title is not a comment section
            if (mode == Mode.Comments)
            {
                if (part is { } p)
                {
                    if (p == comments!.Part && comments.Parts.Count == 0)
                    {
                        return; // "PCC RESPONSE TO INSPECTION" then "Comment by the PCC:": one section
                    }

                    StartComments(p, text, block.Line);
                    return;
                }

                if (kind is not HeadingKind.Closing && !block.Major && !(kind is HeadingKind.Answers && RecommendationsWord().IsMatch(text)))
                {
                    comments!.Parts.Add((BlockKind.Heading, text)); // a sub-heading of the comments
                    return;
                }
            }

            if (kind is HeadingKind.Summary)
            {
                StartSection(text, Mode.ReportSummary, block.Major);
            }
            else if (kind is HeadingKind.Closing)
            {
                var bodySeen = commentTexts.ContainsKey(CommentPart.Body) || comments?.Part == CommentPart.Body;
                StartSection(text, Mode.Answers);
                if (bodySeen && Conclusion().IsMatch(text))
                {
                    // The commissioner's conclusion, after comments earlier in the document, is more of the same comments.
                    StartComments(CommentPart.Body, text, block.Line);
                    comments!.Parts.Add((BlockKind.Heading, text));
                }
            }
            else if (current is { InSummary: false, Parts.Count: 0 } && (kind is HeadingKind.Answers || part is not null) && WordCount(text) <= 4)
            {
                // "Response:" or "PCC response" between a recommendation and its answer labels the answer
            }
            else if (part is { } p)
            {
                StartComments(p, text, block.Line);
            }
            else if (block.Major)
            {
                StartSection(text, kind is HeadingKind.Other && mode != Mode.Comments ? mode : Mode.Answers);
                if (mode == Mode.Answers)
                {
                    TryFragmentHeading(text, block.Line);
                }
            }
            else if (mode == Mode.Answers && TryFragmentHeading(text, block.Line))
            {
                // a heading that paraphrases a recommendation starts its answer
            }
            else if (current is not null && !(kind is HeadingKind.Answers && SectionHeading().IsMatch(text)))
            {
                // a sub-heading inside an answer ("Progress so far", "Next steps") is part of it
                current.Parts.Add((BlockKind.Heading, text));
            }
            else if (kind is HeadingKind.Answers)
            {
                StartSection(text, Mode.Answers);
            }
        }

        // A heading that quotes or paraphrases part of one recommendation: "Visible representations".
        private bool TryFragmentHeading(string heading, int line)
        {
            var match = fragments.Match(heading);
            NoteTie(match, heading, line);
            if (match.Best is not { } best)
            {
                return false;
            }

            quotesRecommendation = true;
            if (current is not null && current.Numbers.Contains(best))
            {
                if (current.Parts.Count > 0)
                {
                    current.Parts.Add((BlockKind.Heading, heading));
                }

                return true;
            }

            if (current is { FromNumber: true, Parts.Count: 0 })
            {
                NoteDisagreement(current, best, heading, line);
                return true;
            }

            StartFromFragment(best, match, line);
            return true;
        }

        private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

        private void StartSection(string heading, Mode next, bool major = false)
        {
            Close();
            EndComments(structural: false);
            section++;
            sectionHeadings[section] = heading;
            if (next == Mode.ReportSummary && (mode != Mode.ReportSummary || major))
            {
                summaryHeading = heading; // a summary's own sub-headings do not start a new summary
            }

            mode = next;
        }

        private void StartComments(CommentPart part, string heading, int line)
        {
            var interrupted = current is { InSummary: false, Parts.Count: > 0 } ? current : comments?.Interrupted;
            StartSection(heading, Mode.Comments);
            comments = new CommentSection(part, heading, line, interrupted);
        }

        // Closes the comment section. When an answer follows it (structural) and it began inside an answer, a short section was
        // part of that answer ("Recommendation 16 … Commissioner's comments: one paragraph … Recommendation 17"), not comments
        // on the whole report; a long one (more than MaxInterruptingParts paragraphs) is the report-wide comments all the same.
        private void EndComments(bool structural)
        {
            if (comments is not { } c)
            {
                return;
            }

            comments = null;
            if (structural)
            {
                mode = Mode.Answers;
                section++;
                if (c.Interrupted is { } answer && c.Parts.Count <= MaxInterruptingParts)
                {
                    answer.Parts.Add((BlockKind.Heading, c.Heading));
                    answer.Parts.AddRange(c.Parts);
                    notes.Add(
                        $"Line {c.Line}: '{c.Heading}' comes between answers, so its text was kept with the answer to recommendation " +
                        $"{Numbers(answer.Numbers)} rather than taken as comments on the whole report.");
                    return;
                }
            }

            var parts = c.Parts.ToList();
            // A name and title under the comments ("Donna Jones / Police and Crime Commissioner") sign them; they are not comments.
            while (parts.Count > 0 && parts[^1].Kind != BlockKind.Bullet && WordCount(parts[^1].Text) <= 12 && !".!?:;".Contains(parts[^1].Text[^1], StringComparison.Ordinal))
            {
                parts.RemoveAt(parts.Count - 1);
            }

            var text = JoinParts(parts);
            if (text.Length > 0)
            {
                (commentTexts.TryGetValue(c.Part, out var list) ? list : commentTexts[c.Part] = []).Add(text);
            }
        }

        private void Remember(BlockKind kind, string text)
        {
            if (!sectionText.TryGetValue(section, out var list))
            {
                sectionText[section] = list = [];
            }

            list.Add((kind, text));
        }

        // Finds where answers start in the text (numbered headings, citations in its sentences) and handles each piece.
        private void VisitText(BlockKind kind, string text, int line, bool ownWords)
        {
            var cuts = new List<Cut>();
            var prose = kind is BlockKind.Paragraph or BlockKind.Bullet && mode == Mode.Answers;

            // "In response to recommendations 10 and 22, the force …" or "R9 – …" opening a paragraph: the answer starts here,
            // and the rest of the sentence is its first words.
            if (prose
                && (ProseCitation().Match(text) is { Success: true } cite ? (cite, MatchSource.Prose, 0.9)
                    : ShortTag().Match(text) is { Success: true } tag ? (tag, MatchSource.Heading, 0.95)
                    : default) is ({ } m, { } source, var confidence))
            {
                var numbers = ExpandList(m.Groups["list"].Value);
                if (numbers.Any(valid.Contains))
                {
                    cuts.Add(new Cut(0, m.Length, numbers, source, confidence));
                }
            }

            // A number that opens a paragraph is a heading ("Recommendation 16 …"); one in a table cell is the table's; one
            // further into a paragraph, set out like a heading, is a heading run into the text.
            foreach (var (index, length, numbers) in Markers(text))
            {
                if (!cuts.Any(c => index < c.Index + Math.Max(c.Length, 1) && c.Index < index + length))
                {
                    var from = kind == BlockKind.Cell ? MatchSource.Table
                        : index == 0 || text[..index].Trim().Length == 0 ? MatchSource.Heading
                        : MatchSource.Prose;
                    cuts.Add(new Cut(index, length, numbers, from, from == MatchSource.Prose ? 0.8 : 0.95));
                }
            }

            if (prose && ownWords)
            {
                foreach (var cut in SentenceCuts(text, line))
                {
                    if (!cuts.Any(c => cut.Index < c.Index + Math.Max(c.Length, 1) && c.Index < cut.Index + Math.Max(cut.Length, 1)))
                    {
                        cuts.Add(cut);
                    }
                }
            }

            var pieceStart = 0;
            foreach (var cut in cuts.OrderBy(c => c.Index))
            {
                if (cut.Index < pieceStart)
                {
                    continue;
                }

                if (cut.Kind == CutKind.Also && current is { InSummary: false })
                {
                    // "This also answers recommendations 16 to 18": the answer being collected, this sentence included, covers
                    // them too. The paragraph is not split.
                    current.Also.UnionWith(cut.Numbers.Where(n => valid.Contains(n) && !current.Numbers.Contains(n)));
                    continue;
                }

                if (cut.Index > pieceStart)
                {
                    VisitPiece(kind, text[pieceStart..cut.Index], line, ownWords);
                }

                StartFromNumber(cut.Numbers, line, cut.Source, cut.Confidence);
                pieceStart = cut.Index + cut.Length;
            }

            if (pieceStart < text.Length)
            {
                VisitPiece(kind, text[pieceStart..], line, ownWords);
            }
        }

        /// <summary>
        /// Citations of recommendations in the sentences of a paragraph that say the sentence answers them: "In response to
        /// recommendation 12, …" opening any sentence, "We have, as recommendation 12 asks, …", "Recommendation 12 has been
        /// implemented", "(recommendation 12)", "This also answers recommendations 16 to 18". A mention that does not answer
        /// ("what the report says in recommendation 4", "recommendations 9, 10 and 12 are for forces") is not a cut. The answer
        /// starts at the beginning of the citing sentence and keeps it, except where the sentence opens with the citation.
        /// </summary>
        private List<Cut> SentenceCuts(string text, int line)
        {
            var cuts = new List<Cut>();
            var citations = Citation().Matches(text);
            var next = 0; // the first citation not yet in a sentence
            foreach (var (start, end) in Sentences(text))
            {
                var first = next;
                while (next < citations.Count && citations[next].Index < end)
                {
                    next++;
                }

                if (first == next)
                {
                    continue; // no recommendation named in the sentence
                }

                var lead = start > 0 ? ProseCitation().Match(text, start) : Match.Empty;
                if (lead.Success && Cited(lead.Groups["list"].Value, line) is { Count: > 0 } leadNumbers)
                {
                    cuts.Add(new Cut(start, lead.Length, leadNumbers, MatchSource.Prose, 0.9));
                    continue;
                }

                var inline = new List<int>();
                var also = new List<int>();
                for (var k = first; k < next; k++)
                {
                    var m = citations[k];
                    var before = text[start..m.Index];
                    var after = text[(m.Index + m.Length)..end];
                    var numbers = ExpandList(m.Groups["list"].Value);
                    if (RetrospectiveCitation().IsMatch(before))
                    {
                        also.AddRange(numbers);
                    }
                    else if (AnsweringLead().IsMatch(before)
                             || (AsLead().IsMatch(before) && AsTail().IsMatch(after))
                             || StatusTail().IsMatch(after)
                             || (before.TrimEnd().EndsWith('(') && after.TrimStart().StartsWith(')')))
                    {
                        inline.AddRange(numbers);
                    }
                }

                if (inline.Count > 0 && Cited(inline, line) is { Count: > 0 } i)
                {
                    cuts.Add(new Cut(start, 0, i, MatchSource.Prose, 0.8));
                }
                else if (also.Count > 0 && Cited(also, line) is { Count: > 0 } a)
                {
                    cuts.Add(new Cut(start, 0, a, MatchSource.Prose, 0.75, CutKind.Also));
                }
            }

            return cuts;
        }

        private List<int> Cited(string list, int line) => Cited(ExpandList(list), line);

        // The numbers the inspection has; the others are noted, and remembered in case the document answers another inspection.
        private List<int> Cited(List<int> numbers, int line)
        {
            var unknown = numbers.Where(n => !valid.Contains(n)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                unknownNumbers.UnionWith(unknown);
                notes.Add($"Line {line}: recommendation {Numbers(unknown)} is not one of the inspection's recommendations and was ignored.");
            }

            return numbers.Where(valid.Contains).Distinct().ToList();
        }

        private void VisitPiece(BlockKind kind, string piece, int line, bool ownWords)
        {
            var quotes = matcher.Find(piece, current?.Numbers ?? (IReadOnlyCollection<int>)[]);
            var whole = quotes.Where(q => !q.Fragment).ToList();
            if (quotes.Count == 0)
            {
                if (mode == Mode.Answers && TryFragment(kind, piece, line, ownWords))
                {
                    return;
                }

                NoteCollective(piece);
                if (ownWords)
                {
                    Append(kind, piece);
                }

                return;
            }

            if (whole.Count > 0)
            {
                quotesRecommendation = true;
                var quoted = whole.Select(q => q.Recommendation).ToHashSet();
                var coverage = Math.Round(Math.Min(0.95, whole.Min(q => q.Coverage)), 2);
                if (current is { HasQuote: false, Parts.Count: 0 } && (current.FromNumber || current.FromFragment))
                {
                    // "Recommendation 3:" (or a heading paraphrasing one) followed by a recommendation's words: the words decide.
                    if (!current.Numbers.Overlaps(quoted))
                    {
                        if (current.FromNumber)
                        {
                            notes.Add(
                                $"Line {line}: the document's recommendation {string.Join(" and ", current.Numbers)} quotes the wording of " +
                                $"recommendation {string.Join(" and ", quoted.Order())}; it was matched by its wording.");
                            current.Confidence = 0.7;
                        }
                        else
                        {
                            current.Confidence = coverage;
                        }

                        current.Numbers.Clear();
                        current.Source = MatchSource.Quote;
                    }
                    else if (current.FromFragment)
                    {
                        current.Confidence = Math.Max(current.Confidence, coverage);
                    }

                    current.Numbers.UnionWith(quoted);
                }
                else
                {
                    Close();
                    current = new Draft(quoted, false, mode == Mode.ReportSummary, section, line)
                    {
                        Source = MatchSource.Quote,
                        Confidence = coverage,
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

        /// <summary>
        /// A piece of a recommendation's wording, quoted or paraphrased: in a table's recommendation column, after a label
        /// ("Recommendation: update NCHI policies …", "The report recommends that …"), or in quotation marks in the first
        /// sentence of a paragraph (anywhere in it when no answer is open). Matched by <see cref="FragmentMatcher"/>.
        /// </summary>
        private bool TryFragment(BlockKind kind, string piece, int line, bool ownWords)
        {
            if (kind == BlockKind.Cell && !ownWords)
            {
                var match = fragments.Match(piece);
                NoteTie(match, piece, line);
                if (match.Best is not { } best)
                {
                    return false;
                }

                quotesRecommendation = true;
                if (current is { FromNumber: true } numbered && numbered.Line == line)
                {
                    if (!numbered.Numbers.Contains(best))
                    {
                        NoteDisagreement(numbered, best, piece, line); // the number in the same row decides
                    }

                    return true;
                }

                StartFromFragment(best, match, line);
                return true;
            }

            if (kind is not (BlockKind.Paragraph or BlockKind.Bullet) || !ownWords)
            {
                return false;
            }

            var sentences = Sentences(piece);
            if (FragmentLabel().Match(piece) is { Success: true } label)
            {
                var end = sentences.First(s => s.End > label.Length).End;
                var fragment = piece[label.Length..end];
                var match = fragments.Match(fragment);
                NoteTie(match, fragment, line);
                if (match.Best is { } best)
                {
                    quotesRecommendation = true;
                    if (current is not null && current.Numbers.Contains(best))
                    {
                        // the document restating the recommendation it is answering
                    }
                    else if (current is { FromNumber: true, Parts.Count: 0 })
                    {
                        NoteDisagreement(current, best, fragment, line);
                    }
                    else
                    {
                        StartFromFragment(best, match, line);
                    }

                    if (Words().Count(piece[end..]) >= 1)
                    {
                        Append(kind, piece[end..]);
                    }

                    return true;
                }
            }

            foreach (Match q in QuotedSpan().Matches(piece))
            {
                var inner = q.Groups["q"].Value;
                var start = sentences.First(s => s.End > q.Index).Start;
                var end = sentences.First(s => s.End >= q.Index + q.Length).End;
                var sentence = piece[start..end];
                var outside = Words().Count(sentence.Remove(q.Index - start, q.Length));

                // Only a quote that opens its sentence ('"…" – we have …', 'On "…", the force …') or that its sentence merely
                // introduces ('The report asks that forces "…".'), in the paragraph's first sentence unless no answer is open:
                // a document named in passing ('the College published its "Hate Crime Operational Guidance"') starts nothing.
                if (WordCount(inner) < 4 || (start > 0 && current is not null) || (Words().Count(piece[start..q.Index]) > 2 && outside > 6))
                {
                    continue;
                }

                var match = fragments.Match(inner);
                NoteTie(match, inner, line);
                if (match.Best is not { } best)
                {
                    continue;
                }

                quotesRecommendation = true;
                if (current is not null && current.Numbers.Contains(best))
                {
                    return false; // the answer quoting its own recommendation
                }

                if (current is { FromNumber: true, Parts.Count: 0 })
                {
                    NoteDisagreement(current, best, inner, line);
                    return false;
                }

                if (start > 0)
                {
                    Append(kind, piece[..start]);
                }

                StartFromFragment(best, match, line);

                // 'The report asks us to "…".' is the quote and its introduction; a sentence of the document's own that opens
                // with the quote ('On "…", the force set up a panel.') is part of the answer.
                if (outside > 6)
                {
                    Append(kind, sentence);
                }

                if (Words().Count(piece[end..]) >= 1)
                {
                    Append(kind, piece[end..]);
                }

                return true;
            }

            return false;
        }

        private void StartFromFragment(int number, FragmentMatcher.Result match, int line)
        {
            Close();
            current = new Draft([number], false, mode == Mode.ReportSummary, section, line)
            {
                FromFragment = true,
                Source = MatchSource.Quote,
                Confidence = match.Confidence,
            };
        }

        private void NoteTie(FragmentMatcher.Result match, string fragment, int line)
        {
            if (match.Tied.Count > 1)
            {
                var scores = match.Tied.Select(t => t.Score.ToString("0.00", CultureInfo.InvariantCulture)).ToList();
                notes.Add(
                    $"Line {line}: '{Abbreviate(fragment)}' is about equally close to recommendations {Numbers(match.Tied.Select(t => t.Recommendation))} " +
                    $"(similarity {string.Join(", ", scores.Take(scores.Count - 1))} and {scores[^1]}; a match must lead the next by " +
                    $"{FragmentMatcher.Margin.ToString("0.0#", CultureInfo.InvariantCulture)}), so it was not matched to any of them.");
            }
        }

        private void NoteDisagreement(Draft numbered, int other, string fragment, int line) =>
            notes.Add(
                $"Line {line}: recommendation {Numbers(numbered.Numbers)} is described as '{Abbreviate(fragment)}', which reads more " +
                $"like recommendation {other}; the number was kept. Check this mapping.");

        private void StartFromNumber(IEnumerable<int> numbers, int line, string source, double? confidence = null)
        {
            Close();
            var list = numbers.ToList();
            var known = list.Where(valid.Contains).ToList();
            if (known.Count < list.Count)
            {
                unknownNumbers.UnionWith(list.Where(n => !valid.Contains(n)));
                notes.Add($"Line {line}: recommendation {string.Join(", ", list.Where(n => !valid.Contains(n)))} is not one of the inspection's recommendations and was ignored.");
            }

            current = new Draft(known, true, mode == Mode.ReportSummary, section, line)
            {
                Source = source,
                Confidence = confidence ?? (source == MatchSource.Prose ? 0.8 : 0.95),
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

        public Found Finish()
        {
            Close();
            EndComments(structural: false);
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
                var also = d.Also.Where(n => !d.Numbers.Contains(n)).ToList();
                if (also.Count > 0)
                {
                    items.Add(new ParsedResponseItem(also, text) { Source = MatchSource.Prose, Confidence = 0.75 });
                    answered.UnionWith(also);
                    notes.Add(
                        $"Line {d.Line}: the answer to recommendation {Numbers(d.Numbers)} says it also answers recommendation " +
                        $"{Numbers(also)}; it was used for both.");
                }
            }

            if (quotedSummaries.Count > 0)
            {
                notes.Add(
                    $"Recommendations quoted under '{string.Join("', '", quotedSummaries)}' were read as the document's " +
                    "summary of the report, not as answers.");
            }

            var found = commentTexts.ToDictionary(c => c.Key, c => string.Join("\n\n", c.Value));

            // A section naming several recommendations together is their answer only when the document answers none one
            // by one: otherwise such a sentence is more likely an introduction ("recommendations 9, 10 and 12 are for forces").
            if (items.Count > 0)
            {
                return new Found(items, notes, found, quotesRecommendation, unknownNumbers);
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

            return new Found(items, notes, found, quotesRecommendation, unknownNumbers);
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

        private static List<(int Index, int Length, List<int> Numbers)> Markers(string text)
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

    /// <summary>The sentences of a paragraph as (start, end) positions; "No. 12", "Rec. 9" and "e.g." do not end one.</summary>
    private static List<(int Start, int End)> Sentences(string text)
    {
        var sentences = new List<(int, int)>();
        var start = 0;
        foreach (Match m in SentenceBreak().Matches(text))
        {
            if (Abbreviation().IsMatch(text[Math.Max(start, m.Index - 12)..m.Index]))
            {
                continue;
            }

            sentences.Add((start, m.Index + m.Groups["end"].Length));
            start = m.Index + m.Length;
        }

        sentences.Add((start, text.Length));
        return sentences;
    }

    private enum HeadingKind
    {
        Other,
        Summary, // the document summarising the report: recommendations quoted here are not answers
        Answers, // where answers are given: "Recommendations and Constabulary Response", "Our response"
        Closing, // "Conclusion", "Appendix 1", "Yours sincerely": whatever follows answers nothing
    }

    private static HeadingKind Classify(string heading) =>
        ClosingHeading().IsMatch(heading) ? HeadingKind.Closing
        : SummaryHeading().IsMatch(heading) && !AnswerHeading().IsMatch(heading) ? HeadingKind.Summary
        : AnswerHeading().IsMatch(heading) ? HeadingKind.Answers
        : HeadingKind.Other;

    /// <summary>
    /// Which comment section a heading opens, if any. A heading about recommendations ("Force response to recommendations")
    /// is where answers are, not comments. The response to the chief officer's comments is recognised first, since its
    /// heading names both ("Commissioner's response to the Chief Constable's comments"); then the commissioner's own
    /// comments ("Comment by the PCC", "Police and Crime Commissioner's response", "Response from: Office of the PCC"); then
    /// the chief officer's ("Chief Constable's comments", "Response from: Hampshire and Isle of Wight Constabulary").
    /// </summary>
    private static CommentPart? ClassifyComments(string heading) =>
        RecommendationsWord().IsMatch(heading) || ClosingHeading().IsMatch(heading) || WordCount(heading) > 25 ? null
        : ResponseToChiefHeading().IsMatch(heading) ? CommentPart.ResponseToChiefOfficer
        : BodyOwner().IsMatch(heading) && CommentWord().IsMatch(heading) ? CommentPart.Body
        : ChiefHeading().IsMatch(heading) || ChiefFromHeading().IsMatch(heading) ? CommentPart.ChiefOfficer
        : null;

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static List<int> ExpandList(string list)
    {
        var numbers = new List<int>();
        foreach (Match m in ListItem().Matches(list.Replace("R", "", StringComparison.Ordinal)))
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

    // A number in a list of recommendation numbers, not followed by what makes it a date, a count or a decimal:
    // "recommendation 12, 31 March" is 12; "recommendations 4 and 43 forces" is 4.
    private const string NotANumber =
        @"(?!\d)(?!\.\d|\s*(?:%|per\s*cent\b|(?:st|nd|rd|th)\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|(?:forces?|officers?|staff|months?|weeks?|days?|years?|pages?|hours?|people|per)\b))";

    private const string NumberListPattern =
        @"R?\d{1,3}" + NotANumber + @"(?:\s*(?:,\s*(?:and\s+|&\s*)?|&|\band\b|\bor\b|\bto\b|-|\u2013|\u2014)\s*R?\d{1,3}" + NotANumber + ")*";

    [GeneratedRegex(@"(?<![\w])(?<label>Recommendations?|RECOMMENDATIONS?|recommendations?|Recs?\.?|REC)\s*(?:No\.?\s*|number\s+)?(?<list>\d{1,3}(?:\s*(?:,|&|and|to|-|\u2013)\s*\d{1,3}(?!\d))*)(?![\d\w])")]
    private static partial Regex Marker();

    // A recommendation cited anywhere in a sentence: "recommendation 12", "recommendations 16 to 18", "Recs 16-18", "R9".
    [GeneratedRegex(@"(?<![\w-])(?<label>[Rr]ecommendations?|RECOMMENDATIONS?|[Rr]ecs?\.?|RECS?|R(?=\d))\s*(?:[Nn]os?\.?\s*|[Nn]umbers?\s+)?(?<list>" + NumberListPattern + @")(?![\w])")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^\s*(?:[:.\-\u2013\u2014)]|\(|$)\s*")]
    private static partial Regex Separator();

    // "In response to recommendation 10 and 22, …", "In relation to recommendations 16 to 18: …", "Regarding Recs 16-18, …",
    // at the start of a paragraph or (matched from a sentence's start) of any sentence.
    [GeneratedRegex(@"\G\s*(?:In\s+(?:response|relation|reply|regard|answer)\s+to|With\s+(?:regard|respect|reference)\s+to|Regarding|Turning\s+to|As\s+(?:for|to)|On|For)\s+(?:the\s+|our\s+)?(?:HMICFRS\s+|report'?s\s+)?(?:recommendations?|recs?\.?)\s*(?:no\.?\s*|numbers?\s+)?(?<list>" + NumberListPattern + @")(?![\d\w])\s*(?:[,:;.\-\u2013\u2014]\s*)?", RegexOptions.IgnoreCase)]
    private static partial Regex ProseCitation();

    // "R9 – …", "R16-R18: …", "R10 and R22. …": a short tag opening a paragraph, followed by a separator.
    [GeneratedRegex(@"^\s*(?<list>R\d{1,2}(?:\s*(?:,|&|and|to|-|\u2013)\s*R?\d{1,2}(?!\d))*)(?![\d\w])\s*[:.\-\u2013\u2014)]\s+")]
    private static partial Regex ShortTag();

    // What comes before a citation that the sentence answers: "in response to", "to meet", "in line with", "we have
    // implemented", "as set out in", an opening bracket.
    [GeneratedRegex(@"(?:\b(?:in\s+(?:response|reply|answer|relation|regard)\s+to|with\s+(?:regard|respect|reference)\s+to|regarding|concerning|(?:to|in\s+order\s+to)\s+(?:meet|address|answer|deliver|implement|satisfy|fulfil|fulfill|comply\s+with|achieve|respond\s+to|progress)|(?:in\s+)?(?:line|accordance|compliance)\s+with|(?:progress|work|actions?|updates?|steps)\s+(?:on|against|towards|for)|(?:have|has|had|will|we|I)\s+(?:\w+\s+)?(?:implemented|addressed|answered|met|actioned|delivered|completed|accepted|agreed|fulfilled|discharged|responded\s+to|acted\s+on|taken\s+forward|progressed|closed|implement|address|deliver|meet|accept|progress)|as\s+(?:set\s+out|required|requested|asked|recommended|described|sought|called\s+for)\s+(?:in|by|under))\s+(?:the\s+|both\s+|all\s+|HMICFRS'?s?\s+|report'?s\s+|this\s+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnsweringLead();

    // "as recommendation 12 asks": "as" before, a verb of asking after.
    [GeneratedRegex(@"\bas\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AsLead();

    [GeneratedRegex(@"^\s*(?:asks?|asked|requires?|required|requests?|requested|recommends?|recommended|sets?\s+out|calls?\s+for|seeks?|expects?|proposes?|directs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsTail();

    // "Recommendation 12 has been implemented", "recommendations 16 to 18 are now complete", "is on track".
    [GeneratedRegex(@"^\s*\)?\s*(?:has|have|had|is|are|was|were)\s+(?:(?:now|also|already|fully|been|being|largely|partly|partially)\s+)*(?:implemented|complete|completed|met|addressed|actioned|achieved|delivered|discharged|closed|fulfilled|accepted|agreed|progressed|in\s+progress|on\s+track|underway|under\s+way)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatusTail();

    // "This also answers", "which in turn addresses", "The same training meets": the answer just given covers the citation too.
    [GeneratedRegex(@"\b(?:this|these|that|which|it|they|the\s+(?:same\s+)?(?:work|actions?|steps?|approach|plan|changes?|policy|process|measures?|training|review))\s+(?:\w+\s+){0,2}?(?:answers?|address(?:es)?|covers?|meets?|responds?\s+to|satisf(?:y|ies)|fulfils?|fulfills?|discharges?|goes\s+towards|go\s+towards|contributes?\s+to|delivers?(?:\s+on)?|implements?)\s+(?:the\s+|both\s+|all\s+|HMICFRS'?s?\s+|report'?s\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RetrospectiveCitation();

    // Words that make "… in recommendation 4" a reference in a sentence rather than a heading.
    [GeneratedRegex(@"\b(?:in|of|see|with|under|to|and|from|by|per|at|on|that|this|for|as)$", RegexOptions.IgnoreCase)]
    private static partial Regex ProseLead();

    [GeneratedRegex(@"\b[Rr]ecommendations\s+(?:numbers?\s+)?(?<list>\d{1,3}(?:\s*(?:,|&|and|to|-|\u2013)\s*\d{1,3})+)")]
    private static partial Regex NumberList();

    [GeneratedRegex(@"(?<a>\d{1,3})(?:\s*(?:to|-|\u2013|\u2014)\s*(?<b>\d{1,3}))?")]
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

    // "Commissioner's comments: …" opening a paragraph: a label that may name a comment section.
    [GeneratedRegex(@"^(?<label>(?:[\w'\u2019]+\s+){0,6}(?:comments?|response|statement|observations))\s*:\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex CommentLabel();

    // "Recommendation: update NCHI policies …", "HMICFRS recommendation –", "The report recommends that …": a piece of a
    // recommendation's wording follows.
    [GeneratedRegex(@"^\s*(?:(?:(?:the\s+)?(?:HMICFRS|HMI|inspectorate'?s?|report'?s?)\s+)?recommendation\s*[:\-\u2013\u2014]\s*|(?:the\s+)?(?:HMICFRS|HMI|inspectorate|report|inspection)\s+(?:recommends|recommended|asks|asked|calls\s+for|called\s+for)\s+(?:that\s+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex FragmentLabel();

    // Text in quotation marks: “…”, "…", ‘…’ or '…' (an apostrophe inside a word does not open or close one).
    [GeneratedRegex(@"(?:\u201C(?<q>[^\u201D]{8,400})\u201D|""(?<q>[^""]{8,400})""|(?<![\w])[\u2018'](?<q>[^\u2019']{8,400})[\u2019'](?![\w]))")]
    private static partial Regex QuotedSpan();

    [GeneratedRegex(@"(?<end>[.!?][""'\u201D\u2019)\]]*)\s+(?=[""'\u201C\u2018(\[]?[A-Z0-9])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"(?:^|[\s(])(?:No|Nos|Rec|Recs|Para|Paras|e\.g|i\.e|Ch|Supt|Insp|Dr|Mr|Mrs|Ms|St|Sgt|Det|cf|approx|Dept)$", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"\b(?:summary|overview|key\s+(?:findings|observations|points|issues)|findings|background|terms\s+of\s+reference|inspection\s+details|about\s+the\s+(?:report|inspection))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryHeading();

    [GeneratedRegex(@"\b(?:responses?|comments?|recommendations?|actions?|action\s+plan|progress|updates?|next\s+steps)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerHeading();

    // Headings that start a new part of the document even in the middle of an answer.
    [GeneratedRegex(@"\b(?:recommendations?|responses?|comments?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"\brecommendations?\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationsWord();

    [GeneratedRegex(@"\b(?:response|reply|responding)\b.{0,60}?\bto\s+(?:the\s+)?(?:chief\s+(?:constable|officer)|force|constabulary)(?:'s|\u2019s|s'|s)?\s+(?:comments?|response|observations|views?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResponseToChiefHeading();

    [GeneratedRegex(@"\b(?:O?PF?CC(?:'s|\u2019s|s)?|commissioner(?:'s|\u2019s|s)?|mayor(?:'s|\u2019s)?|MOPAC|local\s+policing\s+body)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BodyOwner();

    [GeneratedRegex(@"\b(?:comments?|commentary|response|statement|observations|views?|foreword|remarks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CommentWord();

    [GeneratedRegex(@"\b(?:chief\s+(?:constable|officer)|force|constabulary)(?:'s|\u2019s|s'|s)?\s+(?:comments?|commentary|response|observations|statement|views?|remarks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChiefHeading();

    [GeneratedRegex(@"\b(?:comments?|response|statement)\s+(?:of|by|from)\s*:?\s*(?:the\s+)?(?:[\w'&,\- ]{0,80}?\s)?(?:chief\s+(?:constable|officer)|constabulary|police\s+service|police|force)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ChiefFromHeading();

    [GeneratedRegex(@"^(?:conclusions?|closing\s+remarks|appendix|appendices|annex|yours\s+(?:sincerely|faithfully)|kind\s+regards|signed|for\s+office\s+use)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingHeading();

    [GeneratedRegex(@"^(?:conclusions?|closing\s+remarks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Conclusion();

    [GeneratedRegex(@"^(?:yours\s+(?:sincerely|faithfully)|kind\s+regards|signed[:,]?\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex Closing();

    // The description of a signature image left by a PDF or Word conversion: "A handwritten signature in cursive script, …"
    [GeneratedRegex(@"^(?:an?\s+)?(?:handwritten\s+|scanned\s+|electronic\s+|digital\s+)?signature\b", RegexOptions.IgnoreCase)]
    private static partial Regex Signature();
}

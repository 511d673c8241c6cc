using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Evenhand.Importing;

/// <summary>
/// The text layer of a PDF, rebuilt into paragraphs. A PDF holds positioned words, not paragraphs: words on one baseline make
/// a line; a wide gap between words on a line is a table column (written as a tab); a line is joined to the one before it
/// when it is a wrap — when its first word would not have fitted at the end of the line before — and starts a new line
/// otherwise; a vertical gap well above the usual line spacing is a blank line (a new paragraph).
/// </summary>
internal static partial class PdfText
{
    // A gap between two words wider than this many times the font size is a column boundary, not a space.
    private const double ColumnGapInFontSizes = 1.0;

    // Running heads and feet are looked for among this many lines at the top and at the bottom of each page.
    private const int EdgeLines = 2;

    // Fewer pages than this per processor are read on one thread: starting more costs more than it saves.
    private const int MinPagesPerWorker = 16;

    // A vertical gap more than this many times the page's usual line spacing separates paragraphs.
    private const double ParagraphGapInLines = 1.6;

    private sealed record Line(double Left, double Right, double Baseline, double FontSize, double FirstWordWidth, string Text, double PageWidth);

    public static string Extract(byte[] bytes, string fileName)
    {
        if (!EndsLikeAPdf(bytes))
        {
            throw new ImportException(
                $"'{fileName}' is an incomplete PDF: it stops before the end that every PDF has (the %%EOF marker), so it was probably " +
                "cut short while downloading or copying. Download or export it again and upload the whole file.");
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw PasswordProtected(fileName);
        }
        catch (Exception e) when (e is not (ImportException or OutOfMemoryException or OperationCanceledException))
        {
            throw Damaged(fileName);
        }

        using (document)
        {
            var lines = new List<(Line Line, bool NewPage)>();
            try
            {
                foreach (var page in WithoutRunningHeadsAndFeet(ReadPages(document, bytes)))
                {
                    lines.AddRange(page.Select((line, i) => (line, i == 0)));
                }
            }
            catch (PdfDocumentEncryptedException)
            {
                throw PasswordProtected(fileName);
            }
            catch (Exception e) when (e is not (ImportException or OutOfMemoryException or OperationCanceledException))
            {
                throw Damaged(fileName);
            }

            if (lines.Count == 0 || lines.All(l => string.IsNullOrWhiteSpace(l.Line.Text)))
            {
                throw new ImportException(
                    $"'{fileName}' is a PDF with no text layer: its {Pages(document.NumberOfPages)} only pictures of text, as a scanned document does. " +
                    "Evenhand reads the text in a PDF and does not recognise text in images (no OCR). Ask for the PDF the document was " +
                    "published as, or for a Word or web version, and upload that.");
            }

            return Join(lines);
        }
    }

    /// <summary>
    /// The pages without their running heads and feet. Left in, they would land in the middle of a paragraph that runs over
    /// a page, and so in an answer's text. A line among the first or last <see cref="EdgeLines"/> of a page is one when the
    /// same line, its numbers aside, is at the edge of at least half the pages and each of its numbers is either the same on
    /// every page ("September 2024 | © HMICFRS 2024") or moves with the page ("Page 3 of 12", "17"). A line whose only
    /// changing number moves with the page is taken for a page number only when it says "page", is nothing but numbers, or
    /// also holds a number that stays the same: "Recommendation 12", "Recommendation 13" heading consecutive pages
    /// also moves with the page, and must stay.
    /// </summary>
    private static List<Line>[] WithoutRunningHeadsAndFeet(List<Line>[] pages)
    {
        if (pages.Length < 2)
        {
            return pages;
        }

        static bool AtEdge(List<Line> page, int i) => i < EdgeLines || i >= page.Count - EdgeLines;
        var seen = new Dictionary<string, List<(int Page, long[] Numbers)>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Length; p++)
        {
            for (var i = 0; i < pages[p].Count; i++)
            {
                if (!AtEdge(pages[p], i))
                {
                    continue;
                }

                var (shape, numbers) = Shape(pages[p][i].Text);
                var list = seen.TryGetValue(shape, out var l) ? l : seen[shape] = [];
                if (list.Count == 0 || list[^1].Page != p)
                {
                    list.Add((p, numbers));
                }
            }
        }

        var needed = Math.Max(2, (pages.Length + 1) / 2);
        var running = seen.Where(s => s.Value.Count >= needed && IsRunning(s.Key, s.Value)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return running.Count == 0
            ? pages
            : pages.Select(page => page.Where((line, i) => !(AtEdge(page, i) && running.Contains(Shape(line.Text).Shape))).ToList()).ToArray();
    }

    /// <summary>A line with each number replaced by '#', and the numbers.</summary>
    private static (string Shape, long[] Numbers) Shape(string text)
    {
        var numbers = new List<long>();
        var shape = Digits().Replace(text.Trim(), m =>
        {
            numbers.Add(m.Length <= 12 ? long.Parse(m.ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : -1);
            return "#";
        });
        return (shape, numbers.ToArray());
    }

    /// <summary>Each number the same on every page, or the same distance from the page's index; see <see cref="WithoutRunningHeadsAndFeet"/>.</summary>
    private static bool IsRunning(string shape, List<(int Page, long[] Numbers)> occurrences)
    {
        var constant = 0;
        var paged = 0;
        for (var j = 0; j < occurrences[0].Numbers.Length; j++)
        {
            if (occurrences.All(o => o.Numbers[j] == occurrences[0].Numbers[j]))
            {
                constant++;
            }
            else if (occurrences.All(o => o.Numbers[j] - o.Page == occurrences[0].Numbers[j] - occurrences[0].Page))
            {
                paged++;
            }
            else
            {
                return false;
            }
        }

        return paged == 0
            || constant > 0
            || shape.Contains("page", StringComparison.OrdinalIgnoreCase)
            || shape.All(c => c == '#' || char.IsWhiteSpace(c) || char.IsPunctuation(c));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+")]
    private static partial System.Text.RegularExpressions.Regex Digits();

    /// <summary>
    /// The lines of every page, in page order. Reading a page's text layer (PdfPig decoding its content stream into letters,
    /// then words) is almost all of the time an import of a long PDF takes, and pages are independent, so a long document is
    /// read in as many page ranges as there are processors, each through its own <see cref="PdfDocument"/> (one is not safe
    /// to share between threads). The parse benchmark measures it.
    /// </summary>
    private static List<Line>[] ReadPages(PdfDocument document, byte[] bytes)
    {
        var count = document.NumberOfPages;
        var pages = new List<Line>[count];
        var workers = Math.Clamp(count / MinPagesPerWorker, 1, Environment.ProcessorCount);
        void Read(PdfDocument doc, int from, int to)
        {
            for (var p = from; p < to; p++)
            {
                var page = doc.GetPage(p + 1);
                pages[p] = Lines(page, page.Width).ToList();
            }
        }

        if (workers == 1)
        {
            Read(document, 0, count);
            return pages;
        }

        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                var (from, to) = (count * w / workers, count * (w + 1) / workers);
                if (w == 0)
                {
                    Read(document, from, to);
                    return;
                }

                using var own = PdfDocument.Open(bytes);
                Read(own, from, to);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first page range's failure, as a single-threaded read would have met it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return pages;
    }

    private static string Pages(int n) => n == 1 ? "one page holds" : $"{n} pages hold";

    private static ImportException PasswordProtected(string fileName) => new(
        $"'{fileName}' is a password-protected PDF, so its text cannot be read. Ask for a copy without a password (or open it, " +
        "print it to a new PDF and upload that).");

    private static ImportException Damaged(string fileName) => new(
        $"'{fileName}' could not be read as a PDF: the file is damaged or is not really a PDF. Open it in a PDF reader to check it, " +
        "then export it again, or upload the Word or web version.");

    private static bool EndsLikeAPdf(byte[] bytes)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 2048));
        return tail.IndexOf("%%EOF"u8) >= 0;
    }

    private static IEnumerable<Line> Lines(Page page, double pageWidth)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.Letters.Count > 0).ToList();
        if (words.Count == 0)
        {
            yield break;
        }

        // Words whose baselines are within a third of the font size of each other are on the same line.
        var rows = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.Letters[0].StartBaseLine.Y))
        {
            var y = word.Letters[0].StartBaseLine.Y;
            var size = FontSize(word);
            var row = rows.Count > 0 && Math.Abs(rows[^1][0].Letters[0].StartBaseLine.Y - y) <= size / 3 ? rows[^1] : null;
            if (row is null)
            {
                rows.Add(row = []);
            }

            row.Add(word);
        }

        foreach (var row in rows)
        {
            row.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
            var size = row.Max(FontSize);
            var text = new StringBuilder(row[0].Text);
            for (var i = 1; i < row.Count; i++)
            {
                var gap = row[i].BoundingBox.Left - row[i - 1].BoundingBox.Right;
                text.Append(gap > size * ColumnGapInFontSizes ? '\t' : ' ').Append(row[i].Text);
            }

            yield return new Line(row[0].BoundingBox.Left, row[^1].BoundingBox.Right, row[0].Letters[0].StartBaseLine.Y, size,
                row[0].BoundingBox.Width, text.ToString(), pageWidth);
        }
    }

    private static double FontSize(Word w)
    {
        var size = w.Letters[0].PointSize;
        return size > 0 ? size : Math.Max(1, w.BoundingBox.Height);
    }

    private static string Join(List<(Line Line, bool NewPage)> lines)
    {
        // The usual spacing between lines on a page, and the right edge of the text, from the document as a whole.
        var spacings = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (!lines[i].NewPage)
            {
                spacings.Add(lines[i - 1].Line.Baseline - lines[i].Line.Baseline);
            }
        }

        spacings.Sort();
        var usual = spacings.Count > 0 ? spacings[spacings.Count / 2] : 0;
        // The right edge of the text: as far right as any line reaches, or as far from the right of the page as the text is
        // from its left (margins are usually equal), whichever is further: a short document may have no full line.
        var left = lines.Min(l => l.Line.Left);
        var rightEdge = Math.Max(lines.Max(l => l.Line.Right), lines.Max(l => l.Line.PageWidth) - left);
        var sb = new StringBuilder(lines[0].Line.Text);
        for (var i = 1; i < lines.Count; i++)
        {
            var (prev, _) = lines[i - 1];
            var (cur, newPage) = lines[i];
            var spacing = prev.Baseline - cur.Baseline;
            // Single spacing is about 1.2 times the font size; a document with few lines may have no two lines single-spaced.
            var single = usual > 0 ? Math.Min(usual, cur.FontSize * 1.25) : cur.FontSize * 1.25;
            // The first word would have fitted on the line before, so the line before ended there on purpose.
            var endedEarly = prev.Right + cur.FontSize * 0.3 + cur.FirstWordWidth <= rightEdge;
            if (!newPage && spacing > single * ParagraphGapInLines)
            {
                sb.Append("\n\n");
            }
            else if (newPage && endedEarly && !InList(prev.Text) && !InList(cur.Text) && !prev.Text.Contains('\t') && !cur.Text.Contains('\t'))
            {
                // Across a page there is no gap to measure: a page whose last line stops short ends its paragraph there (one
                // that runs on fills the line). Table rows and list items keep their single line breaks.
                sb.Append("\n\n");
            }
            else if (StartsItem(cur.Text) || endedEarly)
            {
                sb.Append('\n');
            }
            else
            {
                sb.Append(' ');
            }

            sb.Append(cur.Text);
        }

        return sb.ToString();
    }

    /// <summary>A list item's line, its marker perhaps run into the first word ("-Some officers…").</summary>
    private static bool InList(string text) => StartsItem(text) || text.StartsWith('-') || text.StartsWith('*');

    private static bool StartsItem(string text) =>
        text.StartsWith("• ", StringComparison.Ordinal) || text.StartsWith("- ", StringComparison.Ordinal) || text.StartsWith('\u2022');
}

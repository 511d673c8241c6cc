using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Evenhand.Forces;
using Evenhand.Importing;
using Evenhand.Inspections.Parsing;
using Evenhand.Responses.Parsing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Evenhand.Bench;

/// <summary>
/// Issue 10: parsing any document of up to 200 pages takes under 2 s. Builds, once per run, a 200-page inspection report (the
/// seed report followed by annex chapters of case studies and tables written from the report's own sentences) and a
/// 200-page PCC response (the seed responses' answers — headings, tables, quotations of the recommendations — followed by
/// quarterly progress updates citing recommendations in prose), each as a PDF laid out as a published report is (11 pt,
/// A4, page footers), a Word document and a web page. Then times what an upload does with each: <see cref="DocumentText"/>
/// reading the bytes, and <see cref="ReportParser"/> or <see cref="ResponseParser"/> parsing the text. Reports the median of
/// several runs after a warm-up, and exits 1 if any median reaches 2 s.
/// </summary>
public static class ParseBenchmark
{
    public const string Command = "parse";

    private const double GoalMs = 2000;

    public static Task<int> RunAsync(List<string> args)
    {
        var runs = args.IndexOf("--runs") is >= 0 and var r ? int.Parse(args[r + 1], CultureInfo.InvariantCulture) : 9;
        var pages = args.IndexOf("--pages") is >= 0 and var p ? int.Parse(args[p + 1], CultureInfo.InvariantCulture) : 200;
        var seeds = Path.Combine(RepoRoot(), "samples", "seeds");
        var reportSeed = File.ReadAllText(Path.Combine(seeds, "hmicfrs-activism-and-impartiality-2024.txt")).ReplaceLineEndings("\n");
        var seedReport = ReportParser.Parse(reportSeed);
        var forces = ForceCatalogue.All.Select(f => (f.Slug, f.Name, f.LocalPolicingBody)).ToList();

        Console.WriteLine($"Writing a {pages}-page report and a {pages}-page response as PDF, Word and HTML…");
        var sw = Stopwatch.StartNew();
        var sentences = Sentences(reportSeed);
        var report = Fit(Blocks(reportSeed).Concat(ReportAnnexes(sentences)), pages);
        var responseSeed = string.Join("\n\n", new[] { "cheshire", "hampshire-and-isle-of-wight", "west-midlands" }
            .Select(f => File.ReadAllText(Path.Combine(seeds, $"pcc-response-{f}.txt")).ReplaceLineEndings("\n")));
        var response = Fit(Blocks(responseSeed).Concat(ResponseUpdates(sentences)), pages);
        var documents = new List<(string Name, string Kind, byte[] Bytes, int Pages)>();
        foreach (var (name, blocks) in new[] { ("report", report), ("response", response) })
        {
            var (pdf, pdfPages) = Pdf(blocks);
            documents.Add(($"{name}.pdf", name, pdf, pdfPages));
            documents.Add(($"{name}.docx", name, Docx(blocks), pdfPages));
            documents.Add(($"{name}.html", name, Html(blocks), pdfPages));
        }

        if (args.IndexOf("--out") is >= 0 and var o)
        {
            Directory.CreateDirectory(args[o + 1]);
            foreach (var d in documents)
            {
                File.WriteAllBytes(Path.Combine(args[o + 1], d.Name), d.Bytes);
            }
        }

        Console.WriteLine($"…in {sw.Elapsed.TotalSeconds:F1} s. Median of {runs} runs after one warm-up; goal: under {GoalMs / 1000:F0} s for each document.");
        Console.WriteLine();
        Console.WriteLine($"{"document",-15} {"pages",5} {"size KB",8} {"read ms",8} {"parse ms",9} {"total ms",9} {"max ms",8} {"cpu ms",7}  result");
        var failed = false;
        foreach (var (name, kind, bytes, pageCount) in documents)
        {
            string result = "";
            var read = new List<double>();
            var parse = new List<double>();
            var total = new List<double>();
            var cpu = new List<double>();
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i <= runs; i++)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var t0 = Stopwatch.GetTimestamp();
                using var stream = new MemoryStream(bytes, writable: false);
                var text = DocumentText.Read(stream, name);
                var t1 = Stopwatch.GetTimestamp();
                if (kind == "report")
                {
                    var parsed = ReportParser.Parse(text, name);
                    result = $"{parsed.Recommendations.Count} recommendations, {parsed.Warnings.Count} warnings";
                }
                else
                {
                    var parsed = ResponseParser.Parse(text, seedReport.Recommendations, forces, name);
                    result = $"{parsed.Responses.Count} answers to {parsed.Responses.SelectMany(x => x.Recommendations).Distinct().Count()} recommendations";
                }

                var t2 = Stopwatch.GetTimestamp();
                process.Refresh();
                var cpuMs = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
                if (i == 0)
                {
                    continue; // warm-up: JIT and first-use caches
                }

                read.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                parse.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                total.Add(Stopwatch.GetElapsedTime(t0, t2).TotalMilliseconds);
                cpu.Add(cpuMs);
            }

            var median = Median(total);
            failed |= median >= GoalMs;
            Console.WriteLine($"{name,-15} {pageCount,5} {bytes.Length / 1024,8} {Median(read),8:F0} {Median(parse),9:F0} {median,9:F0} {total.Max(),8:F0} {Median(cpu),7:F0}  {result}{(median >= GoalMs ? "  OVER 2 s" : "")}");
        }

        return Task.FromResult(failed ? 1 : 0);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Evenhand.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (Evenhand.slnx not found).");
    }

    // ------------------------------------------------------------------ content

    /// <summary>A block of a document: a heading, a paragraph, or a table (rows of tab-separated cells).</summary>
    private sealed record Block(BlockKind Kind, IReadOnlyList<string> Lines);

    private enum BlockKind { Heading, Paragraph, Table }

    /// <summary>The blocks of a text document: blank lines separate them; lines with tabs are table rows; a short line without a full stop is a heading.</summary>
    private static IEnumerable<Block> Blocks(string text)
    {
        foreach (var raw in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = raw.Split('\n');
            var kind = lines.All(l => l.Contains('\t')) ? BlockKind.Table
                : lines.Length == 1 && lines[0].Length < 90 && !lines[0].EndsWith('.') ? BlockKind.Heading
                : BlockKind.Paragraph;
            yield return new Block(kind, lines);
        }
    }

    /// <summary>The report's sentences that neither name a recommendation nor say "should", so filler adds no recommendation.</summary>
    private static List<string> Sentences(string report) =>
        report.Split('\n')
            .Where(l => l.Length > 200 && !l.Contains('\t'))
            .SelectMany(l => l.Split(". ", StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.Trim().TrimEnd('.') + ".")
            .Where(s => s.Length > 40 && !s.Contains("ecommendation", StringComparison.OrdinalIgnoreCase) && !s.Contains("should", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();

    /// <summary>Annex chapters without end: a case study per force in turn, paragraphs of the report's sentences, a table in each.</summary>
    private static IEnumerable<Block> ReportAnnexes(List<string> sentences)
    {
        var random = new Random(20240910);
        var forces = ForceCatalogue.All;
        for (var chapter = 1; ; chapter++)
        {
            var force = forces[(chapter - 1) % forces.Count];
            yield return new Block(BlockKind.Heading, [$"Annex {chapter}: case study, {force.Name}"]);
            for (var section = 1; section <= 4; section++)
            {
                yield return new Block(BlockKind.Heading, [$"{chapter}.{section} What we found in {force.Name}"]);
                for (var para = 0; para < 5; para++)
                {
                    yield return new Block(BlockKind.Paragraph, [Paragraph(sentences, random)]);
                }
            }

            yield return new Block(BlockKind.Paragraph, [$"Table {chapter}: posts reviewed in {force.Name}, by topic"]);
            yield return new Block(BlockKind.Table,
            [
                "Topic\tPosts reviewed\tOperational\tEngagement per follower",
                .. new[] { "Climate activism", "Gender politics", "Racial politics", "Recruitment", "Appeals for witnesses" }
                    .Select(t => $"{t}\t{random.Next(50, 900)}\t{random.Next(10, 99)}%\t{random.NextDouble() * 0.05:F3}"),
            ]);
        }
    }

    /// <summary>Quarterly updates without end, each citing recommendations in prose as PCC offices do.</summary>
    private static IEnumerable<Block> ResponseUpdates(List<string> sentences)
    {
        var random = new Random(20241104);
        int[] forForces = [9, 10, 12, 13, 16, 17, 18, 20, 22];
        for (var quarter = 1; ; quarter++)
        {
            yield return new Block(BlockKind.Heading, [$"Progress update {quarter}"]);
            foreach (var n in forForces)
            {
                yield return new Block(BlockKind.Paragraph, [$"In relation to recommendation {n}, the force reports the following progress this quarter. {Paragraph(sentences, random)}"]);
                yield return new Block(BlockKind.Paragraph, [Paragraph(sentences, random)]);
            }
        }
    }

    private static string Paragraph(List<string> sentences, Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(3, 7)).Select(_ => sentences[random.Next(sentences.Count)]));

    /// <summary>The blocks that fill <paramref name="pages"/> pages of the PDF layout.</summary>
    private static List<Block> Fit(IEnumerable<Block> blocks, int pages)
    {
        var taken = new List<Block>();
        using var layout = new PdfLayout(measureOnly: true);
        foreach (var block in blocks)
        {
            layout.Write(block);
            if (layout.Pages > pages)
            {
                break;
            }

            taken.Add(block);
        }

        return taken;
    }

    // ------------------------------------------------------------------ formats

    private static (byte[] Bytes, int Pages) Pdf(List<Block> blocks)
    {
        using var layout = new PdfLayout(measureOnly: false);
        foreach (var block in blocks)
        {
            layout.Write(block);
        }

        return (layout.Build(), layout.Pages);
    }

    /// <summary>
    /// A4 in 11 pt Helvetica with 14 pt leading and 2 cm margins, headings in 14 pt bold, table cells in columns 130 pt
    /// wide, and a footer on every page ("September 2024 | © HMICFRS 2024" and the page number), as a published report has.
    /// Lines are wrapped at the margin as a word processor wraps them.
    /// </summary>
    private sealed class PdfLayout : IDisposable
    {
        private const double Width = 595, Height = 842, Margin = 57, Size = 11, HeadingSize = 14, Leading = 14, Column = 130;
        private readonly PdfDocumentBuilder builder = new();
        private readonly PdfDocumentBuilder.AddedFont font;
        private readonly PdfDocumentBuilder.AddedFont bold;
        private readonly bool measureOnly;
        private readonly Dictionary<(string, double, bool), double> widths = [];
        private PdfPageBuilder page;
        private double y;

        public PdfLayout(bool measureOnly)
        {
            this.measureOnly = measureOnly;
            font = builder.AddStandard14Font(Standard14Font.Helvetica);
            bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
            page = NewPage();
        }

        public int Pages { get; private set; }

        public byte[] Build() => builder.Build();

        public void Dispose() => builder.Dispose();

        public void Write(Block block)
        {
            if (y < Height - Margin)
            {
                Down(Leading * 0.8); // the space between blocks
            }

            switch (block.Kind)
            {
                case BlockKind.Heading:
                    if (y - (3 * Leading) < Margin + 20)
                    {
                        page = NewPage(); // keep a heading with the text after it
                    }

                    foreach (var line in block.Lines)
                    {
                        Words(line, HeadingSize, isBold: true, Margin, Width - Margin);
                    }

                    break;
                case BlockKind.Table:
                    foreach (var row in block.Lines)
                    {
                        var cells = row.Split('\t');
                        for (var c = 0; c < cells.Length; c++)
                        {
                            var left = Margin + (c * Column);
                            Words(cells[c], Size - 1, isBold: false, left, left + Column - 10, newLine: false);
                        }

                        Down(Leading);
                    }

                    break;
                default:
                    foreach (var line in block.Lines)
                    {
                        Words(line, Size, isBold: false, Margin, Width - Margin);
                    }

                    break;
            }
        }

        /// <summary>Writes text wrapped between <paramref name="left"/> and <paramref name="right"/>, each line as one run with its spaces, as word processors export it.</summary>
        private void Words(string text, double size, bool isBold, double left, double right, bool newLine = true)
        {
            var f = isBold ? bold : font;
            var space = Measure(" ", size, isBold);
            var line = new List<string>();
            var x = left;
            void Flush()
            {
                if (!measureOnly && line.Count > 0)
                {
                    page.AddText(string.Join(' ', line), size, new PdfPoint(left, y), f);
                }

                line.Clear();
            }

            foreach (var word in Safe(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Measure(word, size, isBold);
                if (x > left && x + w > right)
                {
                    Flush();
                    Down(size > Size ? size + 4 : Leading);
                    x = left;
                }

                line.Add(word);
                x += w + space;
            }

            Flush();
            if (newLine)
            {
                Down(size > Size ? size + 4 : Leading);
            }
        }

        private double Measure(string word, double size, bool isBold)
        {
            if (!widths.TryGetValue((word, size, isBold), out var w))
            {
                var letters = page.MeasureText(word == " " ? "a a" : word, size, new PdfPoint(0, 0), isBold ? bold : font);
                w = letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
                if (word == " ")
                {
                    w -= 2 * Measure("a", size, isBold);
                }

                widths[(word, size, isBold)] = w;
            }

            return w;
        }

        private void Down(double by)
        {
            y -= by;
            if (y < Margin + 20)
            {
                page = NewPage();
            }
        }

        private PdfPageBuilder NewPage()
        {
            Pages++;
            // Measuring needs one page to measure on; the real layout needs one per page.
            var next = measureOnly && Pages > 1 ? page : builder.AddPage(Width, Height);
            if (!measureOnly)
            {
                next.AddText("September 2024 | \u00a9 HMICFRS 2024", 8, new PdfPoint(Margin, Margin - 20), font);
                next.AddText(Pages.ToString(CultureInfo.InvariantCulture), 8, new PdfPoint(Width - Margin - 10, Margin - 20), font);
            }

            y = Height - Margin;
            return next;
        }

        // Helvetica in a PDF's standard encoding has no glyphs for these; a real exporter would embed a font.
        private static string Safe(string text) => new(text.Select(c => c switch
        {
            '\u2018' or '\u2019' => '\'',
            '\u201c' or '\u201d' => '"',
            '\u2013' or '\u2014' => '-',
            '\u2022' => '*',
            _ when c > '\u00ff' => '?',
            _ => c,
        }).ToArray());
    }

    /// <summary>A Word document: headings in Word's Heading 1 style, paragraphs, tables as Word tables.</summary>
    private static byte[] Docx(List<Block> blocks)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            foreach (var block in blocks)
            {
                if (block.Kind == BlockKind.Table)
                {
                    var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
                    foreach (var row in block.Lines)
                    {
                        table.Append(new TableRow(row.Split('\t').Select(c => new TableCell(new Paragraph(new Run(new Text(c) { Space = SpaceProcessingModeValues.Preserve }))))));
                    }

                    body.Append(table);
                    continue;
                }

                foreach (var line in block.Lines)
                {
                    var paragraph = new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve }));
                    if (block.Kind == BlockKind.Heading)
                    {
                        paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }));
                    }

                    body.Append(paragraph);
                }
            }

            main.Document.Save();
        }

        return ms.ToArray();
    }

    /// <summary>A web page as a browser saves it: header, navigation and footer around a &lt;main&gt; of headings, paragraphs and tables.</summary>
    private static byte[] Html(List<Block> blocks)
    {
        var sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Document</title></head><body>")
            .Append("<header><a href=\"/\">Home</a></header><nav><ul><li><a href=\"/a\">About</a></li><li><a href=\"/c\">Contact</a></li></ul></nav>\n<main>\n");
        foreach (var block in blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    sb.Append("<h2>").Append(WebUtility.HtmlEncode(string.Join(' ', block.Lines))).Append("</h2>\n");
                    break;
                case BlockKind.Table:
                    sb.Append("<table>\n");
                    foreach (var row in block.Lines)
                    {
                        sb.Append("<tr>").Append(string.Concat(row.Split('\t').Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>"))).Append("</tr>\n");
                    }

                    sb.Append("</table>\n");
                    break;
                default:
                    sb.Append("<p>").Append(string.Join("<br>\n", block.Lines.Select(WebUtility.HtmlEncode))).Append("</p>\n");
                    break;
            }
        }

        sb.Append("</main><footer><p>\u00a9 2024</p></footer></body></html>\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}

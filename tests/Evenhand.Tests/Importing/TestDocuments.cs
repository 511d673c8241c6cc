using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Evenhand.Tests.Importing;

/// <summary>
/// Writes a plain-text document as a PDF, a Word document and a web page saved from a browser, laid out the way those
/// formats hold text, so a test can check that each reads back to the same parse. Blank lines separate blocks; within a
/// block, lines with tabs are table rows and other lines are lines of one paragraph. Also writes the bad files the import
/// must refuse. Nothing is written to disk.
/// </summary>
public static class TestDocuments
{
    /// <summary>The bad files every import path must refuse: (file name, kind for <see cref="Bad"/>, the words the refusal says).</summary>
    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "scan.pdf", "scanned", "is a PDF with no text layer" },
        { "locked.pdf", "password", "is a password-protected PDF" },
        { "cut.pdf", "truncated", "is an incomplete PDF" },
        { "response.docx", "zip", "is not a Word document" },
    };

    /// <summary>The bytes of one of <see cref="BadFiles"/>.</summary>
    public static byte[] Bad(string kind) => kind switch
    {
        "scanned" => ScannedPdf(),
        "password" => PasswordProtectedPdf(),
        "truncated" => TruncatedPdf(File.ReadAllText(Path.Combine(Evenhand.Tests.Infrastructure.TestPaths.SeedsFolder, "pcc-response-cheshire.txt"))),
        _ => Zip(("data.csv", "a,b\n1,2\n")),
    };

    private sealed record Block(bool IsTable, IReadOnlyList<string> Lines);

    private static List<Block> Blocks(string text)
    {
        var blocks = new List<Block>();
        var current = new List<string>();
        bool? table = null;
        void Flush()
        {
            if (current.Count > 0)
            {
                blocks.Add(new Block(table == true, current));
            }

            current = [];
            table = null;
        }

        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            var isRow = line.Contains('\t');
            if (table is { } t && t != isRow)
            {
                Flush();
            }

            table = isRow;
            current.Add(line);
        }

        Flush();
        return blocks;
    }

    // ---------------------------------------------------------------- HTML

    /// <summary>A page as a browser saves it: site header, navigation, scripts and footer around a &lt;main&gt;.</summary>
    public static byte[] Html(string text, string title = "Response")
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
          .Append("<style>body { font-family: sans-serif } .r::before { content: 'Recommendation 7' }</style>")
          .Append("<script>var recommendation = 'Recommendation 3 By 31 March 2025, forces should';</script></head>\n<body>")
          .Append("<a class=\"govuk-skip-link\" href=\"#main\">Skip to main content</a>")
          .Append("<header><a href=\"/\">Office of the Police and Crime Commissioner</a></header>")
          .Append("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/r\">Recommendation 14 news</a></li><li><a href=\"/c\">Contact us</a></li></ul></nav>\n")
          .Append("<main id=\"main\">\n");
        foreach (var block in Blocks(text))
        {
            if (block.IsTable)
            {
                sb.Append("<table>\n");
                foreach (var row in block.Lines)
                {
                    sb.Append("<tr>").Append(string.Concat(row.Split('\t').Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>"))).Append("</tr>\n");
                }

                sb.Append("</table>\n");
            }
            else
            {
                sb.Append("<p>").Append(string.Join("<br>\n", block.Lines.Select(WebUtility.HtmlEncode))).Append("</p>\n");
            }
        }

        sb.Append("</main>\n<footer><p>© Office of the PCC. Recommendation 5 of our privacy notice.</p></footer></body></html>\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    // ---------------------------------------------------------------- DOCX

    /// <summary>A Word document: one paragraph per block (its lines separated by line breaks), tables as Word tables.</summary>
    public static byte[] Docx(string text) => Docx(body =>
    {
        foreach (var block in Blocks(text))
        {
            if (block.IsTable)
            {
                var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
                foreach (var row in block.Lines)
                {
                    table.Append(new TableRow(row.Split('\t').Select(c => new TableCell(new Paragraph(new Run(new Text(c) { Space = SpaceProcessingModeValues.Preserve }))))));
                }

                body.Append(table);
            }
            else
            {
                var run = new Run();
                for (var i = 0; i < block.Lines.Count; i++)
                {
                    if (i > 0)
                    {
                        run.Append(new Break());
                    }

                    run.Append(new Text(block.Lines[i]) { Space = SpaceProcessingModeValues.Preserve });
                }

                body.Append(new Paragraph(run));
            }
        }
    });

    public static byte[] Docx(Action<Body> write, Action<MainDocumentPart>? parts = null)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            parts?.Invoke(main);
            write(body);
            main.Document.Save();
        }

        return ms.ToArray();
    }

    /// <summary>A zip named like a Word document that holds something else.</summary>
    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(content);
            }
        }

        return ms.ToArray();
    }

    // ---------------------------------------------------------------- PDF

    private const double PageWidth = 595, PageHeight = 842, Margin = 40, FontSize = 9, Leading = 11, CellGap = 24;

    /// <summary>
    /// An A4 PDF in 9 pt Helvetica: each line wrapped at the right margin as a word processor wraps it, table cells 24 pt
    /// apart, a blank line between blocks. Characters Helvetica cannot show are written as "?".
    /// </summary>
    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        PdfPageBuilder page = builder.AddPage(PageWidth, PageHeight);
        var y = PageHeight - Margin;
        var widths = new Dictionary<string, double>();
        double Width(string word)
        {
            if (!widths.TryGetValue(word, out var w))
            {
                var letters = page.MeasureText(word, FontSize, new PdfPoint(0, 0), font);
                w = letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
                widths[word] = w;
            }

            return w;
        }

        void NextLine()
        {
            y -= Leading;
            if (y < Margin)
            {
                page = builder.AddPage(PageWidth, PageHeight);
                y = PageHeight - Margin;
            }
        }

        var space = Width("a a") - 2 * Width("a");
        var first = true;
        foreach (var block in Blocks(text))
        {
            if (!first)
            {
                NextLine(); // the blank line between blocks
            }

            first = false;
            foreach (var line in block.Lines)
            {
                var x = Margin;
                var atStart = true;
                var cells = Safe(line).Split('\t');
                for (var c = 0; c < cells.Length; c++)
                {
                    if (c > 0)
                    {
                        x += CellGap;
                    }

                    var firstInCell = true;
                    foreach (var word in cells[c].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var w = Width(word);
                        var gap = atStart || firstInCell ? 0 : space;
                        firstInCell = false;
                        if (!atStart && x + gap + w > PageWidth - Margin)
                        {
                            NextLine();
                            x = Margin;
                            gap = 0;
                        }

                        page.AddText(word, FontSize, new PdfPoint(x + gap, y), font);
                        x += gap + w;
                        atStart = false;
                    }
                }

                NextLine();
            }
        }

        return builder.Build();
    }

    private static string Safe(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var ch in line)
        {
            sb.Append(ch is '☐' ? '?' : ch);
        }

        return sb.ToString();
    }

    /// <summary>A PDF whose pages hold only drawings, as a scan holds only pictures: no text layer.</summary>
    public static byte[] ScannedPdf()
    {
        var builder = new PdfDocumentBuilder();
        for (var p = 0; p < 2; p++)
        {
            var page = builder.AddPage(PageWidth, PageHeight);
            for (var i = 0; i < 40; i++)
            {
                page.DrawRectangle(new PdfPoint(Margin, PageHeight - Margin - i * 18), 300 + i % 7 * 20, 8, 1, fill: true);
            }
        }

        return builder.Build();
    }

    /// <summary>A PDF cut off part way, as an interrupted download leaves it.</summary>
    public static byte[] TruncatedPdf(string text) => Pdf(text)[..(Pdf(text).Length * 3 / 5)];

    /// <summary>
    /// A minimal PDF encrypted with the standard security handler (RC4, 40 bit) whose user password is not empty: the
    /// /U entry does not match the empty password, so a reader cannot open it without the password.
    /// </summary>
    public static byte[] PasswordProtectedPdf()
    {
        var hex32 = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 37 + 11) % 256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        var hex32b = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 53 + 7) % 256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 20 >>\nstream\n(unreadable bytes  )\nendstream",
            $"<< /Filter /Standard /V 1 /R 2 /O <{hex32}> /U <{hex32b}> /P -44 >>",
        ];
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append($"{o:D10} 00000 n \n");
        }

        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}

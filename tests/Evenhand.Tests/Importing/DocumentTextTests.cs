using Evenhand.Importing;
using Evenhand.Inspections.Parsing;
using Evenhand.Responses.Parsing;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Importing;

/// <summary>
/// DocumentText reads PDF, Word, web pages and text alike: the seed report and the four seed responses give the same parse
/// from each format, and damaged, scanned, password-protected or mislabelled files are refused with a message that says which.
/// </summary>
public class DocumentTextTests
{
    public static TheoryData<string> Formats => new() { ".pdf", ".docx", ".html" };

    public static TheoryData<string, string> ResponsesInFormats
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var seed in new[] { Seeds.Cheshire, Seeds.Cleveland, Seeds.HampshireAndIsleOfWight, Seeds.WestMidlands })
            {
                foreach (var format in new[] { ".pdf", ".docx", ".html" })
                {
                    data.Add(seed, format);
                }
            }

            return data;
        }
    }

    internal static byte[] Convert(string text, string format) => format switch
    {
        ".pdf" => TestDocuments.Pdf(text),
        ".docx" => TestDocuments.Docx(text),
        ".html" => TestDocuments.Html(text),
        _ => System.Text.Encoding.UTF8.GetBytes(text),
    };

    private static string ReadAs(string seed, string format)
    {
        var name = Path.ChangeExtension(seed, format);
        return DocumentText.Read(new MemoryStream(Convert(Seeds.Read(seed), format)), name);
    }

    [Theory, MemberData(nameof(Formats))]
    public void SeedReport_InEachFormat_GivesTheSameRecommendationsAsText(string format)
    {
        var expected = Seeds.Report;

        var actual = ReportParser.Parse(ReadAs(Seeds.ReportFile, format), Path.ChangeExtension(Seeds.ReportFile, format));

        Assert.Equal(expected.Recommendations.Count, actual.Recommendations.Count);
        Assert.Equal(expected.Published, actual.Published);
        foreach (var (e, a) in expected.Recommendations.Zip(actual.Recommendations))
        {
            Assert.Equal(e.Number, a.Number);
            Assert.Equal(e.DueDate, a.DueDate);
            Assert.Equal(e.DueRule?.Months, a.DueRule?.Months);
            Assert.Equal(e.Addressees, a.Addressees);
            Assert.Equal(e.AppliesToForces, a.AppliesToForces);
        }
    }

    [Theory, MemberData(nameof(ResponsesInFormats))]
    public void SeedResponse_InEachFormat_AnswersTheSameRecommendationsAsText(string seed, string format)
    {
        var expected = ResponseParser.Parse(Seeds.Read(seed), Seeds.Report.Recommendations, Seeds.Forces, seed);

        var actual = ResponseParser.Parse(ReadAs(seed, format), Seeds.Report.Recommendations, Seeds.Forces, Path.ChangeExtension(seed, format));

        Assert.Equal(expected.ForceSlug, actual.ForceSlug);
        Assert.Equal(expected.Responses.Select(r => string.Join(",", r.Recommendations)), actual.Responses.Select(r => string.Join(",", r.Recommendations)));
        Assert.Equal(expected.Missing, actual.Missing);
    }
}

/// <summary>What each format keeps and leaves out, and the files DocumentText refuses.</summary>
public class DocumentTextFormatTests
{
    private const string Paragraph =
        "By 31 March 2025, forces should update and implement their policies and guidance for non-crime hate incidents to provide " +
        "clear direction to officers and staff for the assessment and recording of, and response to, these incidents. The force " +
        "has rewritten its policy, trained every call handler and published the new guidance on its intranet in February 2025.";

    private static string Read(byte[] bytes, string fileName, long maxBytes = DocumentText.DefaultMaxBytes) =>
        DocumentText.Read(new MemoryStream(bytes), fileName, maxBytes);

    private static ImportException Refused(byte[] bytes, string fileName) =>
        Assert.Throws<ImportException>(() => Read(bytes, fileName));

    [Fact]
    public void Pdf_WrappedParagraph_ReadsBackAsOneLine_AndTableCellsAsTabs()
    {
        var text = Read(TestDocuments.Pdf($"Recommendation 16\n\n{Paragraph}\n\n16\tPolicy rewritten\tComplete\n"), "r.pdf");

        var lines = text.Split('\n');
        Assert.Contains(Paragraph, lines);
        Assert.Contains("16\tPolicy rewritten\tComplete", lines);
        Assert.Equal("Recommendation 16", lines[0]);
        Assert.Equal("", lines[1]); // the gap between blocks is a blank line
    }

    [Fact]
    public void Html_LeavesOutNavigationHeaderFooterScriptsAndStyles_KeepsHeadingsListsAndTables()
    {
        var html = """
            <!DOCTYPE html><html><head><title>t</title><script>var x = "Recommendation 3";</script><style>p{}</style></head>
            <body><header>Site name</header><nav><a href="/">Recommendation 14 news</a></nav>
            <main><h1>Response to the inspection</h1><p>Our   answer
            follows.</p><ol><li>First step</li><li>Second step</li></ol><ul><li>A point</li></ul>
            <table><thead><tr><th>No.</th><th>Response</th></tr></thead><tbody><tr><td>13</td><td>Policies <b>audited</b>.</td></tr></tbody></table>
            </main><footer>Recommendation 5 privacy</footer></body></html>
            """;

        var text = Read(System.Text.Encoding.UTF8.GetBytes(html), "page.html");

        Assert.Equal(
            "Response to the inspection\n\nOur answer follows.\n\n1. First step\n2. Second step\n\n- A point\n\nNo.\tResponse\n13\tPolicies audited.",
            text);
    }

    [Fact]
    public void Docx_KeepsHeadingsNumberedListsAndTables()
    {
        var bytes = TestDocuments.Docx(
            body =>
            {
                body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                    new DocumentFormat.OpenXml.Wordprocessing.ParagraphProperties(new DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId { Val = "Heading1" }),
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Response to the inspection"))));
                foreach (var item in new[] { "First step", "Second step" })
                {
                    body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                        new DocumentFormat.OpenXml.Wordprocessing.ParagraphProperties(new DocumentFormat.OpenXml.Wordprocessing.NumberingProperties(
                            new DocumentFormat.OpenXml.Wordprocessing.NumberingLevelReference { Val = 0 },
                            new DocumentFormat.OpenXml.Wordprocessing.NumberingId { Val = 1 })),
                        new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(item))));
                }

                body.Append(new DocumentFormat.OpenXml.Wordprocessing.Table(
                    new DocumentFormat.OpenXml.Wordprocessing.TableRow(
                        new DocumentFormat.OpenXml.Wordprocessing.TableCell(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("13")))),
                        new DocumentFormat.OpenXml.Wordprocessing.TableCell(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Policies audited.")))))));
            },
            main =>
            {
                var numbering = main.AddNewPart<DocumentFormat.OpenXml.Packaging.NumberingDefinitionsPart>();
                numbering.Numbering = new DocumentFormat.OpenXml.Wordprocessing.Numbering(
                    new DocumentFormat.OpenXml.Wordprocessing.AbstractNum(
                        new DocumentFormat.OpenXml.Wordprocessing.Level(
                            new DocumentFormat.OpenXml.Wordprocessing.StartNumberingValue { Val = 1 },
                            new DocumentFormat.OpenXml.Wordprocessing.NumberingFormat { Val = DocumentFormat.OpenXml.Wordprocessing.NumberFormatValues.Decimal })
                        { LevelIndex = 0 })
                    { AbstractNumberId = 7 },
                    new DocumentFormat.OpenXml.Wordprocessing.NumberingInstance(new DocumentFormat.OpenXml.Wordprocessing.AbstractNumId { Val = 7 }) { NumberID = 1 });
            });

        var text = Read(bytes, "response.docx");

        Assert.Equal("Response to the inspection\n\n1. First step\n2. Second step\n\n13\tPolicies audited.", text);
    }

    [Fact]
    public void ScannedPdf_WithNoTextLayer_IsRefused_SayingSoAndThatThereIsNoOcr()
    {
        var e = Refused(TestDocuments.ScannedPdf(), "scan.pdf");

        Assert.StartsWith("'scan.pdf' is a PDF with no text layer", e.Message, StringComparison.Ordinal);
        Assert.Contains("no OCR", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordProtectedPdf_IsRefused_SayingItNeedsAPassword()
    {
        var e = Refused(TestDocuments.PasswordProtectedPdf(), "locked.pdf");

        Assert.StartsWith("'locked.pdf' is a password-protected PDF", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedPdf_IsRefused_SayingItWasCutShort()
    {
        var e = Refused(TestDocuments.TruncatedPdf(Seeds.Read(Seeds.Cheshire)), "cut.pdf");

        Assert.StartsWith("'cut.pdf' is an incomplete PDF", e.Message, StringComparison.Ordinal);
        Assert.Contains("cut short", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GarbageAfterAPdfHeader_IsRefused_AsDamaged()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not a PDF body at all\n%%EOF\n");

        var e = Refused(bytes, "odd.pdf");

        Assert.StartsWith("'odd.pdf' could not be read as a PDF", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocxThatIsAZipOfSomethingElse_IsRefused_SayingWhatItHolds()
    {
        var e = Refused(TestDocuments.Zip(("data.csv", "a,b\n1,2\n"), ("readme.txt", "hello")), "response.docx");

        Assert.StartsWith("'response.docx' is not a Word document: it is a zip of 2 other files", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocxThatIsAnExcelWorkbook_IsRefused_NamingIt()
    {
        var e = Refused(TestDocuments.Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), "response.docx");

        Assert.Contains("it is an Excel workbook", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedDocx_IsRefused_AsDamaged()
    {
        var bytes = TestDocuments.Docx("Recommendation 16\n\nDone.");

        var e = Refused(bytes[..(bytes.Length / 2)], "response.docx");

        Assert.StartsWith("'response.docx' could not be read as a Word document", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("big.pdf", "as PDF is usually under 5 MB")]
    [InlineData("big.docx", "Word document")]
    [InlineData("big.html", "web page saved from a browser")]
    [InlineData("big.txt", "saved as plain text is usually well under 1 MB")]
    public void OversizedFile_IsRefused_WithTheSizeUsualForItsFormat(string fileName, string expected)
    {
        var e = Assert.Throws<ImportException>(() => Read(new byte[2048], fileName, maxBytes: 1024));

        Assert.Contains("limit for a document", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfNamedTxt_IsReadAsAPdf()
    {
        var text = Read(TestDocuments.Pdf("Recommendation 16\n\nDone."), "response.txt");

        Assert.Equal("Recommendation 16\n\nDone.", text);
    }

    [Fact]
    public void HtmlPageWithOnlyNavigation_IsRefused_SayingThereIsNoContent()
    {
        var e = Refused("<html><body><nav>Home</nav><footer>Footer</footer></body></html>"u8.ToArray(), "page.html");

        Assert.Contains("has no text in its content", e.Message, StringComparison.Ordinal);
    }
}

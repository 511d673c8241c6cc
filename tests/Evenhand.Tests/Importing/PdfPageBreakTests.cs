using Evenhand.Importing;
using Evenhand.Responses.Parsing;
using Evenhand.Tests.Infrastructure;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Evenhand.Tests.Importing;

/// <summary>
/// A published PDF has a running head and a page number on every page, and paragraphs that run over a page: neither the
/// head nor the number may end up in an answer, and a paragraph is split or joined at a page as the document has it.
/// </summary>
public class PdfPageBreakTests
{
    private const double Width = 595, Height = 842, Margin = 57, Size = 11, Leading = 14;

    private const string Head = "Office of the Police and Crime Commissioner for Testshire";

    private const string AnswerTo12 =
        "Equality impact assessments are now checked by a panel of officers, staff and members of the public before any " +
        "policy is approved, and the panel publishes a summary of what it changed in each policy it reviewed.";

    private const string AnswerTo13 =
        "Every policy is reviewed at least once every two years by the policy owner and the equality lead together, with " +
        "the public sector equality duty considered at each review, and the force keeps a register of reviews that the " +
        "commissioner's office sees every quarter, so that a policy past its review date is raised at the next meeting of " +
        "the accountability board and given a new date by the chief constable, which the commissioner then follows up.";

    /// <summary>
    /// Page 1: the head, "Recommendation 12" and its answer, ending part way along its last line. Page 2: the head,
    /// "Recommendation 13" and the start of its answer, filling the page. Page 3: the head and the rest of that answer.
    /// Each page has "Page n of 3" at its foot.
    /// </summary>
    private static byte[] Document()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var pages = new List<PdfPageBuilder>();
        PdfPageBuilder NewPage()
        {
            var page = builder.AddPage(Width, Height);
            page.AddText(Head, 9, new PdfPoint(Margin, Height - 30), font);
            page.AddText($"Page {pages.Count + 1} of 3", 9, new PdfPoint(Width - Margin - 50, 30), font);
            pages.Add(page);
            return page;
        }

        var first = NewPage();
        var y = Height - Margin - 20;
        first.AddText("Recommendation 12", 14, new PdfPoint(Margin, y), bold);
        y -= 24;
        foreach (var line in Wrap(first, font, AnswerTo12))
        {
            first.AddText(line, Size, new PdfPoint(Margin, y), font);
            y -= Leading;
        }

        // The answer to 13 starts on page 2 and runs on to page 3 after three full lines.
        var second = NewPage();
        y = Height - Margin - 20;
        second.AddText("Recommendation 13", 14, new PdfPoint(Margin, y), bold);
        y -= 24;
        var lines = Wrap(second, font, AnswerTo13);
        Assert.True(lines.Count > 4, "The answer to 13 must wrap onto more than four lines for this test.");
        foreach (var line in lines.Take(3))
        {
            second.AddText(line, Size, new PdfPoint(Margin, y), font);
            y -= Leading;
        }

        var third = NewPage();
        y = Height - Margin - 20;
        foreach (var line in lines.Skip(3))
        {
            third.AddText(line, Size, new PdfPoint(Margin, y), font);
            y -= Leading;
        }

        return builder.Build();
    }

    private static List<string> Wrap(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, string text)
    {
        double Measure(string s)
        {
            var letters = page.MeasureText(s, Size, new PdfPoint(0, 0), font);
            return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        }

        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Measure(candidate) > Width - (2 * Margin))
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        lines.Add(current);
        return lines;
    }

    [Fact]
    public void RunningHeadAndPageNumbers_AreLeftOut_ButHeadingsOnConsecutivePagesStay()
    {
        var text = DocumentText.Read(new MemoryStream(Document()), "response.pdf");

        Assert.DoesNotContain("Page 1 of 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 2 of 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Head, text, StringComparison.Ordinal);
        Assert.Contains("Recommendation 12", text, StringComparison.Ordinal);
        Assert.Contains("Recommendation 13", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ParagraphEndingAtTheFootOfAPage_EndsThere_AndOneRunningOnContinues()
    {
        var text = DocumentText.Read(new MemoryStream(Document()), "response.pdf");

        Assert.Contains(AnswerTo12 + "\n\nRecommendation 13", text, StringComparison.Ordinal);
        Assert.EndsWith(AnswerTo13, text, StringComparison.Ordinal);
    }

    [Fact]
    public void ResponseRunningOverPages_ParsesToAnswersWithoutTheHeadOrPageNumbers()
    {
        var text = DocumentText.Read(new MemoryStream(Document()), "response.pdf");

        var parsed = ResponseParser.Parse(text, Seeds.Report.Recommendations, Seeds.Forces, "response.pdf");

        Assert.Equal(AnswerTo12, Assert.Single(parsed.Responses, r => r.Recommendations.SequenceEqual([12])).Text);
        Assert.Equal(AnswerTo13, Assert.Single(parsed.Responses, r => r.Recommendations.SequenceEqual([13])).Text);
    }
}

using Evenhand.Importing;
using Evenhand.Inspections.Parsing;
using Evenhand.Responses.Parsing;
using Evenhand.Tests.Parsing;

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

using System.Text.Json;
using Evenhand.Tests.Importing;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Cli;

/// <summary>`parse` and `import` read PDF, Word and web pages, and refuse bad files with a message on stderr and nothing stored.</summary>
public sealed class DocumentFormatCliTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_db.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string SeedAs(string seed, string format) =>
        Write(Path.ChangeExtension(seed, format), DocumentTextTests.Convert(File.ReadAllText(Seeds.PathOf(seed)), format));

    [Theory]
    [InlineData(".pdf")]
    [InlineData(".docx")]
    [InlineData(".html")]
    public async Task ParseReportAndResponse_FromEachFormat_GiveTheSameJsonAsText(string format)
    {
        var report = SeedAs("hmicfrs-activism-and-impartiality-2024.txt", format);
        var response = SeedAs("pcc-response-west-midlands.txt", format);

        var fromFormat = await CliHarness.RunAsync("parse", "response", response, "--inspection", report, "--json");
        var fromText = await CliHarness.RunAsync("parse", "response", Seeds.PathOf("pcc-response-west-midlands.txt"), "--inspection", CliHarness.Report, "--json");

        Assert.True(fromFormat.ExitCode == 0, fromFormat.ToString());
        Assert.Equal("west-midlands", fromFormat.Json().GetProperty("force").GetString());
        Assert.Equal(
            fromText.Json().GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("recommendations").ToString()),
            fromFormat.Json().GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("recommendations").ToString()));
        Assert.Equal(fromText.Json().GetProperty("missing").ToString(), fromFormat.Json().GetProperty("missing").ToString());
    }

    [Fact]
    public async Task ImportReportAsPdf_ThenResponseAsDocx_StoresBoth()
    {
        var report = await CliHarness.RunAsync(_db.With("import", "report", SeedAs("hmicfrs-activism-and-impartiality-2024.txt", ".pdf"), "--published", "2024-09-10", "--yes", "--json"));
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Equal(22, report.Json().GetProperty("recommendations").GetInt32());

        var response = await CliHarness.RunAsync(_db.With(
            "import", "response", SeedAs("pcc-response-west-midlands.txt", ".docx"), "--force", "west-midlands", "--inspection", "1", "--yes", "--json"));

        Assert.True(response.ExitCode == 0, response.ToString());
        Assert.Equal([4, 9, 21], response.Json().GetProperty("missing").EnumerateArray().Select(e => e.GetInt32()));
        await using var db = _db.Open();
        Assert.Equal("pcc-response-west-midlands.docx", (await db.Section55Responses.SingleAsync()).SourceFileName);
    }

    [Fact]
    public async Task ParseReport_Pdf_GivesDeadlinesCountedFromPublication_NamedForces_AndTheGapAsWarnings()
    {
        var path = Write("lost-property.pdf", TestDocuments.Pdf(ReportDocumentTests.LostProperty(ReportDocumentTests.PublishedLine)));

        var run = await CliHarness.RunAsync("parse", "report", path, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.Equal("2025-05-14", root.GetProperty("published").GetString());
        var recs = root.GetProperty("recommendations").EnumerateArray().ToDictionary(r => r.GetProperty("number").GetInt32());
        Assert.Equal([1, 2, 3, 5, 6, 7], recs.Keys);
        Assert.Equal("2025-05-14", recs[1].GetProperty("dueDate").GetString());
        Assert.Equal("'Immediately' was taken as the publication date, 14 May 2025.", recs[1].GetProperty("dueNote").GetString());
        Assert.Equal("2025-08-14", recs[2].GetProperty("dueDate").GetString());
        Assert.True(recs[2].GetProperty("dueRule").GetProperty("fromPublication").GetBoolean());
        Assert.Equal(3, recs[2].GetProperty("dueRule").GetProperty("months").GetInt32());
        Assert.Equal("Durham Constabulary", recs[2].GetProperty("addressees")[0].GetString());
        Assert.True(recs[2].GetProperty("appliesToForces").GetBoolean());
        Assert.Equal("2025-12-31", recs[5].GetProperty("dueDate").GetString());
        Assert.False(recs[6].GetProperty("dueRule").GetProperty("fromPublication").GetBoolean());
        Assert.Equal(JsonValueKind.Null, recs[6].GetProperty("dueNote").ValueKind);
        Assert.Equal("Forces should record every item handed in at a front counter", recs[7].GetProperty("text").GetString());
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString() == "No text was found for recommendation 4, although the report numbers its recommendations up to 7.");
    }

    [Fact]
    public async Task ImportReport_Docx_WithoutFullDate_StoresDeadlinesCountedFromTheDateGiven()
    {
        var path = Write("lost-property.docx", TestDocuments.Docx(ReportDocumentTests.LostProperty("May 2025")));

        var run = await CliHarness.RunAsync(_db.With("import", "report", path, "--published", "2025-05-20", "--yes", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(6, run.Json().GetProperty("forceRecommendations").GetInt32());
        await using var db = _db.Open();
        var due = await db.Recommendations.OrderBy(r => r.Number).Select(r => new { r.Number, r.DueDate, r.DueRuleMonths }).ToListAsync();
        Assert.Equal(
            [(1, new DateOnly(2025, 5, 20)), (2, new DateOnly(2025, 8, 20)), (3, new DateOnly(2026, 5, 20)), (5, new DateOnly(2025, 12, 31))],
            due.Where(d => d.DueDate is not null).Select(d => (d.Number, d.DueDate!.Value)));
        Assert.Equal(6, due.Single(d => d.Number == 6).DueRuleMonths);
    }

    [Theory, MemberData(nameof(TestDocuments.BadFiles), MemberType = typeof(TestDocuments))]
    public async Task ParseResponse_BadFile_ExitsNonZeroWithTheReasonOnStderr(string name, string kind, string expected)
    {
        var path = Write(name, TestDocuments.Bad(kind));

        var run = await CliHarness.RunAsync("parse", "response", path, "--inspection", CliHarness.Report, "--json");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"'{name}' {expected}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory, MemberData(nameof(TestDocuments.BadFiles), MemberType = typeof(TestDocuments))]
    public async Task ImportReportAndResponse_BadFile_ExitsNonZero_AndStoresNothing(string name, string kind, string expected)
    {
        var path = Write(name, TestDocuments.Bad(kind));
        var report = await CliHarness.RunAsync(_db.With("import", "report", CliHarness.Report, "--published", "2024-09-10", "--yes", "--json"));
        Assert.True(report.ExitCode == 0, report.ToString());

        var badReport = await CliHarness.RunAsync(_db.With("import", "report", path, "--published", "2025-01-10", "--yes"));
        var badResponse = await CliHarness.RunAsync(_db.With("import", "response", path, "--force", "cheshire", "--inspection", "1", "--yes"));

        Assert.NotEqual(0, badReport.ExitCode);
        Assert.Contains(expected, badReport.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, badResponse.ExitCode);
        Assert.Contains(expected, badResponse.Error, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.Equal(1, await db.Inspections.CountAsync());
        Assert.Equal(0, await db.Section55Responses.CountAsync());
    }
}

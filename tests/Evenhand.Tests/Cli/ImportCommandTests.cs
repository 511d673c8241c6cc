using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private static readonly string WestMidlands = Seeds.PathOf("pcc-response-west-midlands.txt");
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ImportReportThenResponse_StoresBoth_AndParseResponseMatchesAgainstTheStoredInspection()
    {
        var report = await CliHarness.RunAsync(_db.With("import", "report", CliHarness.Report, "--published", "2024-09-10", "--yes", "--json"));
        Assert.True(report.ExitCode == 0, report.ToString());
        var inspectionId = report.Json().GetProperty("inspectionId").GetInt32();
        Assert.Equal(22, report.Json().GetProperty("recommendations").GetInt32());
        Assert.Equal(11, report.Json().GetProperty("forceRecommendations").GetInt32()); // 4 and 21 name forces beside national bodies

        var response = await CliHarness.RunAsync(_db.With(
            "import", "response", WestMidlands, "--force", "west-midlands", "--inspection", $"{inspectionId}", "--yes", "--json"));
        Assert.True(response.ExitCode == 0, response.ToString());
        Assert.Equal([4, 9, 21], response.Json().GetProperty("missing").EnumerateArray().Select(e => e.GetInt32()));

        var parsed = await CliHarness.RunAsync(_db.With("parse", "response", WestMidlands, "--inspection", $"{inspectionId}", "--json"));
        Assert.True(parsed.ExitCode == 0, parsed.ToString());
        Assert.Equal("west-midlands", parsed.Json().GetProperty("force").GetString());
        Assert.Equal([4, 9, 21], parsed.Json().GetProperty("missing").EnumerateArray().Select(e => e.GetInt32()));

        await using var db = _db.Open();
        var inspection = await db.Inspections.Include(i => i.Recommendations).SingleAsync();
        Assert.Equal(new DateOnly(2024, 9, 10), inspection.PublishedOn);
        Assert.Equal(22, inspection.Recommendations.Count);
        var stored = await db.Section55Responses.Include(r => r.Force).SingleAsync();
        Assert.Equal("west-midlands", stored.Force!.Slug);
        Assert.Equal("pcc-response-west-midlands.txt", stored.SourceFileName);
    }

    [Fact]
    public async Task ImportReport_Human_ShowsThePreviewAndTheNewId()
    {
        var run = await CliHarness.RunAsync(_db.With("import", "report", CliHarness.Report, "--published", "2024-09-10", "--yes"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("22 recommendation(s), 11 for forces", run.Out, StringComparison.Ordinal);
        Assert.Contains("as inspection 1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportResponse_UnknownForce_ExitsWithTwoAndStoresNothing()
    {
        var inspectionId = await ImportReportAsync();
        var before = await CountResponsesAsync();

        var run = await CliHarness.RunAsync(_db.With(
            "import", "response", WestMidlands, "--force", "atlantis", "--inspection", $"{inspectionId}", "--yes"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'atlantis' is not one of the 43 territorial police forces", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CountResponsesAsync());
    }

    [Fact]
    public async Task ImportResponse_WithoutForce_UsesTheForceTheDocumentNames()
    {
        var inspectionId = await ImportReportAsync();

        var run = await CliHarness.RunAsync(_db.With("import", "response", WestMidlands, "--inspection", $"{inspectionId}", "--yes", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("west-midlands", run.Json().GetProperty("force").GetString());
    }

    [Fact]
    public async Task ImportResponse_UnknownInspection_ExitsWithOne()
    {
        var run = await CliHarness.RunAsync(_db.With("import", "response", WestMidlands, "--inspection", "7", "--yes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no inspection with id 7", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountResponsesAsync());
    }

    [Fact]
    public async Task ImportReport_WithoutYes_WhenNobodyCanBeAsked_ExitsWithTwoAndStoresNothing()
    {
        var run = await CliHarness.RunAsync(_db.With("import", "report", CliHarness.Report, "--published", "2024-09-10"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--yes", run.Error, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.Equal(0, await db.Inspections.CountAsync());
    }

    [Fact]
    public async Task ImportReport_Twice_IsRefused()
    {
        await ImportReportAsync();

        var run = await CliHarness.RunAsync(_db.With("import", "report", CliHarness.Report, "--published", "2024-09-10", "--yes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already been imported", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportReport_NoDateInDocumentOrOptions_AsksForPublished()
    {
        var path = _db.WriteFile("undated.txt", """
            A short inspection

            Recommendations

            Recommendation 1

            By 31 March 2026, chief constables should review their policies on impartiality.
            """);

        var run = await CliHarness.RunAsync(_db.With("import", "report", path, "--yes"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--published", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--published", "10/09/2024", "yyyy-MM-dd")]
    [InlineData("--type", "bogus", "national-thematic")]
    public async Task ImportReport_MalformedOption_IsAUsageError(string option, string value, string expected)
    {
        var run = await CliHarness.RunAsync(_db.With("import", "report", CliHarness.Report, option, value, "--yes"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_CreatesTheDatabaseWithTheForces()
    {
        var run = await CliHarness.RunAsync(_db.With("db", "migrate"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("43 forces", run.Out, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.Equal(43, await db.Forces.CountAsync());
    }

    [Fact]
    public async Task InspectionsList_Json_ListsTheImportedInspection()
    {
        var id = await ImportReportAsync();

        var run = await CliHarness.RunAsync(_db.With("inspections", "list", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var row = Assert.Single(run.Json().EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetInt32());
        Assert.Equal("national-thematic", row.GetProperty("type").GetString());
    }

    [Fact]
    public async Task BadConnectionString_ExitsWithOneWithoutAStackTrace()
    {
        var run = await CliHarness.RunAsync("db", "migrate", "--provider", "sqlite", "--connection", "Data Source=/nonexistent-folder/x.db");

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(run.Error);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedProvider_IsAUsageError()
    {
        var run = await CliHarness.RunAsync("db", "migrate", "--provider", "oracle");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("sqlite", run.Error, StringComparison.Ordinal);
    }

    private async Task<int> ImportReportAsync()
    {
        var run = await CliHarness.RunAsync(_db.With("import", "report", CliHarness.Report, "--published", "2024-09-10", "--yes", "--json"));
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Json().GetProperty("inspectionId").GetInt32();
    }

    private async Task<int> CountResponsesAsync()
    {
        await using var db = _db.Open();
        return await db.Section55Responses.CountAsync();
    }
}

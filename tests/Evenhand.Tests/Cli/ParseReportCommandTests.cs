using System.Text.Json;

namespace Evenhand.Tests.Cli;

public class ParseReportCommandTests
{
    // SOURCES.md: 9, 10, 12, 13, 16, 17, 18, 20, 22 to forces or chief constables; 4 and 21 to several bodies including forces.
    private static readonly int[] ForceRecommendations = [4, 9, 10, 12, 13, 16, 17, 18, 20, 21, 22];

    [Fact]
    public async Task ParseReport_Json_SeedReport_Lists22RecommendationsElevenForForces()
    {
        var run = await CliHarness.RunAsync("parse", "report", CliHarness.Report, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var recs = run.Json().GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(22, recs.Count);
        Assert.Equal(Enumerable.Range(1, 22), recs.Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal(ForceRecommendations,
            recs.Where(r => r.GetProperty("appliesToForces").GetBoolean()).Select(r => r.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task ParseReport_Json_GivesFixedAndRelativeDeadlines()
    {
        var run = await CliHarness.RunAsync("parse", "report", CliHarness.Report, "--json");

        var recs = run.Json().GetProperty("recommendations").EnumerateArray().ToDictionary(r => r.GetProperty("number").GetInt32());
        Assert.Equal("2025-07-31", recs[1].GetProperty("dueDate").GetString());
        Assert.Equal(JsonValueKind.Null, recs[1].GetProperty("dueRule").ValueKind);
        Assert.Equal(JsonValueKind.Null, recs[9].GetProperty("dueDate").ValueKind);
        Assert.Equal(6, recs[9].GetProperty("dueRule").GetProperty("months").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(recs[9].GetProperty("dueRule").GetProperty("event").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(recs[9].GetProperty("dueRule").GetProperty("description").GetString()));
    }

    [Fact]
    public async Task ParseReport_Json_HasTheDocumentedShape()
    {
        var run = await CliHarness.RunAsync("parse", "report", CliHarness.Report, "--json");

        var root = run.Json();
        Assert.Equal(["title", "published", "recommendations", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Equal(
            ["number", "text", "chapter", "dueDate", "dueRule", "addressees", "appliesToForces", "dueNote"],
            root.GetProperty("recommendations")[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains("activism and impartiality", root.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(root.GetProperty("published").ValueKind is JsonValueKind.Null or JsonValueKind.String);
        Assert.Contains("\n  \"recommendations\"", run.Out, StringComparison.Ordinal); // indented
        Assert.DoesNotContain("\\u0027", run.Out, StringComparison.Ordinal); // apostrophes are not escaped
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task ParseReport_Human_ShowsATableOfRecommendations()
    {
        var run = await CliHarness.RunAsync("parse", "report", CliHarness.Report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("22 recommendation(s), 11 for forces", run.Out, StringComparison.Ordinal);
        Assert.Contains("Addressees", run.Out, StringComparison.Ordinal);
        Assert.Contains("31 Jul 2025", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal); // no ANSI codes when output is captured
    }

    [Fact]
    public async Task ParseReport_EmptyFile_ExitsWithOneAndSaysItIsEmpty()
    {
        using var temp = new TempDatabase();
        var path = temp.WriteFile("empty.txt", "");

        var run = await CliHarness.RunAsync("parse", "report", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is empty", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task ParseReport_MissingFile_ExitsWithOneAndNamesThePath()
    {
        var run = await CliHarness.RunAsync("parse", "report", "/nonexistent/report.txt");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/nonexistent/report.txt", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseReport_WithoutFile_IsAUsageError()
    {
        var run = await CliHarness.RunAsync("parse", "report");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var run = await CliHarness.RunAsync("reports", "frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}

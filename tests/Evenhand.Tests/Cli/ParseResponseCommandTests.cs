using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Cli;

public class ParseResponseCommandTests
{
    private static readonly string WestMidlands = Seeds.PathOf("pcc-response-west-midlands.txt");

    [Fact]
    public async Task ParseResponse_Json_WestMidlands_DetectsForceGroupedAnswersAndTheMissingOne()
    {
        var run = await CliHarness.RunAsync("parse", "response", WestMidlands, "--inspection", CliHarness.Report, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.Equal(
            ["force", "responses", "missing", "warnings", "bodyComments", "chiefOfficerComments", "responseToChiefOfficer"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("west-midlands", root.GetProperty("force").GetString());
        Assert.Equal([4, 9, 21], root.GetProperty("missing").EnumerateArray().Select(e => e.GetInt32())); // s.55(5B): 4 and 21 bind forces too
        var items = root.GetProperty("responses").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("recommendations").EnumerateArray().Select(e => e.GetInt32()).SequenceEqual([17, 18]));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("text").GetString())));
    }

    [Theory]
    [InlineData("pcc-response-west-midlands.txt", "quote")]
    [InlineData("pcc-response-hampshire-and-isle-of-wight.txt", "heading")]
    [InlineData("pcc-response-cheshire.txt", "table")]
    [InlineData("pcc-response-cleveland.txt", "prose")]
    public async Task ParseResponse_Json_EachItemSaysWhereItsMatchCameFromAndHowSure(string file, string source)
    {
        var run = await CliHarness.RunAsync("parse", "response", Seeds.PathOf(file), "--inspection", CliHarness.Report, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.Equal(System.Text.Json.JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        var items = root.GetProperty("responses").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal(["recommendations", "text", "confidence", "source"], i.EnumerateObject().Select(p => p.Name)));
        Assert.All(items, i => Assert.InRange(i.GetProperty("confidence").GetDouble(), 0, 1));
        Assert.All(items, i => Assert.Contains(i.GetProperty("source").GetString(), new[] { "heading", "prose", "table", "quote" }));
        Assert.Contains(items, i => i.GetProperty("source").GetString() == source);
    }

    [Fact]
    public async Task ParseResponse_Human_WestMidlands_NamesTheForceAndTheMissingRecommendation()
    {
        var run = await CliHarness.RunAsync("parse", "response", WestMidlands, "--inspection", CliHarness.Report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("West Midlands Police (west-midlands)", run.Out, StringComparison.Ordinal);
        Assert.Contains("17, 18", run.Out, StringComparison.Ordinal);
        Assert.Contains("No response to recommendation(s) 4, 9, 21.", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pcc-response-cheshire.txt", "cheshire")]
    [InlineData("pcc-response-cleveland.txt", "cleveland")]
    [InlineData("pcc-response-hampshire-and-isle-of-wight.txt", "hampshire-and-isle-of-wight")]
    public async Task ParseResponse_Json_OtherSeeds_DetectTheirForce(string file, string slug)
    {
        var run = await CliHarness.RunAsync("parse", "response", Seeds.PathOf(file), "--inspection", CliHarness.Report, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(slug, run.Json().GetProperty("force").GetString());
        Assert.NotEmpty(run.Json().GetProperty("responses").EnumerateArray());
    }

    [Fact]
    public async Task ParseResponse_InspectionNeitherFileNorId_IsAUsageError()
    {
        var run = await CliHarness.RunAsync("parse", "response", WestMidlands, "--inspection", "no-such-report.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("neither a report file nor an inspection id", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseResponse_UnknownInspectionId_ExitsWithOne()
    {
        using var db = new TempDatabase();

        var run = await CliHarness.RunAsync(db.With("parse", "response", WestMidlands, "--inspection", "42"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no inspection with id 42", run.Error, StringComparison.Ordinal);
    }
}

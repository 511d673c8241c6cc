using System.Text.Json;

namespace Evenhand.Tests.Cli;

public sealed class EvidenceCommandTests
{
    [Fact]
    public async Task Evidence_Demo_Json_GivesIndicatorsPerRecommendation_WithTheirRecordCounts()
    {
        var run = await CliHarness.RunAsync("evidence", "--force", "cheshire", "--demo", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var recs = JsonDocument.Parse(run.Out).RootElement.GetProperty("recommendations").EnumerateArray().ToList();
        // The registers built so far: policies and EIAs (12, 13) and visible representations (10) political contacts (7) the horizon scan (6) events (4, 5) advisory groups (15) and staff networks (21, 22): every register the issue names.
        Assert.Equal([4, 5, 6, 7, 10, 12, 13, 15, 21, 22], recs.Select(r => r.GetProperty("recommendation").GetInt32()));
        foreach (var indicator in recs.SelectMany(r => r.GetProperty("indicators").EnumerateArray()))
        {
            Assert.False(string.IsNullOrWhiteSpace(indicator.GetProperty("name").GetString()));
            Assert.Matches(@"^\d+ of \d+ \(\d+%\)$", indicator.GetProperty("value").GetString());
            Assert.True(indicator.GetProperty("records").GetInt32() > 0);
        }
    }

    [Fact]
    public async Task Evidence_UnknownForce_IsAUsageError()
    {
        var run = await CliHarness.RunAsync("evidence", "--force", "atlantis", "--demo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'atlantis' is not a force", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_OnARealDatabase_CountsItsRecords()
    {
        using var db = new TempDatabase();
        var run = await CliHarness.RunAsync(db.With("evidence", "--force", "cleveland", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var indicators = JsonDocument.Parse(run.Out).RootElement.GetProperty("recommendations").EnumerateArray()
            .SelectMany(r => r.GetProperty("indicators").EnumerateArray()).ToList();
        Assert.NotEmpty(indicators);
        Assert.All(indicators, i => Assert.Equal(("no records yet", 0), (i.GetProperty("value").GetString(), i.GetProperty("records").GetInt32())));
    }
}

namespace Evenhand.Tests.Cli;

public class ForceCommandTests
{
    [Fact]
    public async Task ForcesList_Json_Lists43ForcesWithSlugs()
    {
        var run = await CliHarness.RunAsync("forces", "list", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var forces = run.Json().EnumerateArray().ToList();
        Assert.Equal(43, forces.Count);
        Assert.Contains(forces, f => f.GetProperty("slug").GetString() == "west-midlands" && f.GetProperty("name").GetString() == "West Midlands Police");
    }

    [Fact]
    public async Task ForcesList_Human_ShowsATable()
    {
        var run = await CliHarness.RunAsync("forces", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("hampshire-and-isle-of-wight", run.Out, StringComparison.Ordinal);
        Assert.Contains("43 forces", run.Out, StringComparison.Ordinal);
    }
}

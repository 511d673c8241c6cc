namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// Browser tests wait for what the next page shows, never for a load event: Playwright's load-state waits, and
/// <c>WaitForURLAsync</c> (which also waits for "load" unless told otherwise), timed out after 45 s in shuffled runs while
/// the page was already there (its log showed "networkidle" but never "load": seeds 949951 and 146342).
/// </summary>
public sealed class BrowserWaitsTests
{
    private static readonly string[] LoadWaits = ["WaitForLoadStateAsync", "WaitForURLAsync", "WaitForNavigationAsync", "RunAndWaitForNavigationAsync"];

    [Fact]
    public void NoBrowserTest_WaitsForALoadEvent()
    {
        var offenders = TestPaths.MatchingLines(
            TestPaths.SourceFiles("tests/Evenhand.BrowserTests", ".cs"),
            text => LoadWaits.Any(w => text.Contains(w, StringComparison.Ordinal)));

        Assert.True(offenders.Count == 0, "Wait with Assertions.Expect(...) for what the page shows instead:\n" + string.Join("\n", offenders));
    }
}

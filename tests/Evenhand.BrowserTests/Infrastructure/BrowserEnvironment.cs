namespace Evenhand.BrowserTests.Infrastructure;

/// <summary>
/// Where Chromium is, and whether its absence fails the run. Browser tests use Debian's Chromium
/// (<c>apt-get install chromium</c>), never a browser downloaded by Playwright.
/// </summary>
public static class BrowserEnvironment
{
    public const string ChromiumVariable = "EVENHAND_CHROMIUM";
    public const string RequireVariable = "EVENHAND_REQUIRE_BROWSER";
    public const string DefaultChromium = "/usr/bin/chromium";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromium;

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    /// <summary>CI sets EVENHAND_REQUIRE_BROWSER=1: a missing browser is then a failure, not a skip.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string MissingMessage =>
        $"Chromium was not found at {ChromiumPath}. Install it (Debian: apt-get install chromium) " +
        $"or set {ChromiumVariable} to its path.";
}

namespace Evenhand.BrowserTests.Infrastructure;

/// <summary>
/// A browser test: skipped with a clear reason when Chromium is not installed, unless
/// EVENHAND_REQUIRE_BROWSER=1 (CI), when it runs and fails loudly instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserEnvironment.ChromiumAvailable && !BrowserEnvironment.Required)
        {
            Skip = BrowserEnvironment.MissingMessage + $" (Set {BrowserEnvironment.RequireVariable}=1 to fail instead of skipping.)";
        }
    }
}

/// <summary>A browser theory: skipped, like <see cref="BrowserFactAttribute"/>, when Chromium is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!BrowserEnvironment.ChromiumAvailable && !BrowserEnvironment.Required)
        {
            Skip = BrowserEnvironment.MissingMessage + $" (Set {BrowserEnvironment.RequireVariable}=1 to fail instead of skipping.)";
        }
    }
}

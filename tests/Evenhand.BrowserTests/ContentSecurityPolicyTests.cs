using Evenhand.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Evenhand.BrowserTests;

/// <summary>
/// The content security policy holds in a real browser: the app's own scripts run (GOV.UK Frontend's js-enabled class),
/// an inline script is blocked, and the recorder every accessibility scan checks (Accessibility.AssertNoCspViolationsAsync)
/// sees the block — so the other browser tests passing means nothing of the app's was blocked.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task SignedInPage_RunsItsOwnScripts_AndBlocksAnInlineOne()
    {
        var page = await browser.NewPageAsync(DemoUsers.Governance("cheshire"));
        var response = await page.GotoAsync("/forces/cheshire/recommendations");

        Assert.Contains("frame-ancestors 'none'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-frontend-supported"));
        await Accessibility.AssertNoCspViolationsAsync(page);

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.evenhandInline = 1'; document.body.appendChild(s); }");
        await page.WaitForFunctionAsync("() => window.__evenhandCsp.length > 0");

        Assert.Null(await page.EvaluateAsync<int?>("() => window.evenhandInline ?? null"));
        var violations = await page.EvaluateAsync<string[]>("() => window.__evenhandCsp");
        Assert.Contains(violations, v => v.StartsWith("script-src", StringComparison.Ordinal));
    }
}

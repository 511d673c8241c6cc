using Evenhand.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Evenhand.BrowserTests;

/// <summary>axe scans of the main pages, as the people who use them see them.</summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task SignInPage_HasNoSeriousViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task HomePage_SignedIn_HasNoSeriousViolations()
    {
        var page = await browser.NewPageAsync(DemoUsers.Governance("cheshire"));
        await page.GotoAsync("/");

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task ForceRecommendations_HaveNoSeriousViolations()
    {
        var page = await browser.NewPageAsync(DemoUsers.Governance("cheshire"));
        await page.GotoAsync("/forces/cheshire/recommendations");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task RecommendationDetail_WithItsForms_HasNoSeriousViolations()
    {
        var page = await browser.NewPageAsync(DemoUsers.Governance("cheshire"));
        await page.GotoAsync("/forces/cheshire/recommendations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Recommendation 16", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save update" })).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task RecommendationDetail_AfterFailedUpdate_HasNoSeriousViolations()
    {
        var page = await browser.NewPageAsync(DemoUsers.Governance("cleveland"));
        await page.GotoAsync("/forces/cleveland/recommendations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Recommendation 16", Exact = true }).ClickAsync();
        // Complete without evidence is refused: the page comes back with its error state.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Complete", Exact = true }).CheckAsync();
        await page.GetByLabel("Evidence", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save update", Exact = true }).ClickAsync();
        // Wait for the refused page itself (its error summary), not for its load event: once, in a shuffled run (seed 949951),
        // Playwright reported the page's networkidle but never its load, and a load-state wait ran out after 45 s.
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task NationalView_HasNoSeriousViolations()
    {
        var page = await browser.NewPageAsync(DemoUsers.Inspectorate);
        await page.GotoAsync("/national");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task NationalSection55View_HasNoSeriousViolations()
    {
        var page = await browser.NewPageAsync(DemoUsers.Inspectorate);
        await page.GotoAsync("/national");
        await page.GetByRole(AriaRole.Link, new() { Name = "Section 55 responses across forces", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Section 55 responses across forces" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#section55-forces tbody tr")).ToHaveCountAsync(43);

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // Filtered by status, with the caption saying so.
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Late" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#section55-forces caption")).ToContainTextAsync("late");

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task Section55Responses_HaveNoSeriousViolations()
    {
        var page = await browser.NewPageAsync(DemoUsers.Pcc("cheshire"));
        await page.GotoAsync("/forces/cheshire/responses");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task AuditLog_PagedByKey_HasNoSeriousViolations_AndItsLinksMoveForwardsAndBack()
    {
        // Enough entries for two pages: failed sign-ins are audited (without the email typed).
        var visitor = await browser.NewPageAsync();
        for (var i = 0; i < 55; i++)
        {
            await visitor.GotoAsync("/account/sign-in");
            await visitor.GetByLabel("Email address", new() { Exact = true }).FillAsync($"nobody{i}@example.invalid");
            await visitor.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-password");
            await visitor.RunAndWaitForResponseAsync(
                () => visitor.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.Contains("/account/sign-in", StringComparison.Ordinal));
        }

        var page = await browser.NewPageAsync(DemoUsers.Administrator);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Audit log" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#audit-entries tbody tr")).ToHaveCountAsync(50);

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        var first = await page.Locator("#audit-entries tbody tr").First.GetAttributeAsync("data-entry");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-pagination__item--current")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#audit-entries tbody tr").First).Not.ToHaveAttributeAsync("data-entry", first!);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).GetByRole(AriaRole.Link, new() { Name = "Previous page" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit-entries tbody tr").First).ToHaveAttributeAsync("data-entry", first!);

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }
}

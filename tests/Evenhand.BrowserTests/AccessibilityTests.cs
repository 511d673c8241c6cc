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
        await page.WaitForLoadStateAsync(LoadState.Load);

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
}

using Evenhand.Accounts;
using Evenhand.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Evenhand.BrowserTests;

[Collection(BrowserCollection.Name)]
public class SignInTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task SignIn_WrongPassword_ShowsErrorSummaryLinkedToTheField()
    {
        var page = await browser.NewPageAsync();

        // A user of this test's own: the failed attempt counts towards a lockout.
        await BrowserFixture.SignInAsync(page, await browser.CreateUserAsync(Roles.PccOffice, "west-midlands"), "not-the-password-at-all");

        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("There is a problem");
        var link = summary.GetByRole(AriaRole.Link);
        await Assertions.Expect(link).ToHaveCountAsync(1);
        var target = await link.GetAttributeAsync("href");
        Assert.StartsWith("#", target);
        // The link lands on a field that exists on the page.
        await Assertions.Expect(page.Locator(target!)).ToBeVisibleAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
    }

    [BrowserFact]
    public async Task SignIn_RightPassword_ShowsTheUserInTheHeader()
    {
        // A user of this test's own: signing out ends every session of the user, everywhere.
        var page = await browser.NewPageAsNewUserAsync(Roles.ForceGovernance, "cheshire");

        await page.GotoAsync("/");

        var header = page.GetByRole(AriaRole.Banner);
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Evenhand" })).ToBeVisibleAsync();
        await Assertions.Expect(header.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Your force" }))
            .ToHaveAttributeAsync("href", "/forces/cheshire/recommendations");
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Section 55 responses" }))
            .ToHaveAttributeAsync("href", "/forces/cheshire/responses");

        await header.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}

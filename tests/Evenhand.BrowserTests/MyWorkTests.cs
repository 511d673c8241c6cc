using System.Text.RegularExpressions;
using Evenhand.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Evenhand.BrowserTests;

/// <summary>Issue 11: each role's home page ("Your work") and navigation, as they see it in a browser, at desktop width and at 375 px.</summary>
[Collection(BrowserCollection.Name)]
public class MyWorkTests(BrowserFixture browser, ITestOutputHelper output)
{
    public static TheoryData<string, string[], string[]> Roles => new()
    {
        // who, menu items they must have, menu items they must not have
        { "governance.cheshire", ["Your work", "Your force", "Section 55 responses", "Hate incidents", "Governance registers", "May I wear it?"], ["Users"] },
        { "pcc.cheshire", ["Your work", "Section 55 responses", "Hate incidents", "Governance registers"], ["Users"] },
        { "comms.cheshire", ["Your work", "Governance registers", "Social media", "May I wear it?"], ["Hate incidents", "Section 55 responses"] },
        { "calltaker.cheshire", ["Your work", "Hate incidents", "May I wear it?"], ["Section 55 responses", "Governance registers", "Social media"] },
        { "specialist.cheshire", ["Your work", "Hate incidents", "May I wear it?"], ["Section 55 responses", "Governance registers"] },
        { "registrar.cheshire", ["Your work", "Hate incidents", "May I wear it?"], ["Section 55 responses", "Governance registers"] },
        { "inspectorate", ["Your work", "National view", "Inspections"], ["Users", "May I wear it?"] },
        { "admin", ["Your work", "Users", "Email outbox"], ["May I wear it?"] },
    };

    [BrowserTheory, MemberData(nameof(Roles))]
    public async Task HomePage_ForEachRole_ShowsTheirWorkAndTheirMenu_AndIsAccessible_AtDesktopAnd375px(string user, string[] has, string[] hasNot)
    {
        var page = await browser.NewPageAsync($"{user}@{DemoUsers.Domain}");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Your work" })).ToBeVisibleAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        foreach (var item in has)
        {
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToBeVisibleAsync();
        }

        foreach (var item in hasNot)
        {
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToHaveCountAsync(0);
        }

        // "Your work" is the current page.
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Your work", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // At 375 px: nothing wider than the screen, the menu behind its button, still accessible.
        await page.SetViewportSizeAsync(375, 812);
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{user}: the home page is wider than 375 px");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await toggle.ClickAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = has[^1], Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task Specialist_SeesOverdueReviews_AndEachLinksToWhereItIsDone()
    {
        var page = await browser.NewPageAsync($"specialist.cleveland@{DemoUsers.Domain}");
        await page.GotoAsync("/");
        var overdue = page.Locator("#overdue");
        await Assertions.Expect(overdue.Locator("[data-kind='review']").First).ToBeVisibleAsync();
        await overdue.Locator("[data-kind='review'] a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/hate-incidents/[^/]+/review$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task RemindersPage_ChoosingAPreferenceAndMakingAFeed_IsAccessible()
    {
        var page = await browser.NewPageAsync(DemoUsers.Pcc("hampshire-and-isle-of-wight"));
        await page.GotoAsync("/account/reminders");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.GetByRole(AriaRole.Radio, new() { Name = "No emails" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your email reminders have been changed")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "No emails" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a calendar feed address" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feed-url")).ToContainTextAsync("/calendar/");
        await page.SetViewportSizeAsync(375, 812);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the reminders page is wider than 375 px");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task Outbox_ForAdministrators_IsAccessible()
    {
        var page = await browser.NewPageAsync(DemoUsers.Administrator);
        await page.GotoAsync("/admin/outbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Email outbox" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }
}

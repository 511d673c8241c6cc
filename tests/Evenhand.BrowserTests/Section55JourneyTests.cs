using System.Text.RegularExpressions;
using Evenhand.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Evenhand.BrowserTests;

/// <summary>
/// The PCC office's section 55 journey in Chromium: a draft, a refused publish that keeps everything typed, completing the
/// statutory items from the refusal's links, checking answers, publishing, and the public page with the stance. axe on every
/// page of it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class Section55JourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task DraftRefusedPublishCompleteCheckPublish_PublicPageShowsTheStance()
    {
        var page = await browser.NewPageAsync(DemoUsers.Pcc("cheshire"));
        await page.GotoAsync("/forces/cheshire/responses");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("#tasks")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#due")).ToContainTextAsync("4 November 2024");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        var responseUrl = new Uri(page.Url).AbsolutePath;

        // A draft answer to recommendation 10, saved.
        await page.Locator("#Answers_10__Text").FillAsync("A visible representations policy was issued on 1 March 2025.");
        await page.Locator("#Answers_10__Stance").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Response saved");

        // Publishing now is refused: each missing item is listed and linked; what was typed stays.
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and publish" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("#PublishedOn").FillAsync("1");
        await page.Locator("#PublishedOn_Month").FillAsync("11");
        await page.Locator("#PublishedOn_Year").FillAsync("2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the response" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Recommendation 4 needs an answer (section 55(5B))");
        await Assertions.Expect(summary).ToContainTextAsync("Recommendation 21 needs an answer");
        await Assertions.Expect(summary).ToContainTextAsync("chief officer was invited");
        await Assertions.Expect(page.Locator("#PublishedOn")).ToHaveValueAsync("1");
        await Assertions.Expect(page.Locator("#PublishedOn_Year")).ToHaveValueAsync("2024");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // The link goes to the field; the earlier answer is still there.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Recommendation 4 needs an answer (section 55(5B))" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#Answers_4__Text$"));
        await Assertions.Expect(page.Locator("#Answers_10__Text")).ToHaveValueAsync("A visible representations policy was issued on 1 March 2025.");

        await page.Locator("#ChiefOfficerInvitedOn").FillAsync("12");
        await page.Locator("#ChiefOfficerInvitedOn_Month").FillAsync("9");
        await page.Locator("#ChiefOfficerInvitedOn_Year").FillAsync("2024");
        await page.Locator("#ChiefOfficerNoCommentsNote").FillAsync("The Chief Constable was invited to comment by 30 September 2024 and submitted none.");
        await page.Locator("#PccComments").FillAsync("I welcome the report and will hold the force to account for its recommendations.");
        await page.Locator("#Answers_4__Text").FillAsync("The force will review each event its officers attend within 28 days.");
        await page.Locator("#Answers_4__Stance").CheckAsync();
        await page.Locator("#Answers_21__Text").FillAsync("The force funds no staff network, so it has no funding to withdraw.");
        await page.Locator("#Answers_21__Stance-none").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Response saved");
        await Assertions.Expect(page.Locator("#task-check-status")).ToHaveTextAsync("Ready");

        // Check your answers, then publish.
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and publish" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#check-answers")).ToContainTextAsync("The force funds no staff network");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("#PublishedOn").FillAsync("1");
        await page.Locator("#PublishedOn_Month").FillAsync("11");
        await page.Locator("#PublishedOn_Year").FillAsync("2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the response" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Response published");
        Assert.Equal(responseUrl, new Uri(page.Url).AbsolutePath);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // The public page, signed out: the stance per recommendation.
        var reader = await browser.NewPageAsync();
        var opened = await reader.GotoAsync(responseUrl.Replace("/forces/", "/public/", StringComparison.Ordinal));
        Assert.Equal(200, opened!.Status);
        await Assertions.Expect(reader.Locator("#recommendation-21 .evenhand-stance")).ToHaveTextAsync("No action, with the reason");
        await Assertions.Expect(reader.Locator("#recommendation-4 .evenhand-stance")).ToHaveTextAsync("Action taken or proposed");
        await Accessibility.AssertNoSeriousViolationsAsync(reader, output);
    }
}

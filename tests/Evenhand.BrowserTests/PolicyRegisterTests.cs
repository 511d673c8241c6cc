using System.Globalization;
using Evenhand.BrowserTests.Infrastructure;
using Evenhand.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Evenhand.BrowserTests;

/// <summary>The policy register end to end: add a policy, record its equality impact assessment, see recommendation 13's indicator move.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyRegisterTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Force = "cleveland";

    [BrowserFact]
    public async Task AddAPolicyAndItsAssessment_TheRecommendationIndicatorMoves()
    {
        var page = await browser.NewPageAsync(DemoUsers.Governance(Force));
        var before = await IndicatorAsync(page, 13);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Governance registers", Exact = true }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.GetByRole(AriaRole.Link, new() { Name = "Policies and equality impact assessments", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Policies and equality impact assessments" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a policy" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add policy" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the policy's title");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        var title = "Browser policy " + Guid.NewGuid().ToString("N")[..6];
        var today = TestClock.Today;
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Owner", new() { Exact = true }).FillAsync("Head of Equality, Diversity and Inclusion");
        await page.Locator("#RelatesToEqualityAct").CheckAsync();
        await page.Locator("#LastReviewedOn").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#LastReviewedOn_Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#LastReviewedOn_Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add policy" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#policy-flags")).ToContainTextAsync("No equality impact assessment");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Record an equality impact assessment" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("#AssessedOn").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#AssessedOn_Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#AssessedOn_Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Assessor", new() { Exact = true }).FillAsync("S. Clarke");
        await page.Locator("#AssessorTrainedOn").FillAsync("10");
        await page.Locator("#AssessorTrainedOn_Month").FillAsync("1");
        await page.Locator("#AssessorTrainedOn_Year").FillAsync("2024");
        foreach (var c in new[] { "Age", "Disability", "GenderReassignment", "MarriageAndCivilPartnership", "PregnancyAndMaternity", "Race", "ReligionOrBelief", "Sex", "SexualOrientation" })
        {
            await page.Locator($"#Impact_{c}_Neutral").CheckAsync();
            await page.Locator($"#Rationale_{c}").FillAsync("Workforce and community data reviewed; no differential effect found.");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Record assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("assessment recorded");
        await Assertions.Expect(page.Locator("#policy-flags")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        var after = await IndicatorAsync(page, 13);
        Assert.Equal(before.InDate + 1, after.InDate);
        Assert.Equal(before.Total + 1, after.Total);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    [BrowserFact]
    public async Task EveryRegistersPages_HaveNoSeriousViolations()
    {
        var page = await browser.NewPageAsync(DemoUsers.Governance(Force));
        foreach (var register in new[] { "visible-representations", "political-contacts", "events", "advisory-groups", "staff-networks", "horizon-scan" })
        {
            await page.GotoAsync($"/forces/{Force}/governance/{register}");
            await Accessibility.AssertNoSeriousViolationsAsync(page, output);
            var first = page.Locator("main table tbody a.govuk-link").First;
            await first.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, output);
            await page.GotoAsync($"/forces/{Force}/governance/{register}/new");
            await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        }

        await page.GotoAsync($"/forces/{Force}/governance");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.GotoAsync($"/forces/{Force}/governance/visible-representations/may-i-wear");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.GotoAsync($"/forces/{Force}/governance/visible-representations/policy");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    /// <summary>Recommendation N's page for the force, and its first register indicator as "x of y".</summary>
    private static async Task<(int InDate, int Total)> IndicatorAsync(IPage page, int number)
    {
        await page.GotoAsync($"/forces/{Force}/recommendations");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Recommendation {number}", Exact = true }).ClickAsync();
        var value = await page.Locator("#register-indicators .govuk-summary-list__value").First.InnerTextAsync();
        var parts = value.Split(' ');
        return parts[0] == "no" ? (0, 0) : (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}

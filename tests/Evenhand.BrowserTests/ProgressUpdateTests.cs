using System.Text.RegularExpressions;
using Evenhand.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Evenhand.BrowserTests;

[Collection(BrowserCollection.Name)]
public partial class ProgressUpdateTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task UpdateProgress_ByForceGovernance_ShowsInTheNationalView()
    {
        // Force governance in Cheshire records progress on recommendation 16.
        var page = await browser.NewPageAsync(DemoUsers.Governance("cheshire"));
        await page.GotoAsync("/forces/cheshire/recommendations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Recommendation 16", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recommendation 16", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "In progress", Exact = true }).CheckAsync();
        await page.GetByLabel("Evidence", new() { Exact = true }).FillAsync("Impartiality guidance drafted; goes to the force executive board in March.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save update", Exact = true }).ClickAsync();

        var banner = page.Locator(".govuk-notification-banner--success");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Impartiality guidance drafted", new() { Exact = false }).First).ToBeVisibleAsync();

        // The inspectorate, in a browser of its own, sees it in the national matrix.
        var inspector = await browser.NewPageAsync(DemoUsers.Inspectorate);
        await inspector.GotoAsync("/national");
        var cell = await MatrixCellAsync(inspector, "Cheshire", "16");
        await Assertions.Expect(cell).ToContainTextAsync("In progress");
    }

    /// <summary>The cell of the national matrix for a force's row and a recommendation's column, found by the table's own headers.</summary>
    private static async Task<ILocator> MatrixCellAsync(IPage page, string force, string recommendation)
    {
        var table = page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Force", Exact = true }) });
        await Assertions.Expect(table).ToHaveCountAsync(1);

        var headers = await table.Locator("thead tr").First.Locator("th, td").AllInnerTextsAsync();
        var column = headers.ToList().FindIndex(h => RecommendationHeader().Match(h.Trim()) is { Success: true } m && m.Groups[1].Value == recommendation);
        Assert.True(column >= 0, $"No column for recommendation {recommendation} in: {string.Join(" | ", headers)}");

        var row = table.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader).Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(force)) }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        return row.Locator("th, td").Nth(column);
    }

    [GeneratedRegex(@"^Rec(?:ommendation)?\s*(\d+)$")]
    private static partial Regex RecommendationHeader();
}

using System.Globalization;
using System.Text;
using Evenhand.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Evenhand.BrowserTests;

/// <summary>
/// The communications team's social media journey in Chromium: import an export through the upload page, read the dashboard,
/// draw a dip sample, mark every post, and see the keyword's precision on the dashboard; with an axe scan of each page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SocialMediaJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private const string Force = "cheshire";
    private const string Comms = "comms." + Force + "@" + DemoUsers.Domain;

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"evenhand-social-browser-{Guid.NewGuid():N}");

    private const string Accounts =
        "account_id,handle,full_name,description,followers,total_posts,created_at,location,verified,url,force,account_type\n" +
        "a1,CheshirePolice,Cheshire Police,Official account of Cheshire Constabulary,100000,5000,2010-01-01T00:00:00Z,Cheshire,true,,cheshire,main\n" +
        "a2,CheshireLGBTNet,Cheshire Police LGBT+ Network,Staff network,1000,300,2016-01-01T00:00:00Z,Cheshire,false,,cheshire,network\n" +
        "a3,CheshireDogs,Cheshire Police Dogs,Our police dogs,3000,400,,Cheshire,false,,cheshire,\n";

    private static string Posts()
    {
        var csv = new StringBuilder("post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,original_author\n");
        string[] texts =
        [
            "Proud to celebrate Pride month with colleagues", "Happy Pride everyone", "Pride parade road closures on Saturday", "Racism has no place here",
            "Missing person appeal: have you seen Sam?", "Road closed after collision", "Burglary prevention tips", "Dogs training day",
            "Man arrested and charged", "Join our specials",
        ];
        for (var i = 0; i < 30; i++)
        {
            var account = i % 3 == 0 ? "a2" : i % 3 == 1 ? "a1" : "a3";
            csv.Append(CultureInfo.InvariantCulture, $"p{i:D2},{account},{2021 + (i % 3)}-0{1 + (i % 9)}-1{i % 10}T10:00:00Z,\"{texts[i % texts.Length]}\",{i * 7 % 50},{i % 4},0,{i % 2},false,\n");
        }

        return csv.ToString();
    }

    [BrowserFact]
    public async Task ImportDrawAndReviewASample_PrecisionAppearsOnTheDashboard()
    {
        Directory.CreateDirectory(folder);
        var accountsPath = Path.Combine(folder, "accounts.csv");
        var postsPath = Path.Combine(folder, "posts.csv");
        await File.WriteAllTextAsync(accountsPath, Accounts);
        await File.WriteAllTextAsync(postsPath, Posts());
        var page = await browser.NewPageAsync(Comms);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Social media", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Social media analysis", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Import a dataset" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import a dataset" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // Without files, the errors are listed and linked to their fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import dataset" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the posts file");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        var name = "Browser export " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Name of the dataset").FillAsync(name);
        await page.GetByLabel("Accounts file", new() { Exact = true }).SetInputFilesAsync(accountsPath);
        await page.GetByLabel("Posts file", new() { Exact = true }).SetInputFilesAsync(postsPath);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import dataset" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Imported 30 posts from 3 accounts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#headline-posts")).ToHaveTextAsync("30");
        await Assertions.Expect(page.Locator("#keyword-table tr[data-keyword='pride'] td").Last).ToHaveTextAsync("not sampled yet");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        var dashboard = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Posts", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#post-count")).ToContainTextAsync("30 posts");
        await page.GetByLabel("Classification").SelectOptionAsync("non-operational");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter posts" }).ClickAsync();
        await Assertions.Expect(page.Locator("#post-list")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Dip samples", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dip samples" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.GetByLabel("Keyword", new() { Exact = true }).SelectOptionAsync("pride");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw sample" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("containing 'pride'");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // Mark every post: those Evenhand classified non-operational are; the others are operational.
        var posts = page.Locator("#review-form .evenhand-post");
        var count = await posts.CountAsync();
        Assert.True(count > 0, "The sample has no posts.");
        for (var i = 0; i < count; i++)
        {
            var post = posts.Nth(i);
            var nonOperational = (await post.InnerTextAsync()).Contains("Evenhand classified it non-operational", StringComparison.Ordinal);
            await post.GetByLabel(nonOperational ? "Non-operational" : "Operational", new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The sample is complete");
        await Assertions.Expect(page.Locator("#sample-list")).ToContainTextAsync($"{count} of {count}");

        await page.GotoAsync(dashboard);
        await Assertions.Expect(page.Locator("#keyword-table tr[data-keyword='pride'] td").Last).ToContainTextAsync($"{count} of {count} reviewed");
        await Assertions.Expect(page.Locator("#keyword-table tr[data-keyword='pride'] td").Last).ToContainTextAsync("precision");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

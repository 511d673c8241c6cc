using System.Text.RegularExpressions;
using Evenhand.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Evenhand.BrowserTests;

/// <summary>
/// Issue 14, point 5: the pages with the widest content — the national view, the social media dashboards and the hate-incident
/// analysis — on a 375 px phone and a 1280 px desktop: the page itself never scrolls sideways (wide tables scroll inside their
/// own region, charts scale to the width), and axe finds nothing serious. Every collapsed section is opened first, so the
/// tables inside them are measured too.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class NarrowScreenTests(BrowserFixture browser, ITestOutputHelper output)
{
    public static TheoryData<string, int> Pages => new()
    {
        { "national", 375 }, { "national", 1280 },
        { "social-dashboard", 375 }, { "social-dashboard", 1280 },
        { "national-social-dashboard", 375 },
        { "hate-analysis", 375 }, { "hate-analysis", 1280 },
        { "hate-analysis-areas", 375 },
    };

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Page_FitsTheScreenWidth_AndPassesAxe(string which, int width)
    {
        var (user, url) = which switch
        {
            "national" => (DemoUsers.Inspectorate, "/national"),
            "social-dashboard" => (DemoUsers.Governance("cheshire"), "/forces/cheshire/social-media"),
            "national-social-dashboard" => (DemoUsers.Inspectorate, "/social-media"),
            "hate-analysis" => (DemoUsers.Governance("cheshire"), "/forces/cheshire/hate-incidents/analysis"),
            _ => (DemoUsers.Governance("cheshire"), "/forces/cheshire/hate-incidents/analysis?show=areas"),
        };
        var page = await browser.NewPageAsync(user);
        await page.SetViewportSizeAsync(width, width < 600 ? 812 : 900);
        await page.GotoAsync(url);
        if (which.EndsWith("social-dashboard", StringComparison.Ordinal))
        {
            // The list of datasets, then the first ready dataset's analysis.
            var home = new Uri(page.Url).AbsolutePath;
            var hrefs = await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            var dataset = hrefs.First(h => DatasetLink().IsMatch(h) && h.StartsWith(home + "/", StringComparison.Ordinal));
            await page.GotoAsync(dataset);
            await Assertions.Expect(page.Locator("#topics-chart, #topics-none")).ToBeAttachedAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

        var fit = await page.EvaluateAsync<PageWidth>(MeasureScript);
        Assert.True(fit.ScrollWidth <= fit.InnerWidth,
            $"{page.Url} at {width} px: the page is {fit.ScrollWidth} px wide in a {fit.InnerWidth} px window. Sticking out: {fit.Culprits}");
        Assert.True(fit.Charts == 0 || fit.WidestChart <= fit.InnerWidth, $"{page.Url} at {width} px: a chart is {fit.WidestChart} px wide");
        if (which is "hate-analysis" or "social-dashboard" or "national-social-dashboard")
        {
            Assert.True(fit.Charts > 0, $"{page.Url}: expected a chart on the page");
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }

    public sealed class PageWidth
    {
        public int ScrollWidth { get; set; }

        public int InnerWidth { get; set; }

        public int Charts { get; set; }

        public double WidestChart { get; set; }

        public string Culprits { get; set; } = "";
    }

    /// <summary>The page's width against the window's, the widest chart, and the outermost elements that reach past the window.</summary>
    private const string MeasureScript = """
        () => {
          const inner = window.innerWidth;
          const charts = [...document.querySelectorAll('svg.evenhand-chart')].map(s => s.getBoundingClientRect().right);
          const culprits = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > inner + 0.5 && !(e.closest('.evenhand-table-scroll *') && getComputedStyle(e).position !== 'absolute'))
            .filter(e => !(e.parentElement && e.parentElement.getBoundingClientRect().right > inner + 0.5))
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
              + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: inner,
            charts: charts.length,
            widestChart: charts.length ? Math.max(...charts) : 0,
            culprits: culprits.join(', ') || 'none found',
          };
        }
        """;

    [GeneratedRegex(@"^(/forces/[a-z-]+)?/social-media/\d+$")]
    private static partial Regex DatasetLink();
}

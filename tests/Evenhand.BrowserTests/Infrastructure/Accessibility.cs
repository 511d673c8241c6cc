using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Evenhand.BrowserTests.Infrastructure;

/// <summary>axe-core scans: a page passes when axe finds nothing of impact "serious" or "critical" (WCAG 2.2 AA and best practice).</summary>
public static class Accessibility
{
    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>Set to a folder to keep a full-page screenshot of every page scanned, for a person to look at.</summary>
    public const string ScreenshotsVariable = "EVENHAND_SCREENSHOTS";

    /// <summary>Run before each page's own scripts: keeps every content security policy violation the page reports.</summary>
    public const string RecordCspViolationsScript =
        "window.__evenhandCsp = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__evenhandCsp.push(" +
        "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '') + ':' + e.lineNumber + ' ' + (e.sample || '')));";

    /// <summary>Nothing on the page was blocked by the content security policy (an inline script or style attribute, say).</summary>
    public static async Task AssertNoCspViolationsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__evenhandCsp || []");
        Assert.True(violations.Length == 0, $"The content security policy blocked {violations.Length} thing(s) on {page.Url}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, violations));
    }

    public static async Task AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper? output = null)
    {
        await AssertNoCspViolationsAsync(page);

        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = new Uri(page.Url).PathAndQuery.Trim('/').Replace('/', '_').Replace('?', '_');
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, (name.Length == 0 ? "home" : name) + ".png"), FullPage = true });
        }

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions
            {
                Type = "tag",
                Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            },
        });

        var minor = result.Violations.Where(v => !Failing.Contains(v.Impact)).ToList();
        if (minor.Count > 0)
        {
            output?.WriteLine($"axe, {page.Url}: lesser findings (not failing): " + Describe(minor));
        }

        var serious = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
        Assert.True(serious.Count == 0, $"axe found {serious.Count} serious or critical accessibility violation(s) on {page.Url}:{Environment.NewLine}{Describe(serious)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.AppendLine($"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}");
            foreach (var node in v.Nodes.Take(10))
            {
                text.AppendLine($"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                    .Select(c => c.Message)
                    .Where(m => !string.IsNullOrWhiteSpace(m))
                    .Distinct()
                    .ToList();
                if (checks.Count > 0)
                {
                    text.AppendLine("      " + string.Join("; ", checks).ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }
}

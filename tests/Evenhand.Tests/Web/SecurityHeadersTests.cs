using System.Net;
using Evenhand.Accounts;
using Evenhand.Tests.Infrastructure;
using Evenhand.Web.Infrastructure;

namespace Evenhand.Tests.Web;

/// <summary>Issue 15, point 2 and 5: the headers every response carries, and no caching of what a signed-in user sees.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task SignedInPage_HasTheSecurityHeaders_AndIsNotStored(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "cheshire");

        var response = await client.GetAsync("/forces/cheshire/recommendations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(SecurityHeaders.ReferrerPolicy, Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AnonymousPagesAndErrors_HaveTheSecurityHeadersToo(string provider)
    {
        var app = apps.Get(provider);
        using var client = app.Client();

        foreach (var url in new[] { "/account/sign-in", "/", "/no-such-page", "/api/v1/forces" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.Headers.Contains("Content-Security-Policy"), url);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task SignedIn_ApiAnswersAndCsvDownloads_AreNotStored(string provider)
    {
        var app = apps.Get(provider);
        using var client = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "cheshire");

        foreach (var url in new[] { "/api/v1/forces/cheshire/recommendations", "/forces/cheshire/governance/policies?handler=Csv", "/forces/cheshire/governance/political-contacts?handler=Csv" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control: no-store");
        }
    }

    /// <summary>The CSP allows no inline script and no style attributes: no page template may carry either.</summary>
    [Fact]
    public void PageTemplates_HaveNoInlineScriptOrStyle()
    {
        var offending = TestPaths.MatchingLines(
            TestPaths.SourceFiles("src/Evenhand.Web/Pages", ".cshtml"),
            text => System.Text.RegularExpressions.Regex.IsMatch(text, @"<script(?![^>]*\bsrc=)|\sstyle=|<style|\son[a-z]+=\s*""", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

        Assert.True(offending.Count == 0, "Inline script or style the CSP would block:\n" + string.Join("\n", offending));
    }
}

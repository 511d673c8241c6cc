using System.Text.RegularExpressions;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Web;

/// <summary>
/// Each form rule lives in the domain once (issue 14): a page model adds an error of its own only for a value it could not
/// read or a question the domain never sees. This reads every page model's error messages and every message the domain
/// refuses with, and fails when a page repeats a domain rule's words (the sign of a rule written twice, which can hide the
/// domain's own rule and reaches the form in a second round).
/// </summary>
public sealed partial class ValidationOnceTests
{
    [Fact]
    public void NoPageModel_RepeatsARuleTheDomainHolds()
    {
        var domain = TestPaths.SourceFiles("src/Evenhand", ".cs")
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Select(m => Normalise(m.Groups["text"].Value)))
            .ToHashSet(StringComparer.Ordinal);
        var repeated = TestPaths.SourceFiles("src/Evenhand.Web", ".cs")
            .SelectMany(f => PageError().Matches(File.ReadAllText(f))
                .Select(m => Normalise(m.Groups["text"].Value))
                .Where(domain.Contains)
                .Select(text => $"{TestPaths.Relative(f)}: {text}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(domain.Count > 200, $"Only {domain.Count} domain messages found: the scan is not reading the domain.");
        Assert.Empty(repeated);
    }

    /// <summary>A rule's words without case or a closing full stop (pages wrote them without, the domain with).</summary>
    private static string Normalise(string message) => message.Trim().TrimEnd('.').ToLowerInvariant();

    [GeneratedRegex("\"(?<text>[A-Z][^\"{}]{8,})\"")]
    private static partial Regex Literal();

    [GeneratedRegex("(?:AddModelError\\([^,]+,|Require\\w*\\([^;]*?)\\s*\"(?<text>[^\"]+)\"")]
    private static partial Regex PageError();
}

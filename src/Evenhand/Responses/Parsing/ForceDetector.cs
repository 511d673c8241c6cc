using System.Text.RegularExpressions;

namespace Evenhand.Responses.Parsing;

/// <summary>
/// Recognises which force a response is about from the names it uses: the force's name ("Cheshire Constabulary"),
/// its local policing body ("Police and Crime Commissioner for Cheshire") and the place name they share ("Cheshire").
/// The force named most often wins; a tie goes to the one named first. Longer names are matched before shorter ones,
/// so "West Midlands Police" counts once, for West Midlands.
/// </summary>
internal static partial class ForceDetector
{
    public static string? Detect(string text, IEnumerable<(string Slug, string Name, string LocalPolicingBody)> forces)
    {
        var candidates = new List<(string Slug, int Start, int Length)>();
        foreach (var (slug, name, body) in forces)
        {
            foreach (var alias in Aliases(name, body))
            {
                foreach (var pattern in new[] { alias, alias.ToUpperInvariant() })
                {
                    foreach (Match m in AliasRegex(pattern).Matches(text))
                    {
                        candidates.Add((slug, m.Index, m.Length));
                    }
                }
            }
        }

        // Keep the longest match wherever two overlap.
        var taken = new List<(int Start, int End)>();
        var counts = new Dictionary<string, (int Count, int First)>();
        foreach (var c in candidates.OrderByDescending(c => c.Length).ThenBy(c => c.Start))
        {
            if (taken.Any(t => c.Start < t.End && t.Start < c.Start + c.Length))
            {
                continue;
            }

            taken.Add((c.Start, c.Start + c.Length));
            counts[c.Slug] = counts.TryGetValue(c.Slug, out var s) ? (s.Count + 1, Math.Min(s.First, c.Start)) : (1, c.Start);
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.First).First().Key;
    }

    private static IEnumerable<string> Aliases(string name, string body)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal) { name.Trim() };
        var place = ForceSuffix().Replace(name.Trim(), "");
        aliases.Add(place);

        var cleanBody = Parenthetical().Replace(body ?? "", "").Trim();
        if (cleanBody.Length > 0)
        {
            aliases.Add(cleanBody);
            var area = BodyPrefix().Match(cleanBody);
            if (area.Success)
            {
                aliases.Add(area.Groups["area"].Value.Trim());
            }
        }

        // A bare place name must look like one: capitalised, and not a generic policing phrase.
        return aliases.Where(a => (a.Length >= 4 && char.IsUpper(a[0]) && !GenericWords().IsMatch(a)) || a == name.Trim() || a == cleanBody);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> AliasCache = new(StringComparer.Ordinal);

    private static Regex AliasRegex(string alias) => AliasCache.GetOrAdd(alias, BuildAliasRegex);

    private static Regex BuildAliasRegex(string alias)
    {
        // Allow "Hampshire and the Isle of Wight" for "Hampshire and Isle of Wight", and any spacing.
        var words = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        return new Regex(@"(?<![\w-])" + string.Join(@"\s+(?:the\s+)?", words) + @"(?![\w-])", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\s+(?:Police\s+Service|Police\s+Force|Constabulary|Police)$")]
    private static partial Regex ForceSuffix();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^(?:Police,?\s+(?:Fire\s+and\s+)?Crime(?:\s+and\s+Victims')?\s+Commissioner|Police\s+and\s+Crime\s+Commissioner|Mayor)\s+(?:for|of)\s+(?<area>.+)$")]
    private static partial Regex BodyPrefix();

    [GeneratedRegex(@"\b(?:Police|Policing|Crime|Commissioner|Mayor|Office|Authority|Council)\b")]
    private static partial Regex GenericWords();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Evenhand.Inspections.Parsing;

namespace Evenhand.Responses.Parsing;

/// <summary>
/// Tells when a document answers a different inspection from the one it is being matched against, so that it is refused
/// rather than half-mapped. A document is taken to be about this inspection, and never refused, when it quotes or
/// paraphrases any of the inspection's recommendations, or uses at least half of the distinctive words of the inspection's
/// title (for "An inspection into activism and impartiality in policing": "activism" and "impartiality") anywhere. Otherwise
/// it is refused when its opening names another inspection (a "Title of inspection:" line, or a programme such as PEEL or
/// the police response to violence against women and girls that this inspection's title does not mention), or when it
/// cites two or more recommendation numbers this inspection does not have.
/// </summary>
internal static partial class OtherInspection
{
    // How much of the document counts as its opening, where the title and the form's details are.
    private const int HeadLines = 40;

    // Inspections and programmes a response may name; the name is what the message says when no title line is found.
    private static readonly (Regex Pattern, string Name)[] Known =
    [
        (PeelRegex(), "a PEEL inspection (police effectiveness, efficiency and legitimacy)"),
        (new Regex(@"violence\s+against\s+women\s+and\s+girls|\bVAWG\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "an inspection of the police response to violence against women and girls"),
        (new Regex(@"vetting,?\s+misconduct\s+and\s+misogyny", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "the inspection of vetting, misconduct and misogyny"),
        (new Regex(@"\bcustody\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "a custody inspection"),
        (new Regex(@"\bchild\s+protection\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "a child protection inspection"),
        (new Regex(@"\bstalking\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "an inspection of stalking and harassment"),
        (new Regex(@"\bdomestic\s+abuse\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "an inspection of the response to domestic abuse"),
        (new Regex(@"\bfraud\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "an inspection of the response to fraud"),
        (new Regex(@"serious\s+and\s+organised\s+crime", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "an inspection of serious and organised crime"),
        (new Regex(@"counter[-\s]terrorism", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "a counter-terrorism inspection"),
        (new Regex(@"rape\s+and\s+serious\s+sexual\s+offences|\bRASSO\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "an inspection of rape and serious sexual offences"),
        (new Regex(@"crime\s+data\s+integrity", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "a crime data integrity inspection"),
        (new Regex(@"digital\s+forensics", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "an inspection of digital forensics"),
        (new Regex(@"neighbourhood\s+policing", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "an inspection of neighbourhood policing"),
    ];

    // Words in almost every inspection's title, which say nothing about which inspection it is.
    private static readonly HashSet<string> GenericTitleWords = new(StringComparer.Ordinal)
    {
        "inspect", "inspection", "report", "thematic", "national", "review", "england", "wal", "wales", "forc", "force",
        "constabulary", "respons", "response", "final", "progress", "updat", "joint", "his", "majesty", "service",
        "servic", "part", "year", "annual", "assessment", "assess", "an", "of", "into",
    };

    /// <summary>The message refusing the document, or null when it may be a response to this inspection.</summary>
    public static string? Refusal(
        string text,
        IReadOnlyList<ParsedRecommendation> recommendations,
        string? inspectionTitle,
        bool quotesRecommendation,
        IReadOnlyCollection<int> unknownNumbers,
        string file)
    {
        if (quotesRecommendation)
        {
            return null;
        }

        var inspection = inspectionTitle is null ? "this inspection" : $"'{inspectionTitle}'";
        var titleTerms = inspectionTitle is null ? [] : FragmentMatcher.Terms(inspectionTitle).Where(t => !GenericTitleWords.Contains(t)).ToHashSet();
        if (titleTerms.Count > 0)
        {
            var documentTerms = FragmentMatcher.Terms(text);
            if (titleTerms.Count(documentTerms.Contains) * 2 >= titleTerms.Count)
            {
                return null;
            }
        }

        var suffix = $" It was not matched against {inspection}: choose the inspection it answers, or import that inspection's report first.";
        if (titleTerms.Count > 0 && NamedInspection(text, inspectionTitle!, titleTerms) is { } named)
        {
            return $"'{file}' seems to answer another inspection: it names {named}, and it neither names {inspection} nor quotes any of its recommendations." + suffix;
        }

        if (unknownNumbers.Count >= 2)
        {
            var highest = recommendations.Max(r => r.Number);
            var cited = unknownNumbers.Order().Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
            return $"'{file}' seems to answer another inspection: it cites recommendations {string.Join(", ", cited.Take(cited.Count - 1))} and {cited[^1]}, " +
                   $"but {inspection} has recommendations 1 to {highest.ToString(CultureInfo.InvariantCulture)}, and it quotes none of them." + suffix;
        }

        return null;
    }

    // The other inspection the document's opening names: its "Title of inspection" line, or a programme this inspection is not.
    private static string? NamedInspection(string text, string inspectionTitle, HashSet<string> titleTerms)
    {
        var head = text.ReplaceLineEndings("\n").Split('\n')
            .Select(l => MarkupText.CleanLine(l).Replace("\t", " : ", StringComparison.Ordinal).Trim(' ', ':'))
            .Where(l => l.Length > 0)
            .Take(HeadLines)
            .ToList();
        foreach (var line in head)
        {
            if (TitleLine().Match(line) is { Success: true } m)
            {
                var title = m.Groups["title"].Value.Trim().TrimEnd('.', ' ');
                var terms = FragmentMatcher.Terms(title).Where(t => !GenericTitleWords.Contains(t)).ToList();
                if (terms.Count >= 1 && titleTerms.Count(terms.Contains) * 2 < titleTerms.Count)
                {
                    return $"'{Shorten(title)}'";
                }
            }
        }

        foreach (var (pattern, name) in Known)
        {
            if (pattern.IsMatch(inspectionTitle))
            {
                continue;
            }

            if (head.FirstOrDefault(pattern.IsMatch) is { } line)
            {
                return line.Length <= 150 && WordCount(line) >= 3 ? $"'{Shorten(line)}' ({name})" : name;
            }
        }

        return null;
    }

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Shorten(string s) => s.Length <= 150 ? s : s[..s.LastIndexOf(' ', 150)] + "…";

    [GeneratedRegex(@"\bPEEL\b|police\s+effectiveness,?\s+efficiency\s+and\s+legitimacy", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeelRegex();

    // "Title of inspection: …", "Inspection title – …", "Report: …", "Re: …"
    [GeneratedRegex(@"^(?:title\s+of\s+(?:the\s+)?(?:inspection|report)|(?:inspection|report)(?:\s+title)?|re)\s*[:\-\u2013]\s*(?<title>.{6,300})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleLine();
}

using System.Text.RegularExpressions;

namespace Evenhand.Inspections.Parsing;

/// <summary>
/// Finds who a recommendation is addressed to. An addressee is a body named in the subject of a
/// "should" (or "must") sentence, including bodies it must consult or work with ("the Home Office, in
/// consultation with the NPCC, should …"); bodies that are only the object ("guidance for forces") are not.
/// Names are given in one canonical form whatever the spelling, apostrophe or abbreviation used.
/// </summary>
internal static partial class AddresseeRecogniser
{
    public const string Forces = "Forces";
    public const string ChiefConstables = "Chief constables";
    public const string ChiefOfficers = "Chief officers";

    // Longer names first, so "Association of Police and Crime Commissioners" is not also read as "police and crime commissioners".
    private static readonly (string Name, Regex Pattern)[] Bodies =
    [
        ("Government Equalities Office and Equality Hub", Rx(@"Government\s+Equalities\s+Office(?:\s+and\s+(?:the\s+)?Equality\s+Hub)?|Equality\s+Hub|\bGEO\b")),
        ("Association of Police and Crime Commissioners", Rx(@"Association\s+of\s+Police\s+and\s+Crime\s+Commissioners|\bAPCC\b")),
        ("National Police Chiefs' Council", Rx(@"National\s+Police\s+Chiefs'?\s*Council|\bNPCC\b")),
        ("National Police Coordination Centre", Rx(@"National\s+Police\s+Co-?ordination\s+Centre|\bNPoCC\b")),
        ("Independent Office for Police Conduct", Rx(@"Independent\s+Office\s+for\s+Police\s+Conduct|\bIOPC\b")),
        ("Equality and Human Rights Commission", Rx(@"Equality\s+and\s+Human\s+Rights\s+Commission|\bEHRC\b")),
        ("Information Commissioner's Office", Rx(@"Information\s+Commissioner'?s\s+Office|\bICO\b")),
        ("Police Federation of England and Wales", Rx(@"Police\s+Federation(?:\s+of\s+England\s+and\s+Wales)?")),
        ("Police Superintendents' Association", Rx(@"Police\s+Superintendents'?\s+Association")),
        ("Police Digital Service", Rx(@"Police\s+Digital\s+Service")),
        ("Police Advisory Board", Rx(@"Police\s+Advisory\s+Board(?:\s+for\s+England\s+and\s+Wales)?")),
        ("Police Staff Council", Rx(@"Police\s+Staff\s+Council")),
        ("College of Policing", Rx(@"College\s+of\s+Policing")),
        ("Crown Prosecution Service", Rx(@"Crown\s+Prosecution\s+Service|\bCPS\b")),
        ("Ministry of Justice", Rx(@"Ministry\s+of\s+Justice|\bMoJ\b")),
        ("Welsh Government", Rx(@"Welsh\s+Government")),
        ("Home Office", Rx(@"Home\s+Office(?!\s+(?:police\s+)?forces)")),
        ("Home Secretary", Rx(@"Home\s+Secretary")),
        ("Police and crime commissioners", Rx(@"police,?\s+(?:fire\s+and\s+)?crime\s+commissioners?|police\s+and\s+crime\s+commissioners?|\bP(?:F)?CCs?\b|local\s+policing\s+bod(?:y|ies)")),
        (ChiefConstables, Rx(@"chief\s+constables?")),
        (ChiefOfficers, Rx(@"chief\s+officers?")),
        (Forces, Rx(@"(?<!\b(?:use\s+of|armed|task)\s+)\b(?:police\s+)?forces?\b(?!'s\s+(?:chief|policy|policies))")),
    ];

    /// <summary>Everyone addressed, in the order first named, and the addressees of the first "should" sentence.</summary>
    public static (IReadOnlyList<string> All, IReadOnlyList<string> Primary) Recognise(string recommendationText)
    {
        var all = new List<string>();
        IReadOnlyList<string>? primary = null;
        foreach (var sentence in Sentences(recommendationText))
        {
            var verb = Directive().Match(sentence);
            if (!verb.Success)
            {
                continue;
            }

            var subject = DueDateParser.StripLeadingDeadline(sentence[..verb.Index]);
            var named = NamedBodies(subject);
            primary ??= named.Count > 0 ? named : null;
            foreach (var body in named.Where(b => !all.Contains(b)))
            {
                all.Add(body);
            }
        }

        // Written without "should" (for example "Chief constables to …"): fall back to every body named.
        if (all.Count == 0)
        {
            all.AddRange(NamedBodies(recommendationText));
        }

        return (all, primary ?? all.Take(1).ToList());
    }

    public static bool IsForceLevel(string addressee) => addressee is Forces or ChiefConstables or ChiefOfficers;

    /// <summary>The bodies named in a piece of text, in order of appearance, each once.</summary>
    internal static List<string> NamedBodies(string text)
    {
        text = MarkupText.StraightenQuotes(text);
        var taken = new bool[text.Length];
        var found = new List<(int Index, string Name)>();
        foreach (var (name, pattern) in Bodies)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (Enumerable.Range(m.Index, m.Length).Any(i => taken[i]))
                {
                    continue;
                }

                Array.Fill(taken, true, m.Index, m.Length);
                found.Add((m.Index, name));
            }
        }

        return found.OrderBy(f => f.Index).Select(f => f.Name).Distinct().ToList();
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(?:should|must)\b")]
    private static partial Regex Directive();

    [GeneratedRegex(@"(?<=[.;!?:])\s+(?=[A-Z""'(])|\n+")]
    private static partial Regex SentenceBreak();
}

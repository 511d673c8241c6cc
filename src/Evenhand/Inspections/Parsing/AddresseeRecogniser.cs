using System.Text.RegularExpressions;
using Evenhand.Forces;

namespace Evenhand.Inspections.Parsing;

/// <summary>
/// Finds who a recommendation is addressed to. An addressee is a body named in the subject of a
/// "should" (or "must") sentence, including bodies it must consult or work with ("the Home Office, in
/// consultation with the NPCC, should …"); bodies that are only the object ("guidance for forces") are not.
/// Names are given in one canonical form whatever the spelling, apostrophe or abbreviation used; a force named in full
/// ("Durham Constabulary", "West Midlands Police") is given by its name in <see cref="ForceCatalogue"/>.
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
        ("Police and crime commissioners", Rx(@"police,?\s+(?:fire\s+and\s+)?crime(?:\s+and\s+victims'?)?\s+commissioners?|police\s+and\s+crime\s+commissioners?|\bP(?:F)?CCs?\b|local\s+policing\s+bod(?:y|ies)")),
        (ChiefConstables, Rx(@"chief\s+constables?")),
        (ChiefOfficers, Rx(@"chief\s+officers?")),
        .. ForceCatalogue.All.Select(f => (f.Name, NamedForce(f))),
        (Forces, Rx(@"(?<!\b(?:use\s+of|armed|task)\s+)\b(?:(?:police\s+)?forces?|constabular(?:y|ies))\b(?!'s\s+(?:chief|policy|policies))")),
    ];

    private static readonly HashSet<string> ForceNames = ForceCatalogue.All.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    // "Durham Constabulary", "Avon & Somerset Police", "Metropolitan Police", the name as the catalogue gives it, and the
    // names still in common use for two forces. The bodies listed before it win where they overlap, so "West Midlands Police
    // and Crime Commissioner" stays a commissioner.
    private static Regex NamedForce(Force force)
    {
        static string Words(string name) =>
            string.Join(@"\s+", name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Equals("and", StringComparison.OrdinalIgnoreCase) ? "(?:and|&)" : Regex.Escape(w).Replace("-", "[-\u2010\u2011 ]", StringComparison.Ordinal)));

        var names = new List<string> { Words(force.Name), Words(force.ShortName) + @"\s+(?:Police(?:\s+Service)?|Constabulary)" };
        names.AddRange(force.Slug switch
        {
            "hampshire-and-isle-of-wight" => [@"Hampshire\s+Constabulary"],
            "metropolitan" => [@"(?-i:[Tt]he\s+Met)\b(?!\s+Office)"],
            _ => [],
        });
        return new Regex($@"\b(?:{string.Join('|', names)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// Everyone addressed, in the order first named, and the addressees of the first "should" sentence. Every "should" is
    /// read, in every sentence: "The NPCC should publish guidance; and forces should adopt it" addresses both.
    /// </summary>
    public static (IReadOnlyList<string> All, IReadOnlyList<string> Primary) Recognise(string recommendationText)
    {
        var all = new List<string>();
        IReadOnlyList<string>? primary = null;
        foreach (var sentence in Sentences(recommendationText))
        {
            foreach (var subject in Subjects(sentence))
            {
                var named = NamedBodies(subject);
                primary ??= named.Count > 0 ? named : null;
                foreach (var body in named.Where(b => !all.Contains(b)))
                {
                    all.Add(body);
                }
            }
        }

        // Written without "should" (for example "Chief constables to …"): fall back to every body named.
        if (all.Count == 0)
        {
            all.AddRange(NamedBodies(recommendationText));
        }

        return (all, primary ?? all.Take(1).ToList());
    }

    /// <summary>Forces in general, a constabulary, a force by name, chief constables or chief officers: a duty every force (or that force) acts on.</summary>
    public static bool IsForceLevel(string addressee) => addressee is Forces or ChiefConstables or ChiefOfficers || ForceNames.Contains(addressee);

    // The subject of each "should" in a sentence. The first runs from the start of the sentence (less an opening deadline);
    // a later one from the last clause break before it: a semicolon or a comma with a conjunction ("; and forces should",
    // ", while chief constables should") if there is one, else a bare "and" or comma. So the objects of the earlier duty
    // ("publish guidance to forces and should also …") are not taken for addressees.
    private static IEnumerable<string> Subjects(string sentence)
    {
        var from = 0;
        var first = true;
        foreach (Match verb in Directive().Matches(sentence))
        {
            var before = sentence[from..verb.Index];
            if (first)
            {
                yield return DueDateParser.StripLeadingDeadline(before);
                first = false;
            }
            else if ((ClauseBreak().Matches(before).LastOrDefault() ?? WeakClauseBreak().Matches(before).LastOrDefault()) is { } split)
            {
                yield return before[(split.Index + split.Length)..];
            }

            from = verb.Index + verb.Length;
        }
    }

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

    // Where a new clause with its own subject starts inside a sentence.
    [GeneratedRegex(@"[;:]\s*(?:(?:and|but)\s+)?|,\s*(?:and|but|while|whereas)\s+")]
    private static partial Regex ClauseBreak();

    // Where one may start, when there is no clearer break.
    [GeneratedRegex(@"\s(?:and|but|while|whereas)\s+|,\s+")]
    private static partial Regex WeakClauseBreak();
}

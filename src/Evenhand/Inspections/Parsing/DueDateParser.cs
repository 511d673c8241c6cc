using System.Globalization;
using System.Text.RegularExpressions;

namespace Evenhand.Inspections.Parsing;

/// <summary>
/// Reads the deadline a recommendation sets itself: a fixed date ("By 31 July 2025,", "By the end of March 2025")
/// or a period after an event that has not happened yet ("Within six months of the College of Policing updating
/// its … practice"), which becomes a <see cref="DueRule"/>.
/// </summary>
internal static partial class DueDateParser
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["eighteen"] = 18, ["twenty-four"] = 24, ["twenty four"] = 24, ["thirty-six"] = 36,
    };

    // Gerunds whose plain and third-person forms the spelling rules below would get wrong.
    private static readonly Dictionary<string, (string Base, string Third)> IrregularVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["being"] = ("be", "is"), ["having"] = ("have", "has"), ["doing"] = ("do", "does"),
        ["going"] = ("go", "goes"), ["developing"] = ("develop", "develops"), ["considering"] = ("consider", "considers"),
        ["delivering"] = ("deliver", "delivers"), ["opening"] = ("open", "opens"), ["publishing"] = ("publish", "publishes"),
        ["reviewing"] = ("review", "reviews"), ["issuing"] = ("issue", "issues"), ["carrying"] = ("carry", "carries"),
        ["setting"] = ("set", "sets"), ["agreeing"] = ("agree", "agrees"), ["focusing"] = ("focus", "focuses"),
        ["reporting"] = ("report", "reports"), ["receiving"] = ("receive", "receives"), ["laying"] = ("lay", "lays"),
        ["commissioning"] = ("commission", "commissions"), ["auditing"] = ("audit", "audits"), ["budgeting"] = ("budget", "budgets"),
        ["targeting"] = ("target", "targets"), ["piloting"] = ("pilot", "pilots"), ["writing"] = ("write", "writes"),
        ["inviting"] = ("invite", "invites"), ["controlling"] = ("control", "controls"), ["modelling"] = ("model", "models"),
        ["cancelling"] = ("cancel", "cancels"), ["labelling"] = ("label", "labels"),
    };

    /// <summary>Finds the first deadline stated in the text; returns (null, null) when it sets none.</summary>
    public static (DateOnly? Date, DueRule? Rule) Parse(string text)
    {
        var single = text.ReplaceLineEndings(" ");
        var fixedDate = FixedDate().Match(single);
        var relative = RelativeDeadline().Match(single);

        // Whichever phrase comes first is the recommendation's own deadline.
        if (fixedDate.Success && (!relative.Success || fixedDate.Index < relative.Index))
        {
            return (ToDate(fixedDate), null);
        }

        if (relative.Success && ToRule(relative) is { } rule)
        {
            return (null, rule);
        }

        return (null, null);
    }

    /// <summary>The deadline phrase at the start of a sentence ("By 31 July 2025,"), so it can be set aside when finding who is addressed.</summary>
    public static string StripLeadingDeadline(string clause)
    {
        var m = LeadingDeadline().Match(clause);
        return m.Success ? clause[m.Length..] : clause;
    }

    private static DateOnly? ToDate(Match m)
    {
        var month = Array.FindIndex(MonthNames, n => n.Equals(m.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (month == 0 || year is < 1990 or > 2100)
        {
            return null;
        }

        // "By March 2025" and "by the end of March 2025" both mean the last day of that month.
        var day = m.Groups["day"].Success ? int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) : DateTime.DaysInMonth(year, month);
        return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static DueRule? ToRule(Match m)
    {
        var count = m.Groups["count"].Value;
        int n;
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out n) && !NumberWords.TryGetValue(count, out n))
        {
            return null;
        }

        var months = m.Groups["unit"].Value.StartsWith("year", StringComparison.OrdinalIgnoreCase) ? n * 12 : n;
        var description = m.Value.Trim().TrimEnd(',', ';', '.', ' ');
        return new DueRule(months, ToEvent(m.Groups["event"].Value.Trim()), description);
    }

    /// <summary>
    /// "the College of Policing updating its … practice" → "College of Policing updates its … practice":
    /// the event in the present tense, so it reads as something that happens.
    /// </summary>
    internal static string ToEvent(string phrase)
    {
        phrase = LeadingArticle().Replace(phrase, "");
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // The verb is the first "-ing" word after at least one word of the subject.
        for (var i = 1; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) && char.IsLower(w[0]))
            {
                words[i] = IsPlural(words[i - 1]) ? BaseForm(w) : ThirdPerson(w);
                break;
            }
        }

        var result = string.Join(' ', words);
        return result.Length > 0 ? char.ToUpperInvariant(result[0]) + result[1..] : result;
    }

    // "forces updating" → "forces update"; "the College updating" → "the College updates".
    private static bool IsPlural(string noun) =>
        noun.Length > 3 && noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) && !noun.EndsWith("us", StringComparison.Ordinal);

    private static string BaseForm(string gerund) => gerund.Equals("being", StringComparison.OrdinalIgnoreCase) ? "are" : Stem(gerund);

    private static string ThirdPerson(string gerund)
    {
        if (IrregularVerbs.TryGetValue(gerund, out var known))
        {
            return known.Third;
        }

        var stem = Stem(gerund);
        if (stem.EndsWith('y') && stem.Length > 1 && !"aeiou".Contains(stem[^2], StringComparison.Ordinal))
        {
            return stem[..^1] + "ies";
        }

        return stem.EndsWith('s') || stem.EndsWith("sh", StringComparison.Ordinal) || stem.EndsWith("ch", StringComparison.Ordinal)
            || stem.EndsWith('x') || stem.EndsWith('z') || stem.EndsWith('o')
            ? stem + "es"
            : stem + "s";
    }

    // The verb's plain form from its "-ing" form.
    private static string Stem(string gerund)
    {
        if (IrregularVerbs.TryGetValue(gerund, out var known))
        {
            return known.Base;
        }

        var stem = gerund[..^3];

        // doubled final consonant: "planning" → "plan"
        if (stem.Length > 2 && stem[^1] == stem[^2] && !"aeiouls".Contains(stem[^1], StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }
        // a dropped silent "e": "updating" → "update", "producing" → "produce", "issuing" → "issue"
        else if (NeedsSilentE(stem))
        {
            stem += "e";
        }

        return stem;
    }

    // Whether "-ing" dropped a silent "e" from the verb. Spelling rules cover the common cases;
    // IrregularVerbs holds the exceptions that matter for report wording.
    private static bool NeedsSilentE(string stem)
    {
        const string vowels = "aeiou";
        if (stem.Length < 3)
        {
            return false;
        }

        var last = stem[^1];
        var before = stem[^2];
        if (last is 'u' or 'v' or 'z' || (last == 'c' && vowels.Contains(before, StringComparison.Ordinal)))
        {
            return true; // issue, receive, organize, produce
        }

        if (stem.EndsWith("ang", StringComparison.Ordinal) || stem.EndsWith("eng", StringComparison.Ordinal))
        {
            return true; // change, arrange, challenge
        }

        // a single vowel between consonants before the ending: update, complete, make, propose, provide, require
        var singleVowel = vowels.Contains(before, StringComparison.Ordinal)
            && (!vowels.Contains(stem[^3], StringComparison.Ordinal) || stem.EndsWith("qu" + before, StringComparison.Ordinal));
        string[] keepAsIs = ["er", "or", "en", "on", "el", "al", "it", "ol"];
        return singleVowel && "tksrdgmnbpl".Contains(last, StringComparison.Ordinal)
            && !keepAsIs.Any(e => stem.EndsWith(e, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b[Bb]y\s+(?:the\s+end\s+of\s+)?(?:(?<day>\d{1,2})(?:st|nd|rd|th)?\s+)?(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<year>\d{4})\b")]
    private static partial Regex FixedDate();

    [GeneratedRegex(@"\b[Ww]ithin\s+(?<count>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[- ]four|thirty-six)\s+(?<unit>months?|years?)\s+(?:of|after|from)\s+(?<event>[^,;.]+)")]
    private static partial Regex RelativeDeadline();

    [GeneratedRegex(@"^\s*(?:(?:[Bb]y|[Ww]ithin|[Ii]mmediately|[Ff]rom|[Oo]nce|[Aa]fter|[Bb]efore|[Aa]s soon as)\b[^,]*,\s*)")]
    private static partial Regex LeadingDeadline();

    [GeneratedRegex(@"^the\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();
}

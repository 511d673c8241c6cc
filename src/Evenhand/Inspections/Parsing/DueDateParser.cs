using System.Globalization;
using System.Text.RegularExpressions;

namespace Evenhand.Inspections.Parsing;

/// <summary>
/// Reads the deadline a recommendation sets itself: a fixed date ("By 31 July 2025,", "By the end of March 2025", "by the
/// end of 2025"), a period after an event that has not happened yet ("Within six months of the College of Policing updating
/// its … practice"), which becomes a <see cref="DueRule"/>, or a period that runs from the report's own publication
/// ("within three months", "within 12 months of the publication of this report", "immediately"), which becomes a rule
/// marked <see cref="DueRule.FromPublication"/> for the caller to resolve once the publication date is known.
/// </summary>
internal static partial class DueDateParser
{
    /// <summary>The event a deadline runs from when the report counts from its own publication.</summary>
    public const string PublicationEvent = "Publication of this report";

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

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

    /// <summary>
    /// Finds the first deadline stated in the text; returns (null, null) when it sets none. A deadline that runs from
    /// publication comes back as a rule with <see cref="DueRule.FromPublication"/> set and no date: see <see cref="Resolve"/>.
    /// </summary>
    public static (DateOnly? Date, DueRule? Rule) Parse(string text)
    {
        var single = text.ReplaceLineEndings(" ");

        // Whichever phrase comes first is the recommendation's own deadline; later ones belong to follow-on duties.
        var readers = new (Regex Pattern, Func<Match, (DateOnly?, DueRule?)?> Read)[]
        {
            (FixedDate(), m => ToDate(m) is { } d ? (d, null) : null),
            (YearEnd(), m => ToYearEnd(m) is { } d ? (d, null) : null),
            (FinancialYearEnd(), m => ToFinancialYearEnd(m) is { } d ? (d, null) : null),
            (RelativeDeadline(), m => ToRule(m, single) is { } r ? (null, r) : null),
            (ImpliedFromPublication(), m => IsOwnDeadline(single, m.Index) && ToImpliedRule(m) is { } r ? (null, r) : null),
            (Immediately(), m => IsOwnDeadline(single, m.Groups["w"].Index)
                ? (null, new DueRule(0, PublicationEvent, Capitalise(m.Groups["w"].Value)) { FromPublication = true })
                : null),
        };

        var found = readers
            .SelectMany(r => r.Pattern.Matches(single).Select(m => (Match: m, r.Read)))
            .OrderBy(c => c.Match.Index)
            .Select(c => c.Read(c.Match))
            .FirstOrDefault(r => r is not null);
        return found ?? (null, null);
    }

    /// <summary>
    /// The due date of a rule that runs from publication, given the date the report was published: "immediately" is the
    /// publication date itself, "within three months" three calendar months later (clamped to the month's end, as
    /// <see cref="DeadlineRules"/> does). Null for a rule that runs from some other event.
    /// </summary>
    public static DateOnly? Resolve(DueRule rule, DateOnly published) =>
        rule.FromPublication ? published.AddMonths(rule.Months) : null;

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
        if (month == 0 || !PlausibleYear(year))
        {
            return null;
        }

        // "By March 2025" and "by the end of March 2025" both mean the last day of that month.
        var day = m.Groups["day"].Success ? int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) : DateTime.DaysInMonth(year, month);
        return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    // "By the end of 2025": the last day of that calendar year.
    private static DateOnly? ToYearEnd(Match m)
    {
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        return PlausibleYear(year) ? new DateOnly(year, 12, 31) : null;
    }

    // "By the end of 2025/26" or "… the 2025-26 financial year": the UK public sector's year ends on 31 March.
    private static DateOnly? ToFinancialYearEnd(Match m)
    {
        var first = int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(m.Groups["y2"].Value, CultureInfo.InvariantCulture);
        var consecutive = m.Groups["y2"].Value.Length == 2 ? second == (first + 1) % 100 : second == first + 1;
        return consecutive && PlausibleYear(first) ? new DateOnly(first + 1, 3, 31) : null;
    }

    private static bool PlausibleYear(int year) => year is >= 1990 and <= 2100;

    private static int? Months(Match m)
    {
        var count = m.Groups["count"].Value;
        int n;
        if (count.Equals("a", StringComparison.OrdinalIgnoreCase) || count.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            n = 1;
        }
        else if (!NumberWords.TryParse(count, out n))
        {
            return null;
        }

        return m.Groups["unit"].Value.StartsWith("year", StringComparison.OrdinalIgnoreCase) ? n * 12 : n;
    }

    private static DueRule? ToRule(Match m, string text)
    {
        if (Months(m) is not { } months)
        {
            return null;
        }

        var eventPhrase = m.Groups["event"];
        var publication = PublicationPhrase().Match(eventPhrase.Value);
        if (publication.Success)
        {
            // "within 12 months of the publication of this report": the clock starts on publication. A phrase without its
            // comma ("of publication forces should …") still counts, but the description stops at the publication phrase.
            var rest = eventPhrase.Value[publication.Length..];
            if (rest.Trim().Length == 0 || Directive().IsMatch(rest))
            {
                var end = eventPhrase.Index + publication.Length;
                return new DueRule(months, PublicationEvent, Describe(text[m.Index..end])) { FromPublication = true };
            }
        }

        return new DueRule(months, ToEvent(eventPhrase.Value.Trim()), Describe(m.Value));
    }

    /// <summary>
    /// Whether a period with no event ("within three months") or "immediately" at this position is the deadline of the duty
    /// rather than a standard the duty sets. It is when it opens a sentence ("Within three months, forces should …") or
    /// qualifies the "should" itself ("Forces should publish their policies within three months"); it is not inside a
    /// clause of its own ("… make sure that checks are completed within three months").
    /// </summary>
    private static bool IsOwnDeadline(string text, int index)
    {
        var start = SentenceStart().Matches(text[..index]).LastOrDefault() is { } s ? s.Index + s.Length : 0;
        var before = text[start..index];
        if (OpeningConjunction().IsMatch(before))
        {
            return true;
        }

        var verb = Directive().Matches(before).LastOrDefault();
        return verb is not null && !SubordinateClause().IsMatch(before[(verb.Index + verb.Length)..]);
    }

    // "within three months" with no event named: the report means three months from its own publication.
    private static DueRule? ToImpliedRule(Match m) =>
        Months(m) is { } months ? new DueRule(months, PublicationEvent, Capitalise(Describe(m.Value))) { FromPublication = true } : null;

    private static string Describe(string phrase) => phrase.Trim().TrimEnd(',', ';', '.', ' ');

    private static string Capitalise(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s;

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

    private const string MonthPattern = "January|February|March|April|May|June|July|August|September|October|November|December";

    // "by", "no later than" or "by no later than", then a month with or without its day: "By 31 July 2025", "by the end of March 2025".
    private const string By = @"\b(?:[Bb]y\s+(?:no\s+later\s+than\s+)?|[Nn]o\s+later\s+than\s+)";

    // A count of months or years in digits or words ("12", "twelve", "twenty-four", "a", "one").
    private const string Period = @"(?:the\s+next\s+)?(?<count>\d{1,2}|[A-Za-z]+(?:[- ][a-z]+)?)\s+(?<unit>months?|years?)";

    [GeneratedRegex(By + @"(?:the\s+)?(?:end\s+of\s+)?(?:(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?<month>" + MonthPattern + @")\s+(?<year>\d{4})\b")]
    private static partial Regex FixedDate();

    [GeneratedRegex(By + @"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:calendar\s+)?(?:year\s+)?(?<year>\d{4})\b(?!\s*[/\-\u2013]\s*\d)")]
    private static partial Regex YearEnd();

    [GeneratedRegex(By + @"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:financial\s+year\s+)?(?<y1>\d{4})\s*[/\-\u2013]\s*(?<y2>\d{4}|\d{2})\b(?:\s+financial\s+year)?")]
    private static partial Regex FinancialYearEnd();

    [GeneratedRegex(@"\b[Ww]ithin\s+" + Period + @"\s+(?:of|after|from)\s+(?<event>[^,;.]+)")]
    private static partial Regex RelativeDeadline();

    // "within three months" (or "within three months' time") with no "of …" after it.
    [GeneratedRegex(@"\b[Ww]ithin\s+" + Period + @"\b(?:['\u2019]\s*|\s+)?(?:\s*time\b)?(?!\s*(?:of|after|from)\b)")]
    private static partial Regex ImpliedFromPublication();

    // "Immediately" as a deadline: opening a sentence, straight after "should"/"must", closing a sentence, or "with immediate
    // effect". "Immediately" elsewhere ("information that is immediately available") describes something else.
    [GeneratedRegex(@"(?:^\s*|(?<=[.;:!?]\s+))(?<w>Immediately)\b|\b(?:should|must)\s+(?:also\s+|now\s+)?(?<w>immediately)\b|\b(?<w>with\s+immediate\s+effect)\b|\b(?<w>immediately)(?=\s*[.;](?:\s|$))", RegexOptions.IgnoreCase)]
    private static partial Regex Immediately();

    // The report's own publication as the event a period runs from: "publication", "the publication of this report",
    // "the date of publication", "this report being published", "the date of this report".
    [GeneratedRegex(@"^\s*(?:the\s+)?(?:(?:date\s+of\s+(?:the\s+)?)?(?:publication|publishing)(?:\s+(?:date\s+)?of\s+(?:this|the|our)\s+(?:inspection\s+)?report)?|(?:this|the|our)\s+(?:inspection\s+)?report(?:['\u2019]s\s+publication(?:\s+date)?|\s+(?:being|is|was|having\s+been)\s+published)?|date\s+of\s+(?:this|the|our)\s+report)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublicationPhrase();

    [GeneratedRegex(@"\b(?:should|must)\b")]
    private static partial Regex Directive();

    [GeneratedRegex(@"[.;!?:]\s+")]
    private static partial Regex SentenceStart();

    [GeneratedRegex(@"^\s*(?:(?:and|but|then)\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningConjunction();

    // Words that start a clause of its own or make it passive, so a period after them is a standard, not the deadline.
    [GeneratedRegex(@"\b(?:that|which|who|whose|where|when|whenever|if|until|are|is|be|been|being|was|were)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubordinateClause();

    [GeneratedRegex(@"^\s*(?:(?:[Bb]y|[Nn]o later than|[Ww]ithin|[Ii]mmediately|[Ff]rom|[Oo]nce|[Aa]fter|[Bb]efore|[Aa]s soon as)\b[^,]*,\s*)")]
    private static partial Regex LeadingDeadline();

    [GeneratedRegex(@"^the\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Evenhand.Inspections.Parsing;

/// <summary>
/// Turns the light markup left behind when a web page or PDF is saved as text (markdown links, bold, escapes,
/// stray HTML tags) into plain words, and compares words without caring about quotes, dashes or case.
/// Shared by the report and response parsers.
/// </summary>
internal static partial class MarkupText
{
    /// <summary>Reduces the markup inside one line to plain text. Tabs are kept: they separate table cells.</summary>
    public static string CleanLine(string line)
    {
        if (line.Length == 0)
        {
            return line;
        }

        var s = line;
        if (s.Contains('<'))
        {
            s = SupTag().Replace(s, "$1");
            s = HtmlTag().Replace(s, "");
        }

        if (s.Contains('&'))
        {
            s = WebUtility.HtmlDecode(s);
        }

        if (s.Contains("]("))
        {
            // ![alt](src) and [text](href) both become their text; the text itself may contain escaped brackets.
            s = MarkdownLink().Replace(s, "$1");
        }

        s = s.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
        if (s.Contains('\\'))
        {
            s = MarkdownEscape().Replace(s, "$1");
        }

        s = s.Replace('\u00A0', ' ').Replace('\u2007', ' ').Replace('\u202F', ' ').Replace("\u200B", "", StringComparison.Ordinal);
        return s.TrimEnd();
    }

    /// <summary>Straight apostrophes and quotes for curly ones, so names compare equal however they were typed.</summary>
    public static string StraightenQuotes(string s) =>
        s.Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201B', '\'').Replace('\u2032', '\'')
         .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u2033', '"');

    /// <summary>
    /// Lower-case words of a text, with their positions, for comparing wording. Apostrophes are dropped
    /// ("chiefs'" = "chiefs", "doesn't" = "doesnt") and hyphens split words ("hate-related" = "hate related").
    /// </summary>
    public static List<Word> Words(string s)
    {
        var words = new List<Word>();
        var sb = new StringBuilder();
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var c = i < s.Length ? s[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else if (start >= 0 && c is '\'' or '\u2019' or '\u2018' && i + 1 < s.Length && char.IsLetter(s[i + 1]))
            {
                // an apostrophe inside a word: keep going without it
            }
            else if (start >= 0)
            {
                words.Add(new Word(sb.ToString(), start, i));
                sb.Clear();
                start = -1;
            }
        }

        return words;
    }

    /// <summary>The words of a text joined by single spaces: a normal form for "do these say the same thing".</summary>
    public static string Normalise(string s) => string.Join(' ', Words(s).Select(w => w.Text));

    public static bool IsBullet(string trimmedLine, out string content)
    {
        var m = BulletPrefix().Match(trimmedLine);
        content = m.Success ? trimmedLine[m.Length..].Trim() : trimmedLine;
        return m.Success && content.Length > 0;
    }

    [GeneratedRegex(@"<sup>\s*([^<]*)</sup>", RegexOptions.IgnoreCase)]
    private static partial Regex SupTag();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"!?\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|<>~""'])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"^[-*\u2022\u25E6\u25AA\u25CF\u2043\u2013\u2014\u2010\u2011\u2212]\s+")]
    private static partial Regex BulletPrefix();
}

/// <summary>A word of a text in lower case, with where it starts and ends in the original.</summary>
internal readonly record struct Word(string Text, int Start, int End);

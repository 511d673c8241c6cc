using System.Globalization;

namespace Evenhand.Inspections.Parsing;

/// <summary>
/// Numbers as reports write them: digits ("12") or words from one to ninety-nine ("twelve", "twenty-two",
/// "twenty two"). Used for the count of recommendations a report states and for the length of a deadline.
/// </summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Words = Build();

    /// <summary>Reads digits or a number word (case ignored); false for anything else, including zero.</summary>
    public static bool TryParse(string text, out int value)
    {
        var t = text.Trim();
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return value > 0;
        }

        return Words.TryGetValue(string.Join(' ', t.ToLowerInvariant().Split([' ', '-', '\u2010', '\u2011'], StringSplitOptions.RemoveEmptyEntries)), out value);
    }

    private static Dictionary<string, int> Build()
    {
        string[] units = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 1; n < 100; n++)
        {
            words[n < 20 ? units[n] : tens[n / 10] + (n % 10 == 0 ? "" : " " + units[n % 10])] = n;
        }

        return words;
    }
}

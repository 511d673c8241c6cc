using System.Globalization;

namespace Evenhand.Common;

/// <summary>
/// How the product writes dates, times and numbers for people, in GOV.UK style: "2 December 2026", "2:30pm", "1,234",
/// "12.5%", "1 post". Dates are UK dates; a time is shown only where one was recorded (an instant), never for a date-only
/// field. CSV and JSON keep ISO 8601 and invariant numbers (see <c>Csv</c>); this class is for pages, emails and the CLI.
/// </summary>
public static class Format
{
    // English month names whatever the server's culture; the invariant culture's short months are "Sep", not en-GB's "Sept".
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>"2 December 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>"2 December 2026", or <paramref name="none"/> when there is no date.</summary>
    public static string Date(DateOnly? date, string none) => date is { } d ? Date(d) : none;

    /// <summary>The UK date of an instant, for an instant whose time of day does not matter: "2 December 2026".</summary>
    public static string Date(DateTimeOffset instant) => Date(UkTime.Date(instant));

    /// <summary>"2 Dec 2026": only in tables, where space is short (the GOV.UK style guide allows short months there).</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", English);

    public static string ShortDate(DateOnly? date, string none) => date is { } d ? ShortDate(d) : none;

    /// <summary>"December 2026".</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", English);

    /// <summary>The UK time of day of an instant: "9am", "2:30pm", "midday", "midnight" (with seconds: "2:30:05pm").</summary>
    public static string Time(DateTimeOffset instant, bool seconds = false) => Time(TimeOnly.FromDateTime(UkTime.Local(instant).DateTime), seconds);

    public static string Time(TimeOnly time, bool seconds = false)
    {
        if (!seconds || time.Second == 0)
        {
            if (time is { Hour: 12, Minute: 0, Second: 0 }) return "midday";
            if (time is { Hour: 0, Minute: 0, Second: 0 }) return "midnight";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var text = seconds ? $"{hour}:{time.Minute:00}:{time.Second:00}"
            : time.Minute == 0 ? hour.ToString(English) : $"{hour}:{time.Minute:00}";
        return text + (time.Hour < 12 ? "am" : "pm");
    }

    /// <summary>A recorded instant in UK time: "2 December 2026 at 2:30pm".</summary>
    public static string DateTime(DateTimeOffset instant) => $"{Date(instant)} at {Time(instant)}";

    public static string DateTime(DateTimeOffset? instant, string none) => instant is { } i ? DateTime(i) : none;

    /// <summary>A recorded instant in a table: "2 Dec 2026, 2:30pm" (<paramref name="seconds"/> for logs: "2:30:05pm").</summary>
    public static string ShortDateTime(DateTimeOffset instant, bool seconds = false) =>
        $"{ShortDate(UkTime.Date(instant))}, {Time(instant, seconds)}";

    public static string ShortDateTime(DateTimeOffset? instant, string none, bool seconds = false) =>
        instant is { } i ? ShortDateTime(i, seconds) : none;

    /// <summary>"1,234".</summary>
    public static string Number(long n) => n.ToString("#,0", English);

    /// <summary>"1,234", or nothing when there is no number.</summary>
    public static string Number(long? n) => n is { } v ? Number(v) : "";

    /// <summary>"1,234.5": at most <paramref name="decimals"/> decimal places, no exponent, no trailing zeros.</summary>
    public static string Number(double x, int decimals = 1) =>
        double.IsFinite(x) ? x.ToString("#,0." + new string('#', Math.Clamp(decimals, 0, 10)), English) : "–";

    /// <summary>A share from 0 to 1 as a percentage: 0.125 gives "12.5%".</summary>
    public static string Percent(double share, int decimals = 1) => Number(share * 100, decimals) + "%";

    public static string Percent(double? share, string none, int decimals = 1) => share is { } s ? Percent(s, decimals) : none;

    /// <summary>A p-value as statisticians write it: "0.032", or "less than 0.001" (never an exponent).</summary>
    public static string PValue(double p) =>
        !double.IsFinite(p) ? "–" : p < 0.001 ? "less than 0.001" : p.ToString("0.###", English);

    /// <summary>A count and its noun: "1 post", "2 posts", "1,204 incidents"; <paramref name="plural"/> for irregular nouns.</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        $"{Number(n)} {(n == 1 ? singular : plural ?? singular + "s")}";
}

using System.Globalization;
using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>How the social media pages and CSVs write figures: missing figures (NaN, no posts) as "–", shares as percentages.</summary>
public static class SocialMediaFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public const string Missing = "–";

    public static string Count(long n) => n.ToString("N0", English);

    /// <summary>A share (0 to 1) as a percentage: "20%", "8.3%", "less than 0.1%"; "–" when it does not exist.</summary>
    public static string Percent(double? share)
    {
        if (share is not { } s || !double.IsFinite(s))
        {
            return Missing;
        }

        return s > 0 && s < 0.0005 ? "less than 0.1%" : (s * 100).ToString("0.#", English) + "%";
    }

    /// <summary>A share as a whole percentage ("67%"), for precision and its interval.</summary>
    public static string WholePercent(double? share) =>
        share is { } s && double.IsFinite(s) ? Math.Round(s * 100, MidpointRounding.AwayFromZero).ToString("0", English) + "%" : Missing;

    public static string Number(double? value, string format = "0.##") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, English) : Missing;

    public static string PValue(double p) =>
        !double.IsFinite(p) ? Missing : p < 0.001 ? "less than 0.001" : p.ToString("0.000", English);

    /// <summary>A figure for a CSV cell: invariant culture, empty when it does not exist.</summary>
    public static string CsvNumber(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";

    public static string Day(DateTimeOffset? at) => at is { } v ? TimeZoneInfo.ConvertTime(v, UkTime.London).ToString("d MMMM yyyy", English) : Missing;

    public static string When(DateTimeOffset? at) => at is { } v ? TimeZoneInfo.ConvertTime(v, UkTime.London).ToString("d MMM yyyy HH:mm", English) : Missing;

    public static string Iso(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

    public static string Period(DateTimeOffset? first, DateTimeOffset? last) =>
        first is null || last is null ? Missing : $"{Day(first)} to {Day(last)}";

    public static string StatusText(DatasetStatus status) => status switch
    {
        DatasetStatus.Queued => "Waiting to import",
        DatasetStatus.Importing => "Importing",
        DatasetStatus.Ready => "Ready",
        _ => "Import failed",
    };

    public static string StatusColour(DatasetStatus status) => status switch
    {
        DatasetStatus.Queued => "grey",
        DatasetStatus.Importing => "blue",
        DatasetStatus.Ready => "green",
        _ => "red",
    };

    public static string ModeText(string mode, double? threshold) => mode == "semantic"
        ? $"Keywords and semantic similarity (threshold {Number(threshold)})"
        : "Keywords only";

    /// <summary>The account type keys of the analysis ("main", "individual", "team", "network") in words.</summary>
    public static string AccountType(string key) => key switch
    {
        "main" => "Main force accounts",
        "individual" => "Individual officers and staff",
        "team" => "Teams and units",
        "network" => "Staff networks",
        _ => key,
    };

    public static string ClassName(string key) => key switch
    {
        "operational" => "Operational",
        "nonOperational" or "non-operational" => "Non-operational",
        _ => key,
    };

    public static string ForceName(string key) =>
        key == SocialAnalyzer.NoForce ? "No force given" : ForceCatalogue.FindBySlug(key)?.Name ?? key;

    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"precision 67% (95% CI 21–94%), 3 of 3 reviewed", or "not sampled yet".</summary>
    public static string Precision(DipPrecisionRow? row)
    {
        if (row is null || row.Sampled == 0)
        {
            return "not sampled yet";
        }

        if (row.Reviewed == 0)
        {
            return $"sampled, none reviewed yet (0 of {Count(row.Sampled)})";
        }

        return $"precision {WholePercent(row.KeywordPrecision)} (95% CI {Interval(row.KeywordLower, row.KeywordUpper)}), {Count(row.Reviewed)} of {Count(row.Sampled)} reviewed";
    }

    /// <summary>Of the reviewed posts Evenhand classified non-operational, the share reviewers agreed were.</summary>
    public static string ClassifierPrecision(DipPrecisionRow? row)
    {
        if (row is null || row.Reviewed == 0)
        {
            return Missing;
        }

        if (row.ClassifiedNonOperational == 0)
        {
            return "none of the reviewed posts was classified non-operational";
        }

        return $"{WholePercent(row.ClassifierPrecision)} (95% CI {Interval(row.ClassifierLower, row.ClassifierUpper)}), {Count(row.ClassifiedAndMarkedNonOperational)} of {Count(row.ClassifiedNonOperational)}";
    }

    private static string Interval(double? lower, double? upper) =>
        lower is null || upper is null ? Missing : $"{WholePercent(lower).TrimEnd('%')}–{WholePercent(upper)}";

    /// <summary>The names of the topics whose bits are set in a post's topic mask.</summary>
    public static string Topics(int mask, IReadOnlyList<LexiconGroup> topics) =>
        string.Join("; ", topics.Where((_, i) => (mask & (1 << i)) != 0).Select(t => t.Name));
}

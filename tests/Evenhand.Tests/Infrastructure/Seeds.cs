using Evenhand.Importing;
using Evenhand.Inspections.Parsing;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// The seed documents in samples/seeds/ (the HMICFRS report on activism and impartiality, September 2024, and four
/// PCC responses to it, as published).
/// </summary>
public static class Seeds
{
    public const string ReportFile = "hmicfrs-activism-and-impartiality-2024.txt";
    public const string Cheshire = "pcc-response-cheshire.txt";
    public const string Cleveland = "pcc-response-cleveland.txt";
    public const string HampshireAndIsleOfWight = "pcc-response-hampshire-and-isle-of-wight.txt";
    public const string WestMidlands = "pcc-response-west-midlands.txt";

    private static readonly Lazy<ParsedReport> ParsedReport = new(() => ReportParser.Parse(Read(ReportFile), ReportFile));

    public static string Directory => TestPaths.SeedsFolder;

    /// <summary>The seed report, parsed once for all tests.</summary>
    public static ParsedReport Report => ParsedReport.Value;

    /// <summary>A few forces with their local policing bodies, enough to tell the seed responses apart (and to be wrong with).</summary>
    public static IReadOnlyList<(string Slug, string Name, string LocalPolicingBody)> Forces { get; } =
    [
        ("cheshire", "Cheshire Constabulary", "Police and Crime Commissioner for Cheshire"),
        ("cleveland", "Cleveland Police", "Police and Crime Commissioner for Cleveland"),
        ("hampshire-and-isle-of-wight", "Hampshire and Isle of Wight Constabulary", "Police and Crime Commissioner for Hampshire and Isle of Wight"),
        ("west-midlands", "West Midlands Police", "Police and Crime Commissioner for West Midlands"),
        ("north-wales", "North Wales Police", "Police and Crime Commissioner for North Wales"),
        ("leicestershire", "Leicestershire Police", "Police and Crime Commissioner for Leicestershire"),
        ("metropolitan", "Metropolitan Police Service", "Mayor's Office for Policing and Crime (Mayor of London)"),
    ];

    public static string PathOf(string file) => Path.Combine(Directory, file);

    public static string Read(string file) => TextDocument.ReadFile(PathOf(file));
}

using System.Globalization;
using Evenhand.Forces;
using Evenhand.Responses.Parsing;
using Spectre.Console;

namespace Evenhand.Cli.Parsing;

/// <summary>How a parsed PCC response is shown.</summary>
internal static class ResponseView
{
    public static void Render(IAnsiConsole console, ParsedResponse response)
    {
        var force = response.ForceSlug is { } slug ? ForceCatalogue.All.FirstOrDefault(f => f.Slug == slug) : null;
        if (response.ForceSlug is null)
        {
            console.MarkupLine("Force: [yellow]not detected[/] (pass --force when importing)");
        }
        else
        {
            console.MarkupLineInterpolated($"Force: [bold]{force?.Name ?? response.ForceSlug}[/] ({response.ForceSlug})");
        }

        var answered = response.Responses.SelectMany(r => r.Recommendations).Distinct().Count();
        console.MarkupLineInterpolated($"{response.Responses.Count} response(s) covering {answered} recommendation(s)");

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Recommendation(s)")
            .AddColumn("Matched by")
            .AddColumn("Response");
        foreach (var item in response.Responses)
        {
            table.AddRow(
                new Text(string.Join(", ", item.Recommendations.Select(n => n.ToString(CultureInfo.InvariantCulture)))),
                new Text($"{item.Source} ({item.Confidence.ToString("0.##", CultureInfo.InvariantCulture)})"),
                new Text(ReportView.Abbreviate(item.Text, 100)));
        }

        console.Write(table);
        if (response.Missing.Count > 0)
        {
            console.MarkupLineInterpolated($"[yellow]No response to recommendation(s) {string.Join(", ", response.Missing)}.[/]");
        }

        foreach (var note in response.Notes)
        {
            console.MarkupLineInterpolated($"[yellow]Note: {note}[/]");
        }

        foreach (var (label, text) in new[]
                 {
                     ("Commissioner's comments", response.BodyComments),
                     ("Chief officer's comments", response.ChiefOfficerComments),
                     ("Response to the chief officer's comments", response.ResponseToChiefOfficer),
                 })
        {
            if (text is not null)
            {
                console.MarkupLineInterpolated($"{label}: {ReportView.Abbreviate(text, 100)}");
            }
        }
    }

    public static ResponseJson ToJson(ParsedResponse response) => new(
        response.ForceSlug,
        response.Responses.Select(r => new ResponseItemJson(r.Recommendations, r.Text, r.Confidence, r.Source)).ToList(),
        response.Missing,
        response.Notes,
        response.BodyComments,
        response.ChiefOfficerComments,
        response.ResponseToChiefOfficer);
}

/// <summary>
/// The JSON of `parse response`: the original fields, then <c>warnings</c> (the parser's notes) and the comment sections found
/// (null when the document has none) added at the end.
/// </summary>
internal sealed record ResponseJson(
    string? Force,
    IReadOnlyList<ResponseItemJson> Responses,
    IReadOnlyList<int> Missing,
    IReadOnlyList<string> Warnings,
    string? BodyComments,
    string? ChiefOfficerComments,
    string? ResponseToChiefOfficer);

internal sealed record ResponseItemJson(IReadOnlyList<int> Recommendations, string Text, double Confidence, string Source);

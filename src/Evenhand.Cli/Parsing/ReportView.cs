using System.Globalization;
using Evenhand.Common;
using Evenhand.Inspections.Parsing;
using Spectre.Console;

namespace Evenhand.Cli.Parsing;

/// <summary>How a parsed report is shown: a table for people, a fixed JSON shape for scripts.</summary>
internal static class ReportView
{

    public static void Render(IAnsiConsole console, ParsedReport report)
    {
        console.MarkupLineInterpolated($"[bold]{report.Title}[/]");
        console.MarkupLineInterpolated($"Published: {(report.Published is { } p ? Format.Date(p) : "no full date in the document")}");
        var forceCount = report.Recommendations.Count(r => r.AppliesToForces);
        console.MarkupLineInterpolated($"{report.Recommendations.Count} recommendation(s), {forceCount} for forces");

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("No.").RightAligned())
            .AddColumn("Due")
            .AddColumn("Addressees")
            .AddColumn(new TableColumn("Forces").Centered())
            .AddColumn("Recommendation");
        foreach (var r in report.Recommendations)
        {
            table.AddRow(
                new Text(r.Number.ToString(CultureInfo.InvariantCulture)),
                new Text(Due(r)),
                new Text(string.Join(", ", r.Addressees)),
                r.AppliesToForces ? new Markup("[green]yes[/]") : new Text(""),
                new Text(Abbreviate(r.Text, 90)));
        }

        console.Write(table);
        foreach (var warning in report.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]Check: {warning}[/]");
        }
    }

    public static string Due(ParsedRecommendation r) =>
        r.DueDate is { } d ? Format.ShortDate(d)
        : r.DueRule is { FromPublication: true } fromPublication ? Abbreviate($"{fromPublication.Description} (from publication)", 30)
        : r.DueRule is { } rule ? Abbreviate($"{rule.Months} months after {rule.Event}", 30)
        : "";

    public static string Abbreviate(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(length - 1)].TrimEnd() + "…";
    }

    public static ReportJson ToJson(ParsedReport report) => new(
        report.Title,
        report.Published,
        report.Recommendations.Select(r => new RecommendationJson(
            r.Number,
            r.Text,
            r.Chapter,
            r.DueDate,
            r.DueRule is { } rule ? new DueRuleJson(rule.Months, rule.Event, rule.Description, rule.FromPublication) : null,
            r.Addressees,
            r.AppliesToForces,
            r.DueNote)).ToList(),
        report.Warnings);
}

/// <summary>The JSON of `parse report`: the original fields, then <c>warnings</c> added at the end.</summary>
internal sealed record ReportJson(string Title, DateOnly? Published, IReadOnlyList<RecommendationJson> Recommendations, IReadOnlyList<string> Warnings);

/// <summary>One recommendation: the original fields, then <c>dueNote</c> added at the end (how a due date counted from publication was worked out).</summary>
internal sealed record RecommendationJson(
    int Number,
    string Text,
    string? Chapter,
    DateOnly? DueDate,
    DueRuleJson? DueRule,
    IReadOnlyList<string> Addressees,
    bool AppliesToForces,
    string? DueNote);

/// <summary>A relative deadline: the original fields, then <c>fromPublication</c> added (true when it runs from the report's publication, so <c>dueDate</c> holds the resolved date when the report states it).</summary>
internal sealed record DueRuleJson(int Months, string Event, string Description, bool FromPublication);

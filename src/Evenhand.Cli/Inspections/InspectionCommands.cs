using System.CommandLine;
using System.Globalization;
using Evenhand.Cli.Infrastructure;
using Evenhand.Cli.Parsing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Importing;
using Evenhand.Inspections.Parsing;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Evenhand.Cli.Inspections;

/// <summary><c>evenhand inspections list</c>: the inspections in the database, with the ids other commands take.</summary>
internal static class InspectionCommands
{
    public static Command Build()
    {
        var json = ParseCommands.JsonOption();
        var database = new DatabaseOptions();
        var list = new Command("list", "List the inspections in the database.") { json };
        database.AddTo(list);
        list.SetHandler(async (pr, console, ct) =>
        {
            await using var db = await database.OpenAsync(pr, ct);
            var rows = await db.Inspections.AsNoTracking()
                .OrderBy(i => i.Id)
                .Select(i => new InspectionJson(i.Id, i.Title, i.PublishedOn, Evenhand.Cli.Importing.InspectionTypes.Name(i.Type), i.Recommendations.Count))
                .ToListAsync(ct);
            if (pr.GetValue(json))
            {
                CliJson.Write(console, rows);
                return ExitCodes.Success;
            }

            if (rows.Count == 0)
            {
                console.Out.MarkupLine("No inspections yet. Add one with [bold]evenhand import report FILE[/].");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("Id").RightAligned()).AddColumn("Title").AddColumn("Published").AddColumn(new TableColumn("Recommendations").RightAligned());
            foreach (var r in rows)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Title),
                    Format.Date(r.Published), r.Recommendations.ToString(CultureInfo.InvariantCulture));
            }

            console.Out.Write(table);
            return ExitCodes.Success;
        });
        return new Command("inspections", "Inspections stored in the database.") { Subcommands = { list } };
    }

    /// <summary>An inspection's stored recommendations, in the parser's shape, to match a response against.</summary>
    public static async Task<IReadOnlyList<ParsedRecommendation>> LoadRecommendationsAsync(EvenhandDbContext db, int id, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Recommendations).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new CliException($"There is no inspection with id {id}. Run 'evenhand inspections list' to see the ids, or import the report first.");
        return DocumentImportService.ToParsed(inspection.Recommendations);
    }
}

internal sealed record InspectionJson(int Id, string Title, DateOnly Published, string Type, int Recommendations);

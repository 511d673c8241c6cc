using System.CommandLine;
using System.Globalization;
using Evenhand.Cli.Infrastructure;
using Evenhand.Cli.Inspections;
using Evenhand.Importing;
using Evenhand.Responses.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Cli.Parsing;

/// <summary><c>evenhand parse report|response</c>: read a document and show what Evenhand finds in it, without saving anything.</summary>
internal static class ParseCommands
{
    public static Command Build() => new("parse", "Read a document and show what Evenhand finds in it (nothing is saved).")
    {
        Subcommands = { Report(), Response() },
    };

    private static Command Report()
    {
        var file = new Argument<string>("file") { Description = "The inspection report (.pdf, .docx, .html, .txt or .md)" };
        var json = JsonOption();
        var command = new Command("report", "List the recommendations of an inspection report, with deadlines and addressees.") { file, json };
        command.SetHandler((pr, console, _) =>
        {
            var report = Documents.ReadReport(pr.GetValue(file)!);
            if (pr.GetValue(json))
            {
                CliJson.Write(console, ReportView.ToJson(report));
            }
            else
            {
                ReportView.Render(console.Out, report);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Response()
    {
        var file = new Argument<string>("file") { Description = "The PCC's section 55 response (.pdf, .docx, .html, .txt or .md)" };
        var inspection = new Option<string>("--inspection")
        {
            Description = "The report the response answers: a report file, or the id of an inspection in the database",
            HelpName = "report-file|id",
            Required = true,
        };
        var json = JsonOption();
        var database = new DatabaseOptions();
        var command = new Command("response", "Match a PCC's response to the recommendations it answers, and list the ones it does not.")
        {
            file, inspection, json,
        };
        database.AddTo(command);
        command.SetHandler(async (pr, console, ct) =>
        {
            var path = pr.GetValue(file)!;
            var response = await ParseResponseAsync(path, pr.GetValue(inspection)!, pr, database, ct);
            if (pr.GetValue(json))
            {
                CliJson.Write(console, ResponseView.ToJson(response));
            }
            else
            {
                ResponseView.Render(console.Out, response);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<ParsedResponse> ParseResponseAsync(
        string path, string inspection, ParseResult pr, DatabaseOptions database, CancellationToken ct)
    {
        if (File.Exists(inspection))
        {
            var report = Documents.ReadReport(inspection);
            return ResponseParser.Parse(Documents.ReadText(path), report.Recommendations, Documents.CatalogueForces, Path.GetFileName(path), report.Title);
        }

        if (!int.TryParse(inspection, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw CliException.Usage($"--inspection '{inspection}' is neither a report file nor an inspection id.");
        }

        var text = Documents.ReadText(path);
        await using var db = await database.OpenAsync(pr, ct);
        var stored = await InspectionCommands.LoadRecommendationsAsync(db, id, ct);
        var title = await db.Inspections.Where(i => i.Id == id).Select(i => i.Title).SingleAsync(ct);
        return ResponseParser.Parse(text, stored, await new DocumentImportService(db).ForceNamesAsync(ct), Path.GetFileName(path), title);
    }

    public static Option<bool> JsonOption() => new("--json") { Description = "Write machine-readable JSON to standard output" };
}

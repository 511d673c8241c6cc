using System.CommandLine;
using System.Globalization;
using Evenhand.Cli.Infrastructure;
using Evenhand.Cli.Inspections;
using Evenhand.Cli.Parsing;
using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Importing;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Responses.Parsing;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Evenhand.Cli.Importing;

/// <summary>
/// <c>evenhand import report|response</c>: the same imports as the web upload (through <see cref="DocumentImportService"/>), with a
/// preview and a confirmation first. Each import is one transaction.
/// </summary>
internal static class ImportCommands
{

    public static Command Build() => new("import", "Store a report or a PCC response in the database (shows a preview first).")
    {
        Subcommands = { Report(), Response() },
    };

    private static Command Report()
    {
        var file = new Argument<string>("file") { Description = "The inspection report (.pdf, .docx, .html, .txt or .md)" };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date, yyyy-MM-dd [default: the date in the report, when it gives a full one]",
            HelpName = "yyyy-MM-dd",
        };
        var title = new Option<string?>("--title") { Description = "Title [default: the report's title]" };
        var type = new Option<string>("--type")
        {
            Description = "Kind of inspection",
            HelpName = string.Join('|', InspectionTypes.Names),
            DefaultValueFactory = _ => InspectionTypes.Name(InspectionType.NationalThematic),
        };
        type.AcceptOnlyFromAmong([.. InspectionTypes.Names]);
        var publisher = new Option<string?>("--publisher") { Description = $"Publisher [default: {DocumentImportService.DefaultPublisher}]" };
        var yes = YesOption();
        var json = ParseCommands.JsonOption();
        var database = new DatabaseOptions();
        var command = new Command("report", "Import an inspection report: its recommendations, deadlines and an action plan per force.")
        {
            file, published, title, type, publisher, yes, json,
        };
        database.AddTo(command);
        command.SetHandler(async (pr, console, ct) =>
        {
            var path = pr.GetValue(file)!;
            var report = Documents.ReadReport(path);
            var publishedOn = ParseDate(pr.GetValue(published), "--published") ?? report.Published
                ?? throw CliException.Usage(
                    $"{Path.GetFileName(path)} does not give a full publication date. Pass it with --published yyyy-MM-dd, for example --published 2024-09-10.");
            var options = new ImportReportOptions(
                report,
                string.IsNullOrWhiteSpace(pr.GetValue(title)) ? report.Title : pr.GetValue(title)!,
                string.IsNullOrWhiteSpace(pr.GetValue(publisher)) ? DocumentImportService.DefaultPublisher : pr.GetValue(publisher)!,
                publishedOn,
                InspectionTypes.Parse(pr.GetValue(type)!),
                Path.GetFileName(path));

            await using var db = await database.OpenAsync(pr, ct);
            var asJson = pr.GetValue(json);
            if (!asJson)
            {
                ReportView.Render(console.Out, report);
                console.Out.WriteLine();
                console.Out.MarkupLineInterpolated(
                    $"Will import [bold]{options.Title}[/], published {Format.Date(options.PublishedOn)} by {options.Publisher} ({DisplayNames.For(options.Type)}).");
            }

            if (!Confirm(console, pr.GetValue(yes), asJson, $"Import {report.Recommendations.Count} recommendation(s)?"))
            {
                return ExitCodes.Failure;
            }

            var inspection = await console.StatusAsync("Importing…",
                () => new DocumentImportService(db).ImportReportAsync(options, Context(console, "import report", path), ct));
            var forceRecommendations = inspection.Recommendations.Count(r => r.AppliesToForces);
            if (asJson)
            {
                CliJson.Write(console, new ImportedReportJson(
                    inspection.Id, inspection.Title, inspection.PublishedOn, InspectionTypes.Name(inspection.Type),
                    inspection.Recommendations.Count, forceRecommendations));
            }
            else
            {
                console.Out.MarkupLineInterpolated(
                    $"[green]Imported[/] '{inspection.Title}' as inspection [bold]{inspection.Id}[/]: {inspection.Recommendations.Count} recommendation(s), {forceRecommendations} for forces.");
                console.Out.MarkupLineInterpolated(
                    $"Import PCC responses with: evenhand import response FILE --inspection {inspection.Id}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Response()
    {
        var file = new Argument<string>("file") { Description = "The PCC's section 55 response (.pdf, .docx, .html, .txt or .md)" };
        var inspection = new Option<int>("--inspection")
        {
            Description = "Id of the inspection it answers (see 'evenhand inspections list')",
            HelpName = "id",
            Required = true,
        };
        var force = new Option<string?>("--force")
        {
            Description = "The force's slug, e.g. west-midlands [default: the force the document names]",
            HelpName = "slug",
        };
        var yes = YesOption();
        var json = ParseCommands.JsonOption();
        var database = new DatabaseOptions();
        var command = new Command("response", "Import a PCC's published response as the force's section 55 response.")
        {
            file, inspection, force, yes, json,
        };
        database.AddTo(command);
        command.SetHandler(async (pr, console, ct) =>
        {
            var path = pr.GetValue(file)!;
            var requestedForce = pr.GetValue(force)?.Trim();
            if (requestedForce is { Length: > 0 } && !ForceCatalogue.All.Any(f => f.Slug == requestedForce))
            {
                throw CliException.Usage(DocumentImportService.UnknownForceMessage(requestedForce));
            }

            var text = Documents.ReadText(path);
            await using var db = await database.OpenAsync(pr, ct);
            var inspectionId = pr.GetValue(inspection);
            var recommendations = await InspectionCommands.LoadRecommendationsAsync(db, inspectionId, ct);
            var service = new DocumentImportService(db);
            var inspectionTitle = await db.Inspections.Where(i => i.Id == inspectionId).Select(i => i.Title).SingleAsync(ct);
            var parsed = ResponseParser.Parse(text, recommendations, await service.ForceNamesAsync(ct), Path.GetFileName(path), inspectionTitle);

            var slug = requestedForce is { Length: > 0 } ? requestedForce : parsed.ForceSlug
                ?? throw CliException.Usage($"Evenhand could not tell which force {Path.GetFileName(path)} is from. Pass --force with the force's slug (see 'evenhand forces list').");
            var forceRecord = await db.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == slug, ct)
                ?? throw CliException.Usage(DocumentImportService.UnknownForceMessage(slug));

            var asJson = pr.GetValue(json);
            if (!asJson)
            {
                ResponseView.Render(console.Out, parsed);
                if (parsed.ForceSlug is { } detected && detected != slug)
                {
                    console.WriteWarning($"The document appears to be from {detected}, but --force is {slug}.");
                }

                console.Out.WriteLine();
                console.Out.MarkupLineInterpolated($"Will store this as [bold]{forceRecord.Name}[/]'s section 55 response to '{inspectionTitle}'.");
            }

            if (!Confirm(console, pr.GetValue(yes), asJson, "Import this response?"))
            {
                return ExitCodes.Failure;
            }

            var result = await console.StatusAsync("Importing…",
                () => service.ImportResponseAsync(new ImportResponseOptions(inspectionId, slug, parsed, Path.GetFileName(path)), Context(console, "import response", path), ct));
            if (asJson)
            {
                CliJson.Write(console, new ImportedResponseJson(result.Response.Id, slug, inspectionId, result.Answered, result.Missing, result.CommentsFilled, result.Notes));
            }
            else
            {
                console.Out.MarkupLineInterpolated(
                    $"[green]Imported[/] {forceRecord.Name}'s response: {result.Answered} recommendation(s) answered.");
                if (result.Missing.Count > 0)
                {
                    console.WriteWarning($"No response to recommendation(s) {string.Join(", ", result.Missing)}.");
                }

                if (result.CommentsFilled.Count > 0)
                {
                    console.Out.MarkupLineInterpolated($"Filled from the document: {string.Join(", ", result.CommentsFilled.Select(DescribeComment))}.");
                }

                foreach (var note in result.Notes)
                {
                    console.WriteWarning(note);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string DescribeComment(string field) => field switch
    {
        nameof(Section55Response.PccComments) => "the commissioner's comments",
        nameof(Section55Response.ChiefOfficerComments) => "the chief officer's comments",
        _ => "the response to the chief officer's comments",
    };

    private static Option<bool> YesOption() => new("--yes", "-y") { Description = "Import without asking for confirmation (required when input is not interactive)" };

    /// <summary>Asks before writing, when a person is at the terminal; otherwise the caller must have passed --yes.</summary>
    private static bool Confirm(CliConsole console, bool yes, bool asJson, string question)
    {
        if (yes)
        {
            return true;
        }

        if (asJson || !console.IsInteractive)
        {
            throw CliException.Usage("Nothing was imported: pass --yes to import without confirmation (Evenhand cannot ask when input or output is redirected, or with --json).");
        }

        if (console.Out.Confirm(question, defaultValue: false))
        {
            return true;
        }

        console.WriteWarning("Nothing was imported.");
        return false;
    }

    private static ProcessContext Context(CliConsole console, string command, string path) =>
        ProcessContext.System(console.Time, $"evenhand {command} {Path.GetFileName(path)} (run by {Environment.UserName})");

    private static DateOnly? ParseDate(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw CliException.Usage($"{option} '{value}' is not a date in the form yyyy-MM-dd (for example 2024-09-10).");
    }
}

/// <summary>The kinds of inspection as the command line spells them.</summary>
internal static class InspectionTypes
{
    private static readonly (string Name, InspectionType Type)[] Map =
    [
        ("national-thematic", InspectionType.NationalThematic),
        ("force-specific", InspectionType.ForceSpecific),
        ("follow-up", InspectionType.FollowUp),
        ("partner", InspectionType.Partner),
    ];

    public static IEnumerable<string> Names => Map.Select(m => m.Name);

    public static string Name(InspectionType type) => Map.First(m => m.Type == type).Name;

    public static InspectionType Parse(string name) =>
        Map.FirstOrDefault(m => m.Name == name.Trim().ToLowerInvariant()) is { Name: not null } found
            ? found.Type
            : throw CliException.Usage($"--type '{name}' is not a kind of inspection. Use one of: {string.Join(", ", Names)}.");
}

internal sealed record ImportedReportJson(int InspectionId, string Title, DateOnly Published, string Type, int Recommendations, int ForceRecommendations);

internal sealed record ImportedResponseJson(
    int ResponseId, string Force, int InspectionId, int Answered, IReadOnlyList<int> Missing, IReadOnlyList<string> CommentsFilled, IReadOnlyList<string> Warnings);

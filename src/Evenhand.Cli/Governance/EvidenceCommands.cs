using System.CommandLine;
using Evenhand.Cli.Infrastructure;
using Evenhand.Cli.Parsing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Governance;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Evenhand.Cli.Governance;

/// <summary><c>evenhand evidence --force SLUG</c>: what the governance registers measure for each recommendation.</summary>
internal static class EvidenceCommands
{
    public static Command Build()
    {
        var database = new DatabaseOptions();
        var force = new Option<string>("--force") { Description = "The force's slug (see 'evenhand forces list')", HelpName = "slug", Required = true };
        var demo = new Option<bool>("--demo") { Description = "Use a freshly generated demo database instead of a real one (nothing is kept)" };
        var json = ParseCommands.JsonOption();
        var command = new Command("evidence",
            "Per recommendation, each indicator the governance registers compute for a force: its name, value and how many records are behind it.")
        {
            force, demo, json,
        };
        database.AddTo(command);
        command.SetHandler(async (pr, console, ct) =>
        {
            var slug = pr.GetValue(force)!.Trim().ToLowerInvariant();
            if (ForceCatalogue.All.All(f => f.Slug != slug))
            {
                throw CliException.Usage($"'{slug}' is not a force. Run 'evenhand forces list' for the slugs.");
            }

            IReadOnlyList<EvidenceIndicator> indicators;
            if (pr.GetValue(demo))
            {
                var folder = Directory.CreateTempSubdirectory("evenhand-evidence-demo-");
                try
                {
                    var options = DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder.FullName, "demo.db")};Pooling=False");
                    await using var db = new EvenhandDbContext(options);
                    await DatabaseInitializer.InitialiseAsync(db, ct);
                    var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync(ct);
                    await GovernanceDemoData.EnsureAsync(db, [forceId], console.Time, ct);
                    indicators = await GovernanceEvidenceService.For(db, console.Time).ForForceAsync(forceId, console.Time.Today(), ct);
                }
                finally
                {
                    folder.Delete(recursive: true);
                }
            }
            else
            {
                await using var db = await database.OpenAsync(pr, ct);
                var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync(ct);
                indicators = await GovernanceEvidenceService.For(db, console.Time).ForForceAsync(forceId, console.Time.Today(), ct);
            }

            var byRecommendation = indicators.GroupBy(i => i.Recommendation).OrderBy(g => g.Key).ToList();
            if (pr.GetValue(json))
            {
                CliJson.Write(console, new EvidenceJson(slug, byRecommendation
                    .Select(g => new RecommendationEvidenceJson(g.Key, g.Select(i => new IndicatorJson(i.Name, i.Value, i.Records)).ToList()))
                    .ToList()));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Recommendation").AddColumn("Indicator").AddColumn("Value").AddColumn(new TableColumn("Records").RightAligned());
            foreach (var g in byRecommendation)
            {
                foreach (var i in g)
                {
                    table.AddRow(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(i.Name), Markup.Escape(i.Value),
                        i.Records.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            console.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}

internal sealed record EvidenceJson(string Force, IReadOnlyList<RecommendationEvidenceJson> Recommendations);

internal sealed record RecommendationEvidenceJson(int Recommendation, IReadOnlyList<IndicatorJson> Indicators);

internal sealed record IndicatorJson(string Name, string Value, int Records);

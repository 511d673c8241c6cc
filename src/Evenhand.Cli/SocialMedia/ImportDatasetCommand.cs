using System.CommandLine;
using Evenhand.Cli.Infrastructure;
using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Evenhand.Cli.SocialMedia;

/// <summary><c>evenhand social import</c>: loads an export into the database as a dataset the web dashboard shows.</summary>
internal static class ImportDatasetCommand
{
    public static Command Build()
    {
        var database = new DatabaseOptions();
        var posts = new Option<FileInfo>("--posts") { Description = "Posts export, CSV or JSON lines", HelpName = "file", Required = true };
        var accounts = new Option<FileInfo>("--accounts") { Description = "Accounts export, CSV or JSON lines", HelpName = "file", Required = true };
        var force = new Option<string?>("--force") { Description = "The force whose dataset this is (slug); leave out for a national dataset of the inspectorate", HelpName = "slug" };
        var name = new Option<string?>("--name") { Description = "A name for the dataset [default: the posts file's name]" };
        var vectors = new Option<FileInfo?>("--vectors") { Description = "Word vectors for the semantic stage (keyword-only without)", HelpName = "file" };
        var strict = new Option<bool>("--strict") { Description = "Refuse the files if any row is bad, instead of skipping bad rows" };
        var command = new Command("import", "Import a posts export and its accounts into the database as a dataset (one transaction: all or nothing).")
        {
            posts, accounts, force, name, vectors, strict,
        };
        database.AddTo(command);
        command.SetHandler(async (pr, console, ct) =>
        {
            var postsPath = SocialCommands.Existing(pr.GetValue(posts)!, "--posts");
            var accountsPath = SocialCommands.Existing(pr.GetValue(accounts)!, "--accounts");
            var vectorsPath = pr.GetValue(vectors) is { } v ? SocialCommands.Existing(v, "--vectors") : null;
            var slug = pr.GetValue(force)?.Trim().ToLowerInvariant();
            if (slug is not null && ForceCatalogue.All.All(f => f.Slug != slug))
            {
                throw CliException.Usage($"'{slug}' is not a force. Run 'evenhand forces list' for the slugs.");
            }

            await using var db = await database.OpenAsync(pr, ct);
            int? forceId = slug is null ? null : await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).SingleAsync(ct);
            var ctx = console.Context("social import");
            var service = new SocialDatasetService(db, console.Time);
            var dataset = await service.CreateAsync(new DatasetUpload(pr.GetValue(name) ?? Path.GetFileNameWithoutExtension(postsPath), forceId,
                accountsPath, postsPath, pr.GetValue(strict)), ctx, ct);
            var files = DatasetFiles.FromPaths(accountsPath, postsPath);
            var started = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var word = vectorsPath is null ? null : WordVectors.Load(vectorsPath);
                if (console.IsInteractive)
                {
                    await console.Out.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async progressContext =>
                        {
                            var task = progressContext.AddTask("Importing posts", maxValue: Math.Max(1, files.PostsLength));
                            dataset = await service.ImportAsync(dataset.Id, files, ctx, word, new InlineProgress<(long Read, long Length)>(p => task.Value = p.Read), ct: ct);
                            task.Value = task.MaxValue;
                        });
                }
                else
                {
                    dataset = await service.ImportAsync(dataset.Id, files, ctx, word, null, ct: ct);
                }
            }
            catch (SocialImportException ex)
            {
                throw new CliException(SocialCommands.Describe(ex));
            }

            console.Out.MarkupLineInterpolated(
                $"Imported dataset {dataset.Id} '{dataset.Name}': {dataset.PostCount:N0} posts from {dataset.AccountCount:N0} accounts in {started.Elapsed.TotalSeconds:F1} s ({dataset.Mode}).");
            if (dataset.SkippedRows > 0)
            {
                console.WriteWarning($"{dataset.SkippedRows:N0} bad rows were skipped; the dataset page lists them.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

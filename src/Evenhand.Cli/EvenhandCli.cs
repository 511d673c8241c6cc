using System.CommandLine;
using System.CommandLine.Invocation;
using Evenhand.Cli.Accounts;
using Evenhand.Cli.Database;
using Evenhand.Cli.Forces;
using Evenhand.Cli.Importing;
using Evenhand.Cli.Infrastructure;
using Evenhand.Cli.Inspections;
using Evenhand.Cli.Parsing;
using Evenhand.Data;
using Spectre.Console;

namespace Evenhand.Cli;

/// <summary>The `evenhand` command: <c>evenhand &lt;noun&gt; &lt;verb&gt;</c>.</summary>
public static class EvenhandCli
{
    /// <summary>Runs the command line. <paramref name="stdout"/> and <paramref name="stderr"/> replace the console (tests capture them).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var root = BuildRoot();
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (stdout is not null) config.Output = stdout;
        if (stderr is not null) config.Error = stderr;

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
        {
            return ReportParseErrors(parseResult, CliConsole.Create(config.Output, config.Error));
        }

        return await parseResult.InvokeAsync(config);
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Evenhand: recommendations, section 55 responses and evidence for the HMICFRS activism and impartiality inspection.");
        root.Subcommands.Add(ParseCommands.Build());
        root.Subcommands.Add(ImportCommands.Build());
        root.Subcommands.Add(UserCommands.Build());
        root.Subcommands.Add(DbCommands.Build());
        root.Subcommands.Add(ForceCommands.Build());
        root.Subcommands.Add(InspectionCommands.Build());
        root.Subcommands.Add(HateIncidents.IncidentsCommands.Build());
        root.Subcommands.Add(Governance.EvidenceCommands.Build());
        root.Subcommands.Add(SocialMedia.SocialCommands.Build());
        root.Subcommands.Add(DevCommand());
        return root;
    }

    /// <summary>Malformed command lines exit with code 2 and a short message rather than the whole help text.</summary>
    private static int ReportParseErrors(ParseResult parseResult, CliConsole console)
    {
        foreach (var error in parseResult.Errors)
        {
            console.WriteError(error.Message);
        }

        var path = string.Join(' ', CommandPath(parseResult.CommandResult.Command, parseResult.RootCommandResult.Command));
        console.Error.MarkupLineInterpolated($"Run '[bold]{path} --help[/]' to see the commands and options.");
        return ExitCodes.Usage;
    }

    private static List<string> CommandPath(Command command, Command root)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = s.Parents.FirstOrDefault())
        {
            names.Insert(0, ReferenceEquals(c, root) ? "evenhand" : c.Name);
            if (ReferenceEquals(c, root)) break;
        }

        return names;
    }

    private static Command DevCommand()
    {
        var name = new Argument<string>("name") { Description = "Migration name, e.g. AddHateIncidents" };
        var add = new Command("add-migration", "Adds an EF Core migration for both SQLite and PostgreSQL.") { name };
        add.SetHandler((pr, console, _) =>
        {
            var root = RepoRoot.Find();
            foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            {
                foreach (var file in MigrationScaffolder.Add(pr.GetValue(name)!, provider, root))
                {
                    console.Out.MarkupLineInterpolated($"[green]wrote[/] {Path.GetRelativePath(root, file)}");
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return new Command("dev", "Developer tasks.") { Hidden = true, Subcommands = { add } };
    }
}

internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Evenhand.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run this from inside the Evenhand repository (no Evenhand.slnx found above the current directory).");
    }
}

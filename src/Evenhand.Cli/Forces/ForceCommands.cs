using System.CommandLine;
using Evenhand.Cli.Infrastructure;
using Evenhand.Cli.Parsing;
using Evenhand.Forces;
using Spectre.Console;

namespace Evenhand.Cli.Forces;

/// <summary><c>evenhand forces list</c>: the 43 forces and the slugs other commands take.</summary>
internal static class ForceCommands
{
    public static Command Build()
    {
        var json = ParseCommands.JsonOption();
        var list = new Command("list", "List the 43 territorial police forces, their slugs and local policing bodies.") { json };
        list.SetHandler((pr, console, _) =>
        {
            if (pr.GetValue(json))
            {
                CliJson.Write(console, ForceCatalogue.All.Select(f => new ForceJson(
                    f.Slug, f.Name, f.ShortName, f.LocalPolicingBody, f.LocalPolicingBodyType.ToString(), f.Country)).ToList());
                return Task.FromResult(ExitCodes.Success);
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Slug").AddColumn("Force").AddColumn("Local policing body").AddColumn("Country");
            foreach (var f in ForceCatalogue.All)
            {
                table.AddRow(Markup.Escape(f.Slug), Markup.Escape(f.Name), Markup.Escape(f.LocalPolicingBody), Markup.Escape(f.Country));
            }

            console.Out.Write(table);
            console.Out.MarkupLineInterpolated($"{ForceCatalogue.All.Count} forces");
            return Task.FromResult(ExitCodes.Success);
        });
        return new Command("forces", "The 43 territorial police forces of England and Wales.") { Subcommands = { list } };
    }
}

internal sealed record ForceJson(string Slug, string Name, string ShortName, string LocalPolicingBody, string LocalPolicingBodyType, string Country);

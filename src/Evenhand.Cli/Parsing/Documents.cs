using Evenhand.Cli.Infrastructure;
using Evenhand.Forces;
using Evenhand.Importing;
using Evenhand.Inspections.Parsing;

namespace Evenhand.Cli.Parsing;

/// <summary>Reads documents named on the command line.</summary>
internal static class Documents
{
    public static string ReadText(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path} is a folder; give the path of a document.");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"There is no file at {path}.");
        }

        return DocumentText.ReadFile(path);
    }

    public static ParsedReport ReadReport(string path) => ReportParser.Parse(ReadText(path), Path.GetFileName(path));

    /// <summary>The forces a response can name, from the reference data (no database needed).</summary>
    public static IReadOnlyList<(string Slug, string Name, string LocalPolicingBody)> CatalogueForces { get; } =
        ForceCatalogue.All.Select(f => (f.Slug, f.Name, f.LocalPolicingBody)).ToList();
}

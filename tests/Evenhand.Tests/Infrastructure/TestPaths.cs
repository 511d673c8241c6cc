namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// The repository as the tests see it: its root (the folder holding Evenhand.slnx above the test binaries) and the source
/// files that tests scanning the code read (build output and generated migrations left out).
/// </summary>
public static class TestPaths
{
    private static readonly string[] Generated = ["obj", "bin", "Migrations", "node_modules"];

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>samples/seeds: the report and the PCC responses (Seeds names them; this file is also linked
    /// into the browser tests, which do not compile Seeds).</summary>
    public static string SeedsFolder { get; } = Path.Combine(RepoRoot, "samples", "seeds");

    /// <summary>
    /// Files under <paramref name="folder"/> (relative to the repository root, with '/') whose names end with one of
    /// <paramref name="extensions"/>, in path order, skipping anything inside obj, bin, Migrations or node_modules.
    /// </summary>
    public static IReadOnlyList<string> SourceFiles(string folder, params string[] extensions)
    {
        var start = Path.Combine(RepoRoot, folder);
        return Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Where(f => !Path.GetRelativePath(start, f).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(Generated.Contains))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Every line of <paramref name="files"/> that <paramref name="matches"/> accepts, as "path:line: text" (path from
    /// the repository root, line counted from 1, text trimmed), for guard tests that name each offending line.
    /// </summary>
    public static IReadOnlyList<string> MatchingLines(IEnumerable<string> files, Func<string, bool> matches) =>
        files.SelectMany(f => File.ReadLines(f)
                .Select((text, i) => (Line: i + 1, Text: text))
                .Where(l => matches(l.Text))
                .Select(l => $"{Relative(f)}:{l.Line}: {l.Text.Trim()}"))
            .ToList();

    /// <summary>A file's path from the repository root, with '/', for messages and expected lists.</summary>
    public static string Relative(string path) => Path.GetRelativePath(RepoRoot, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Evenhand.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Evenhand.slnx not found above " + AppContext.BaseDirectory);
    }
}

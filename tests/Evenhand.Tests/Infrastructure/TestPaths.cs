namespace Evenhand.Tests.Infrastructure;

public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Seed(string name) => Path.Combine(RepoRoot, "samples", "seeds", name);

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

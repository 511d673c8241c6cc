using System.Text.Json;
using Evenhand.Cli;
using Evenhand.Data;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Cli;

/// <summary>What one in-process run of the <c>evenhand</c> command produced.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public JsonElement Json()
    {
        using var doc = JsonDocument.Parse(Out);
        return doc.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

internal static class CliHarness
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAtAsync(null, args);

    /// <summary>Runs the command with <paramref name="time"/> as its clock (the system clock when null).</summary>
    public static async Task<CliRun> RunAtAsync(TimeProvider? time, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await EvenhandCli.RunAsync(args, stdout, stderr, time);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The seed report, as a path to pass to commands.</summary>
    public static string Report => Seeds.PathOf(Seeds.ReportFile);
}

/// <summary>A SQLite database file in a temporary folder, deleted afterwards; pass <see cref="Args"/> to database commands.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("evenhand-cli-").FullName;
        ConnectionString = $"Data Source={Path.Combine(Folder, "x.db")}";
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public string[] Args => ["--provider", "sqlite", "--connection", ConnectionString];

    public string[] With(params string[] args) => [.. args, .. Args];

    public EvenhandDbContext Open() => new(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, ConnectionString));

    /// <summary>A file in the temporary folder with the given text.</summary>
    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        SqlitePools.Release(ConnectionString); // only this database's: tests run in parallel
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on this platform: the temp folder is cleaned up by the OS.
        }
    }
}

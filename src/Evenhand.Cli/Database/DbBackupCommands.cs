using System.CommandLine;
using System.Text.RegularExpressions;
using Evenhand.Cli.Infrastructure;
using Evenhand.Data;
using Npgsql;
using Spectre.Console;

namespace Evenhand.Cli.Database;

/// <summary>
/// <c>evenhand db backup FILE</c> and <c>evenhand db restore FILE</c>. SQLite: an online backup (safe while the web app runs)
/// and a checked restore that keeps the database it replaces. PostgreSQL has its own tools: the commands print the
/// <c>pg_dump</c> / <c>pg_restore</c> line to use, with the connection's details but never its password.
/// </summary>
internal static partial class DbBackupCommands
{
    public static Command Backup()
    {
        var database = new DatabaseOptions();
        var file = new Argument<string>("file") { Description = "The backup file to write (SQLite); it must not exist yet" };
        var command = new Command("backup", "Back up the database. SQLite: a consistent copy made while the web app runs. PostgreSQL: prints the pg_dump command to run.") { file };
        database.AddTo(command);
        command.SetHandler((pr, console, ct) =>
        {
            var (provider, connection) = database.Resolve(pr);
            var path = pr.GetValue(file)!;
            if (provider == DatabaseProvider.Postgres)
            {
                var pg = new NpgsqlConnectionStringBuilder(connection);
                console.Out.WriteLine("Back up a PostgreSQL database with pg_dump (from the PostgreSQL client tools, the same major version as the server or newer):");
                console.Out.WriteLine();
                // Written as it is, never wrapped, so it can be copied.
                console.Json.WriteLine("  " + PgCommand("pg_dump", pg, "--format=custom", "--file=" + path));
                console.Out.WriteLine();
                console.Out.WriteLine("The password is not shown: pg_dump asks for it, or reads PGPASSWORD or ~/.pgpass. To restore that file later (web app stopped):");
                console.Out.WriteLine();
                console.Json.WriteLine("  " + PgCommand("pg_restore", pg, "--clean", "--if-exists", "--no-owner", path));
                return Task.FromResult(ExitCodes.Success);
            }

            var backup = Refusing(() => SqliteBackup.Backup(connection, path));
            console.Out.MarkupLineInterpolated(
                $"[green]Backed up[/] {SqliteBackup.FilePath(connection)} to {backup.Path} ({backup.Bytes:N0} bytes; {backup.Applied.Count} migrations, last {backup.LastMigration}).");
            console.Out.MarkupLine("It holds personal data: keep it as securely as the database, and only as long as your retention policy allows.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    public static Command Restore()
    {
        var database = new DatabaseOptions();
        var file = new Argument<string>("file") { Description = "The backup to restore (an Evenhand SQLite database file)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Restore without asking for confirmation (required when input is not interactive)" };
        var command = new Command("restore", "Replace the SQLite database with a backup, after checking the backup. The database it replaces is kept beside it. Stop the web app first.") { file, yes };
        database.AddTo(command);
        command.SetHandler((pr, console, ct) =>
        {
            var (provider, connection) = database.Resolve(pr);
            var path = pr.GetValue(file)!;
            if (provider == DatabaseProvider.Postgres)
            {
                var pg = new NpgsqlConnectionStringBuilder(connection);
                throw new CliException(
                    "evenhand restores SQLite databases only. Restore a PostgreSQL backup made by pg_dump with pg_restore, with the web app stopped:\n  " +
                    PgCommand("pg_restore", pg, "--clean", "--if-exists", "--no-owner", path));
            }

            var target = Refusing(() => SqliteBackup.FilePath(connection));
            var incoming = Refusing(() => SqliteBackup.Inspect(path));
            console.Out.MarkupLineInterpolated(
                $"{incoming.Path}: an Evenhand database of {incoming.Bytes:N0} bytes, {incoming.Applied.Count} migrations (last {incoming.LastMigration}), {incoming.Forces} forces.");
            if (!pr.GetValue(yes))
            {
                if (!console.IsInteractive)
                {
                    throw CliException.Usage("Nothing was restored: pass --yes to restore without confirmation (Evenhand cannot ask when input or output is redirected).");
                }

                if (!console.Out.Confirm($"Replace {target} with it? The current database is kept beside it.", defaultValue: false))
                {
                    console.Out.WriteLine("Nothing was restored.");
                    return Task.FromResult(ExitCodes.Success);
                }
            }

            var (keptAt, restored) = Refusing(() => SqliteBackup.Restore(path, connection, console.Time.GetUtcNow()));
            console.Out.MarkupLineInterpolated($"[green]Restored[/] {restored.Path} from {incoming.Path} ({restored.Applied.Count} migrations, last {restored.LastMigration}).");
            if (keptAt is not null)
            {
                console.Out.MarkupLineInterpolated($"The database it replaced is kept at {keptAt}.");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static T Refusing<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (BackupRefusedException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>A pg_dump or pg_restore command line with the connection's host, port, user and database (never the password).</summary>
    internal static string PgCommand(string tool, NpgsqlConnectionStringBuilder pg, params string[] rest)
    {
        var parts = new List<string> { tool };
        if (!string.IsNullOrEmpty(pg.Host))
        {
            parts.Add("--host=" + Quote(pg.Host));
        }

        parts.Add("--port=" + pg.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(pg.Username))
        {
            parts.Add("--username=" + Quote(pg.Username));
        }

        if (!string.IsNullOrEmpty(pg.Database))
        {
            parts.Add("--dbname=" + Quote(pg.Database));
        }

        parts.AddRange(rest.Select(r => r.StartsWith("--", StringComparison.Ordinal) && r.Contains('=', StringComparison.Ordinal)
            ? r[..(r.IndexOf('=', StringComparison.Ordinal) + 1)] + Quote(r[(r.IndexOf('=', StringComparison.Ordinal) + 1)..])
            : Quote(r)));
        return string.Join(' ', parts);
    }

    /// <summary>Quotes a value for a POSIX shell when it has anything but plain characters.</summary>
    private static string Quote(string value) =>
        value.Length > 0 && ShellSafe().IsMatch(value) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex ShellSafe();
}

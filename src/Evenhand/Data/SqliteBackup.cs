using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Data;

/// <summary>A backup or restore that was refused or failed; the message says why and what to do, and nothing was changed.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

/// <summary>What a SQLite file holds, as far as a restore needs to know.</summary>
public sealed record SqliteDatabaseInspection(string Path, long Bytes, IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown, long Forces)
{
    public string? LastMigration => Applied.Count == 0 ? null : Applied[^1];
}

/// <summary>
/// Backing up and restoring an Evenhand SQLite database. A backup uses SQLite's online backup API, which copies a consistent
/// snapshot page by page while the web app goes on reading and writing (in WAL mode writers are not held up), so it is safe
/// to run at any time. A restore checks first that the file is an Evenhand database with every migration of this version
/// applied, refuses while another program (the web app) has the database open, and keeps the database it replaces.
/// </summary>
public static class SqliteBackup
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    /// <summary>Copies the database at <paramref name="connectionString"/> to a new file <paramref name="destination"/>.</summary>
    public static SqliteDatabaseInspection Backup(string connectionString, string destination)
    {
        var sourcePath = FilePath(connectionString);
        if (!File.Exists(sourcePath))
        {
            throw new BackupRefusedException($"There is no database at {sourcePath}. Check --connection (a relative path is relative to the current folder).");
        }

        destination = Path.GetFullPath(destination);
        if (File.Exists(destination) || Directory.Exists(destination))
        {
            throw new BackupRefusedException($"{destination} already exists. Choose a new file name: a backup never overwrites anything.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(destination)))
        {
            throw new BackupRefusedException($"The folder {Path.GetDirectoryName(destination)} does not exist.");
        }

        // Written under a temporary name and renamed when complete, so a file with the backup's name is always a whole backup.
        var partial = destination + ".partial";
        try
        {
            Copy(Open(sourcePath, SqliteOpenMode.ReadWrite), partial);
            File.Move(partial, destination);
        }
        finally
        {
            DeleteIfExists(partial);
        }

        return Inspect(destination);
    }

    /// <summary>
    /// Replaces the database at <paramref name="connectionString"/> with the backup at <paramref name="backup"/>. Returns where
    /// the replaced database was kept (null when there was none) and what was restored.
    /// </summary>
    public static (string? KeptAt, SqliteDatabaseInspection Restored) Restore(string backup, string connectionString, DateTimeOffset now)
    {
        var target = FilePath(connectionString);
        var inspection = Inspect(backup);
        if (inspection.Pending.Count > 0)
        {
            throw new BackupRefusedException(
                $"{inspection.Path} was made by an older version of Evenhand: {inspection.Pending.Count} migration(s) of this version are not applied " +
                $"(the first is {inspection.Pending[0]}). Upgrade a copy of it first with 'evenhand db migrate --connection \"Data Source=COPY\"', then restore the copy. Nothing was changed.");
        }

        if (string.Equals(Path.GetFullPath(backup), target, StringComparison.Ordinal))
        {
            throw new BackupRefusedException("The backup is the database itself. Nothing was changed.");
        }

        if (File.Exists(target))
        {
            EnsureNotInUse(target, connectionString);
        }

        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new BackupRefusedException($"The folder {directory} does not exist.");
        }

        var incoming = target + ".restoring";
        string? keptAt = null;
        try
        {
            Copy(Open(Path.GetFullPath(backup), SqliteOpenMode.ReadOnly), incoming);
            if (File.Exists(target))
            {
                keptAt = $"{target}.before-restore-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
                File.Move(target, keptAt);
                foreach (var suffix in new[] { "-wal", "-shm" })
                {
                    if (File.Exists(target + suffix))
                    {
                        File.Move(target + suffix, keptAt + suffix);
                    }
                }
            }

            try
            {
                File.Move(incoming, target);
            }
            catch when (keptAt is not null)
            {
                File.Move(keptAt, target);
                throw;
            }
        }
        finally
        {
            DeleteIfExists(incoming);
        }

        return (keptAt, Inspect(target));
    }

    /// <summary>
    /// Checks that <paramref name="path"/> is a sound SQLite file holding an Evenhand database this version understands.
    /// Pending migrations are reported, not refused (the caller decides).
    /// </summary>
    public static SqliteDatabaseInspection Inspect(string path)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new BackupRefusedException($"There is no file at {path}.");
        }

        var bytes = new FileInfo(path).Length;
        var start = new byte[Header.Length];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length || !start.AsSpan().SequenceEqual(Header))
            {
                throw new BackupRefusedException($"{path} is not a SQLite database (it does not start with SQLite's header), so it is not an Evenhand backup. Nothing was changed.");
            }
        }

        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        List<string> applied;
        long forces;
        try
        {
            var check = Scalar(connection, "PRAGMA quick_check;");
            if (check is not "ok")
            {
                throw new BackupRefusedException($"{path} is damaged (SQLite's check says: {check}). Nothing was changed.");
            }

            if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';") is 0L)
            {
                throw new BackupRefusedException($"{path} is a SQLite database but not an Evenhand one: it has no migration history. Nothing was changed.");
            }

            applied = Strings(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;");
            forces = applied.Count > 0 && Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'Forces';") is 1L
                ? (long)Scalar(connection, "SELECT count(*) FROM Forces;")!
                : 0;
        }
        catch (SqliteException e)
        {
            throw new BackupRefusedException($"{path} cannot be read as a database: {e.Message} Nothing was changed.");
        }

        var known = KnownMigrations();
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (applied.Count == 0 || unknown.Count == applied.Count)
        {
            throw new BackupRefusedException(
                $"{path} is not an Evenhand database: its migration history ({(applied.Count == 0 ? "empty" : applied[0])}) is not Evenhand's. Nothing was changed.");
        }

        if (unknown.Count > 0)
        {
            throw new BackupRefusedException(
                $"{path} was made by a newer version of Evenhand: it has migration {unknown[0]}, which this version does not know. Restore it with that version. Nothing was changed.");
        }

        var pending = known.Where(m => !applied.Contains(m)).ToList();
        return new SqliteDatabaseInspection(path, bytes, applied, pending, unknown, forces);
    }

    /// <summary>The migrations this version of Evenhand has for SQLite, oldest first.</summary>
    public static IReadOnlyList<string> KnownMigrations()
    {
        using var db = new EvenhandDbContext(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        return db.Database.GetMigrations().ToList();
    }

    /// <summary>The full path of the file a SQLite connection string names; refuses an in-memory database.</summary>
    public static string FilePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new BackupRefusedException("The connection string names no database file (an in-memory database cannot be backed up or restored).");
        }

        return Path.GetFullPath(builder.DataSource);
    }

    /// <summary>
    /// Refuses while another connection has the database open. The web app keeps its connections open in WAL mode, and leaving
    /// WAL mode needs the database to itself, so a failure to switch to a rollback journal means someone else is using it.
    /// </summary>
    private static void EnsureNotInUse(string target, string connectionString)
    {
        SqlitePools.Release(connectionString); // this process's own idle connections to it are not "another program"
        var inUse = $"{target} is in use by another program (is the web app running?). Stop the web app, then restore. Nothing was changed.";
        try
        {
            using var connection = Open(target, SqliteOpenMode.ReadWrite);
            if (Scalar(connection, "PRAGMA journal_mode = DELETE;") is not "delete")
            {
                throw new BackupRefusedException(inUse);
            }
        }
        catch (SqliteException e) when (DatabaseAvailability.IsUnavailableSqliteError(e.SqliteErrorCode))
        {
            throw new BackupRefusedException(inUse);
        }
    }

    /// <summary>Copies <paramref name="source"/> (then closed) into a new file at <paramref name="path"/> as one self-contained file.</summary>
    private static void Copy(SqliteConnection source, string path)
    {
        DeleteIfExists(path);
        using (source)
        using (var target = Open(path, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(target);
            // One file, with no -wal beside it: the app turns WAL on again when it opens the database.
            Scalar(target, "PRAGMA journal_mode = DELETE;");
            if (Scalar(target, "PRAGMA quick_check;") is not "ok")
            {
                throw new BackupRefusedException("The copy failed SQLite's check; nothing was changed. Try again.");
            }
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 2,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static void DeleteIfExists(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}

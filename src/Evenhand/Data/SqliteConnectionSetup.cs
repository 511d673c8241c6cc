using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Evenhand.Data;

/// <summary>
/// Sets up every SQLite connection EF Core opens:
/// <list type="bullet">
/// <item><c>secure_delete</c>: deleted rows (a subject's personal data above all) are overwritten with zeros in the file instead
/// of being left in free space where a copy of the file would show them (see <c>PersonalDataErasure</c>).</item>
/// <item>WAL journal mode (stored in the file, so this only changes a database once): readers never wait for a writer and a
/// writer never waits for readers, so pages stay quick while someone saves.</item>
/// <item><c>busy_timeout</c>: a writer that finds another writer at work waits for it, up to the connection's
/// <c>Default Timeout</c> (30 seconds unless the connection string says otherwise), instead of failing at once with
/// "database is locked".</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, string> Commands = new();

    public static SqliteConnectionSetup Instance { get; } = new();

    private SqliteConnectionSetup()
    {
    }

    /// <summary>The pragmas for a connection: a read-only connection cannot change the journal mode, so it does not ask.</summary>
    internal static string CommandFor(DbConnection connection) => Commands.GetOrAdd(connection.ConnectionString, cs =>
    {
        var builder = new SqliteConnectionStringBuilder(cs);
        var busyMilliseconds = (long)builder.DefaultTimeout * 1000;
        var wal = builder.Mode == SqliteOpenMode.ReadOnly ? "" : "PRAGMA journal_mode = WAL; ";
        return $"{wal}PRAGMA secure_delete = ON; PRAGMA busy_timeout = {busyMilliseconds};";
    });

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = CommandFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = CommandFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

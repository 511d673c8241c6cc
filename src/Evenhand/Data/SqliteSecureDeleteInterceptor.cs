using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Evenhand.Data;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection EF Core opens, so that deleted rows (a subject's personal data
/// above all) are overwritten with zeros in the file instead of being left in free space where a copy of the file would show
/// them. It costs some extra writing on deletes, which are rare here.
/// </summary>
public sealed class SqliteSecureDeleteInterceptor : DbConnectionInterceptor
{
    public static SqliteSecureDeleteInterceptor Instance { get; } = new();

    private SqliteSecureDeleteInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = "PRAGMA secure_delete = ON;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

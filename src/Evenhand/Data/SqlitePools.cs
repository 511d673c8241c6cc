using Microsoft.Data.Sqlite;

namespace Evenhand.Data;

/// <summary>This process's pooled connections to a SQLite database file.</summary>
public static class SqlitePools
{
    /// <summary>
    /// Closes this process's pooled connections made with <paramref name="connectionString"/> (one in use closes when it is
    /// returned), so the file can be replaced, checked for other users or deleted. Use this, never
    /// <see cref="SqliteConnection.ClearAllPools"/>: that clears every database's pool in the process, and a clear that lands
    /// while another connection is being opened disposes that connection's native handle under it ("Cannot access a disposed
    /// object. Object name: 'SQLitePCL.sqlite3'"), a race inside Microsoft.Data.Sqlite.
    /// </summary>
    public static void Release(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}

using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Evenhand.Data;

/// <summary>
/// Tells a failure to reach the database (server down, network cut, too many connections, file locked or unreadable) from
/// every other error, on either provider. The web app answers the first with "service unavailable" (503) and a request to
/// try again later, because the same request will work once the database is back; everything else stays a 500.
/// </summary>
public static class DatabaseAvailability
{
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                    return true;
                case PostgresException p:
                    return IsUnavailableState(p.SqlState);
                case NpgsqlException n when n.IsTransient:
                    return true;
                case SqliteException s:
                    return IsUnavailableSqliteError(s.SqliteErrorCode);
                case SocketException or TimeoutException:
                    return true;
                case AggregateException a when a.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// PostgreSQL states meaning "cannot use the database now": class 08 (connection exceptions), 53 (insufficient resources,
    /// too many connections), 57P01–57P05 (the server shutting down, starting up or ending idle sessions), 3D000 (the database
    /// does not exist, as while it is being restored or renamed) and 55000 (e.g. a database that is not accepting connections).
    /// </summary>
    public static bool IsUnavailableState(string? sqlState) => sqlState is not null
        && (sqlState.StartsWith("08", StringComparison.Ordinal)
            || sqlState.StartsWith("53", StringComparison.Ordinal)
            || sqlState.StartsWith("57P", StringComparison.Ordinal)
            || sqlState is "3D000" or "55000");

    /// <summary>
    /// SQLite results meaning the file cannot be used now: busy or locked beyond the busy timeout, a disk I/O error, the file
    /// cannot be opened, access denied, the disk full, or the file read-only.
    /// </summary>
    public static bool IsUnavailableSqliteError(int code) => (code & 0xFF) switch
    {
        3 => true,   // SQLITE_PERM
        5 => true,   // SQLITE_BUSY
        6 => true,   // SQLITE_LOCKED
        8 => true,   // SQLITE_READONLY
        10 => true,  // SQLITE_IOERR
        13 => true,  // SQLITE_FULL
        14 => true,  // SQLITE_CANTOPEN
        _ => false,
    };
}

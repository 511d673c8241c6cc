using Microsoft.EntityFrameworkCore;

namespace Evenhand.Data;

/// <summary>What a failed save means, on either provider.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row: SQLite's constraint error (19), PostgreSQL's unique_violation (23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}

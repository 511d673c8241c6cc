using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.HateIncidents;

/// <summary>
/// Makes a deletion of personal data leave nothing behind in the database files. On SQLite every connection has
/// <c>secure_delete</c> on (<see cref="SqliteConnectionSetup"/>), so the deleted rows are zeroed in the pages they were
/// in; what remains are older copies of those pages in the write-ahead log, which <see cref="AfterDeletionAsync"/> copies back
/// and truncates. On PostgreSQL dead rows stay in the table files until a VACUUM, which the due-work job runs
/// (<see cref="VacuumAsync"/>); WAL archives and backups are the operator's to expire (see the README).
/// </summary>
public static class PersonalDataErasure
{
    /// <summary>Call after the transaction that deleted personal data has committed.</summary>
    public static async Task AfterDeletionAsync(EvenhandDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            // TRUNCATE: every frame is written back to the database file and the -wal file is cut to zero bytes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
    }

    /// <summary>On PostgreSQL, VACUUM the tables that hold personal data, so the space of deleted rows is reclaimed. No-op on SQLite.</summary>
    public static async Task VacuumAsync(EvenhandDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        foreach (var type in new[] { typeof(IncidentPerson), typeof(IncidentAttachment), typeof(IncidentAttachmentFile), typeof(HateIncident) })
        {
            var table = db.Model.FindEntityType(type)?.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
            // A table name from the model, not from input; VACUUM cannot run inside a transaction, and EF runs this outside one.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"VACUUM \"{table}\";", ct);
#pragma warning restore EF1002
        }
    }
}

using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

/// <summary>
/// What every governance register service shares: the record's history, adding a record (its history and
/// audit need its id: two saves in one transaction) and saving an edit with the stale-version check.
/// </summary>
public abstract class GovernanceRegister(EvenhandDbContext db, TimeProvider time)
{
    protected EvenhandDbContext Db => db;

    /// <summary>The clock; today's UK date is <c>Time.Today()</c>.</summary>
    protected TimeProvider Time => time;

    /// <summary>The register's record type in history and audit entries, e.g. "Policy".</summary>
    protected abstract string RecordType { get; }

    public async Task<IReadOnlyList<GovernanceHistoryEntry>> HistoryAsync(int forceId, int id, CancellationToken ct = default) =>
        await db.GovernanceHistory.AsNoTracking()
            .Where(h => h.ForceId == forceId && h.RecordType == RecordType && h.RecordId == id)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .ToListAsync(ct);

    /// <summary>Adds the record <paramref name="create"/> makes (it is made again if the transaction is retried).</summary>
    protected Task<T> AddRecordAsync<T>(Func<T> create, int forceId, Func<T, int> id, Func<T, object> snapshot, ProcessContext ctx, CancellationToken ct)
        where T : class =>
        db.InTransactionAsync(async ct =>
        {
            var record = create();
            var created = snapshot(record);
            db.Add(record);
            await db.SaveChangesAsync(ct);
            History(forceId, id(record), ctx, "Added to the register");
            AuditLog.Record(db, ctx, "Created", RecordType, id(record), forceId, null, created);
            await db.SaveChangesAsync(ct);
            return record;
        }, ct);

    /// <summary>Applies an edit to a record the user loaded at <paramref name="version"/>, and saves it with its history and audit entries when anything changed.</summary>
    protected async Task<T> UpdateRecordAsync<T>(T record, int forceId, int id, Guid version, Func<T, IReadOnlyList<string>> apply, Func<T, object> snapshot,
        ProcessContext ctx, CancellationToken ct)
        where T : VersionedEntity
    {
        record.EnsureVersion(version);
        var before = snapshot(record);
        var changes = apply(record);
        if (changes.Count > 0)
        {
            await SaveChangeAsync(forceId, id, "Updated", string.Join("; ", changes), before, snapshot(record), ctx, ct);
        }

        return record;
    }

    /// <summary>Writes the history and audit entries of a change and saves; a stale version becomes a conflict for the user.</summary>
    protected async Task SaveChangeAsync(int forceId, int id, string action, string change, object? before, object after, ProcessContext ctx, CancellationToken ct)
    {
        History(forceId, id, ctx, change);
        AuditLog.Record(db, ctx, action, RecordType, id, forceId, before, after);
        await db.SaveOrConflictAsync(ct);
    }

    private void History(int forceId, int id, ProcessContext ctx, string change) =>
        db.GovernanceHistory.Add(new GovernanceHistoryEntry { ForceId = forceId, RecordType = RecordType, RecordId = id, At = ctx.Now, By = ctx.UserName, Change = change });
}

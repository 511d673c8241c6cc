using Evenhand.Auditing;
using Evenhand.Common;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Data;

/// <summary>How a kind of record appears in the audit log: its record type, id, force and the fields an entry keeps.</summary>
/// <param name="EntityType">The record type in audit entries, e.g. "ForceResponse".</param>
/// <param name="Id">The record's id.</param>
/// <param name="ForceId">The force the record belongs to (null for national records).</param>
/// <param name="Snapshot">The fields an audit entry keeps before and after a change (never personal data the log must not hold).</param>
public sealed record AuditShape<T>(string EntityType, Func<T, object> Id, Func<T, int?> ForceId, Func<T, object> Snapshot);

/// <summary>
/// The one way a service saves a change someone made to a versioned record, so that every feature behaves alike:
/// <list type="number">
/// <item>refuse the change if the person edited an older version than the one stored now;</item>
/// <item>apply the change through the entity's own method (which enforces its rules);</item>
/// <item>write the audit entry, with the record's fields before and after;</item>
/// <item>save, and turn a save that lost a race with another one (the row's version moved on in between) into the same
/// "changed by someone else" refusal, with nothing saved.</item>
/// </list>
/// Concurrency tokens are set by convention (every <c>Guid Version</c>, see <see cref="EvenhandDbContext"/>), so a service
/// never configures or checks them by hand.
/// </summary>
public static class AuditedChanges
{
    /// <summary>Checks <paramref name="version"/>, applies <paramref name="change"/>, audits it as <paramref name="action"/> and saves.</summary>
    public static async Task<T> ChangeAsync<T>(this EvenhandDbContext db, T record, Guid version, string action, AuditShape<T> shape, Action<T> change,
        ProcessContext ctx, CancellationToken ct)
        where T : VersionedEntity
    {
        ArgumentNullException.ThrowIfNull(change);
        return await db.ChangeAsync(record, version, action, shape, r =>
        {
            change(r);
            return Task.CompletedTask;
        }, ctx, ct);
    }

    /// <inheritdoc cref="ChangeAsync{T}(EvenhandDbContext, T, Guid, string, AuditShape{T}, Action{T}, ProcessContext, CancellationToken)"/>
    /// <remarks>For a change that reads something first (the force's policy, say): it runs after the version check.</remarks>
    public static async Task<T> ChangeAsync<T>(this EvenhandDbContext db, T record, Guid version, string action, AuditShape<T> shape, Func<T, Task> change,
        ProcessContext ctx, CancellationToken ct)
        where T : VersionedEntity
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(change);
        record.EnsureVersion(version);
        var before = shape.Snapshot(record);
        await change(record);
        await db.SaveAuditedAsync(record, action, shape, before, ctx, ct);
        return record;
    }

    /// <summary>Audits a change already applied to <paramref name="record"/> (from <paramref name="before"/>) and saves it.</summary>
    public static Task SaveAuditedAsync<T>(this EvenhandDbContext db, T record, string action, AuditShape<T> shape, object? before, ProcessContext ctx,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shape);
        AuditLog.Record(db, ctx, action, shape.EntityType, shape.Id(record), shape.ForceId(record), before, shape.Snapshot(record));
        return db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Saves; a concurrency token that no longer matches (another save won the race) becomes a
    /// <see cref="ConcurrencyConflictException"/> with <paramref name="conflictMessage"/>, or the standard message.
    /// </summary>
    public static async Task SaveOrConflictAsync(this EvenhandDbContext db, CancellationToken ct, string? conflictMessage = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw conflictMessage is null ? new ConcurrencyConflictException() : new ConcurrencyConflictException(conflictMessage);
        }
    }
}

using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Auditing;

/// <summary>
/// Which audit entries to list: of one force (or of none: national and system records), of one record type (and one record),
/// by one user (their email or name as recorded). Every filter is optional.
/// </summary>
public sealed record AuditQuery(int? ForceId = null, bool NoForce = false, string? EntityType = null, string? EntityId = null, string? UserName = null);

/// <summary>
/// Reads the audit trail for the administrators' audit log: the newest entry first, a page at a time by key (the entry's id,
/// which only grows), so the millionth entry costs what the first does. Each filter has an index in the same order
/// (EvenhandDbContext); the trail is never counted.
/// </summary>
public sealed class AuditTrail(EvenhandDbContext db)
{
    public async Task<KeysetPage<AuditEntry>> PageAsync(AuditQuery q, PageRequest<long> request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(request);
        var entries = db.AuditEntries.AsNoTracking();
        if (q.NoForce)
        {
            entries = entries.Where(a => a.ForceId == null);
        }
        else if (q.ForceId is { } forceId)
        {
            entries = entries.Where(a => a.ForceId == forceId);
        }

        if (Clean(q.EntityType) is { } type)
        {
            entries = entries.Where(a => a.EntityType == type);
            if (Clean(q.EntityId) is { } id)
            {
                entries = entries.Where(a => a.EntityId == id);
            }
        }

        if (Clean(q.UserName) is { } user)
        {
            entries = entries.Where(a => a.UserName == user);
        }

        if (request.Key is { } key)
        {
            entries = request.From == PageFrom.After ? entries.Where(a => a.Id < key) : entries.Where(a => a.Id > key);
        }

        entries = request.Backwards ? entries.OrderBy(a => a.Id) : entries.OrderByDescending(a => a.Id);
        return KeysetPage.From(request, await entries.Take(request.Take(null)).ToListAsync(ct), null);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

using System.Text.Json;
using Evenhand.Common;
using Evenhand.Data;

namespace Evenhand.Auditing;

/// <summary>Adds audit entries to the current unit of work, so they are saved in the same transaction as the change.</summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Record(EvenhandDbContext db, ProcessContext ctx, string action, string entityType, object entityId, int? forceId, object? before = null, object? after = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = ctx.Now,
            UserId = ctx.UserId,
            UserName = ctx.UserName,
            ForceId = forceId,
            EntityType = entityType,
            EntityId = entityId.ToString() ?? "",
            Action = action,
            Before = before is null ? null : before as string ?? JsonSerializer.Serialize(before, Json),
            After = after is null ? null : after as string ?? JsonSerializer.Serialize(after, Json),
            Reason = ctx.Reason,
        });
}

namespace Evenhand.Auditing;

/// <summary>One entry of the audit trail: who did what to which record, when, and the values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public int? ForceId { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>Created, Updated, Deleted, Viewed, Imported, Published…</summary>
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
}

namespace Evenhand.Common;

/// <summary>
/// Base for records users edit. <see cref="Version"/> is an optimistic-concurrency token that works the same on SQLite and
/// PostgreSQL: every save assigns a new value, and EF refuses an update whose token no longer matches the stored one.
/// </summary>
public abstract class VersionedEntity
{
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Marks the record as changed; call from every state-changing method.</summary>
    protected void Bump() => Version = Guid.NewGuid();

    /// <summary>Refuses the change when the caller edited an older version than the one loaded now.</summary>
    public void EnsureVersion(Guid expected)
    {
        if (expected != Version)
        {
            throw new ConcurrencyConflictException();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.Auditing;

// The EF Core mapping of the audit log, found by EvenhandDbContext's assembly scan. Version columns are concurrency
// tokens by convention (EvenhandDbContext.OnModelCreating), so they are not configured here.

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // The audit log page lists the newest first (by id), filtered by force, record type or user, read by key.
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.ForceId, a.Id });
        b.HasIndex(a => new { a.EntityType, a.Id });
        b.HasIndex(a => new { a.UserName, a.Id });
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(40);
    }
}

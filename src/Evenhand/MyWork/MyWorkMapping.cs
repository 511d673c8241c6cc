using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.MyWork;

// The EF Core mapping of reminder settings and the email outbox, found by EvenhandDbContext's assembly scan. Version
// columns are concurrency tokens by convention (EvenhandDbContext.OnModelCreating), so they are not configured here.

internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> b)
    {
        b.ToTable("ReminderSettings");
        b.HasKey(s => s.UserId);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasOne<Accounts.EvenhandUser>().WithOne().HasForeignKey<ReminderSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.CalendarTokenHash).HasMaxLength(64);
        b.HasIndex(s => s.CalendarTokenHash).IsUnique();
    }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> b)
    {
        b.ToTable("OutboxEmails");
        b.HasOne<Accounts.EvenhandUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.UserId, e.Kind, e.Key }).IsUnique();
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
        b.HasIndex(e => e.CreatedAt);
        b.HasIndex(e => new { e.UserId, e.Day });
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.Kind).HasMaxLength(20);
        b.Property(e => e.Key).HasMaxLength(200);
        b.Property(e => e.To).HasMaxLength(256);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.Body).HasMaxLength(100_000);
        b.Property(e => e.LastError).HasMaxLength(2000);
        b.Property(e => e.SentBy).HasMaxLength(40);
        b.Property(e => e.ProviderId).HasMaxLength(100);
    }
}

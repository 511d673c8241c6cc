using Evenhand.Accounts;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Evenhand.Data;

public sealed class EvenhandDbContext(DbContextOptions<EvenhandDbContext> options) : IdentityDbContext<EvenhandUser>(options)
{
    public DbSet<Force> Forces => Set<Force>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<ForceResponse> ForceResponses => Set<ForceResponse>();
    public DbSet<EvidenceItem> Evidence => Set<EvidenceItem>();
    public DbSet<Section55Response> Section55Responses => Set<Section55Response>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native instant type and cannot compare or order DateTimeOffset values stored as text.
        // Store them as a sortable binary number there; PostgreSQL keeps timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<EvenhandUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.HasOne(u => u.Force).WithMany().HasForeignKey(u => u.ForceId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Force>(b =>
        {
            b.HasIndex(f => f.Slug).IsUnique();
            b.Property(f => f.Slug).HasMaxLength(60);
            b.Property(f => f.Name).HasMaxLength(120);
            b.Property(f => f.ShortName).HasMaxLength(80);
            b.Property(f => f.LocalPolicingBody).HasMaxLength(200);
            b.Property(f => f.Country).HasMaxLength(20);
        });

        builder.Entity<Inspection>(b =>
        {
            b.Property(i => i.Title).HasMaxLength(500);
            b.Property(i => i.Publisher).HasMaxLength(200);
            b.Property(i => i.SourceFileName).HasMaxLength(260);
            b.HasMany(i => i.Recommendations).WithOne(r => r.Inspection!).HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
            ConfigureVersion(b);
        });

        builder.Entity<Recommendation>(b =>
        {
            b.HasIndex(r => new { r.InspectionId, r.Number }).IsUnique();
            b.Property(r => r.Chapter).HasMaxLength(200);
            b.Property(r => r.DueRuleEvent).HasMaxLength(500);
            b.Property(r => r.DueRuleDescription).HasMaxLength(500);
            ConfigureVersion(b);
        });

        builder.Entity<ForceResponse>(b =>
        {
            b.HasIndex(r => new { r.ForceId, r.RecommendationId }).IsUnique();
            b.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(r => r.Recommendation).WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Evidence).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Meetings).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Timeline).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
            b.Property(r => r.ExecutiveLead).HasMaxLength(200);
            b.Property(r => r.DeliveryLead).HasMaxLength(200);
            b.Property(r => r.AssessedBy).HasMaxLength(200);
            ConfigureVersion(b);
        });

        builder.Entity<PlanAction>(b =>
        {
            b.Property(a => a.Owner).HasMaxLength(200);
        });

        builder.Entity<GovernanceMeeting>(b => b.Property(m => m.Board).HasMaxLength(200));
        builder.Entity<ForceResponseUpdate>(b => b.Property(u => u.By).HasMaxLength(200));

        builder.Entity<EvidenceItem>(b =>
        {
            b.Property(e => e.FileName).HasMaxLength(260);
            b.Property(e => e.ContentType).HasMaxLength(200);
            b.Property(e => e.Url).HasMaxLength(2000);
            b.Property(e => e.AddedBy).HasMaxLength(200);
            b.HasOne(e => e.File).WithOne().HasForeignKey<EvidenceFile>(f => f.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Section55Response>(b =>
        {
            b.HasIndex(r => new { r.ForceId, r.InspectionId }).IsUnique();
            b.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(r => r.Inspection).WithMany().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.Section55ResponseId).OnDelete(DeleteBehavior.Cascade);
            b.Property(r => r.PublicUrl).HasMaxLength(2000);
            b.Property(r => r.SourceFileName).HasMaxLength(260);
            b.Property(r => r.UpdatedBy).HasMaxLength(200);
            ConfigureVersion(b);
        });

        builder.Entity<Section55Item>(b =>
        {
            b.HasIndex(i => new { i.Section55ResponseId, i.RecommendationId }).IsUnique();
            b.HasOne(i => i.Recommendation).WithMany().HasForeignKey(i => i.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(b =>
        {
            b.HasIndex(a => new { a.EntityType, a.EntityId });
            b.HasIndex(a => a.At);
            b.Property(a => a.UserId).HasMaxLength(450);
            b.Property(a => a.UserName).HasMaxLength(256);
            b.Property(a => a.EntityType).HasMaxLength(100);
            b.Property(a => a.EntityId).HasMaxLength(100);
            b.Property(a => a.Action).HasMaxLength(40);
        });
    }

    private static void ConfigureVersion<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b)
        where T : VersionedEntity => b.Property(e => e.Version).IsConcurrencyToken();
}

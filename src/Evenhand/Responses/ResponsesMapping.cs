using Evenhand.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.Responses;

// The EF Core mapping of forces' action plans, evidence and section 55 responses, found by EvenhandDbContext's assembly
// scan. Version columns are concurrency tokens by convention (EvenhandDbContext.OnModelCreating), so they are not
// configured here.

internal sealed class ForceResponseConfiguration : IEntityTypeConfiguration<ForceResponse>
{
    public void Configure(EntityTypeBuilder<ForceResponse> b)
    {
        b.HasIndex(r => new { r.ForceId, r.RecommendationId }).IsUnique();
        b.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Recommendation).WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Evidence).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Meetings).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Timeline).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.AssessedBy).HasMaxLength(200);
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.Property(a => a.OwnerUserId).HasMaxLength(450);
        b.HasOne<EvenhandUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GovernanceMeetingConfiguration : IEntityTypeConfiguration<GovernanceMeeting>
{
    public void Configure(EntityTypeBuilder<GovernanceMeeting> b)
    {
    }
}

internal sealed class ForceResponseUpdateConfiguration : IEntityTypeConfiguration<ForceResponseUpdate>
{
    public void Configure(EntityTypeBuilder<ForceResponseUpdate> b)
    {
        b.Property(u => u.By).HasMaxLength(200);
    }
}

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> b)
    {
        b.Property(e => e.FileName).HasMaxLength(260);
        b.Property(e => e.ContentType).HasMaxLength(200);
        b.Property(e => e.AddedBy).HasMaxLength(200);
        b.HasOne(e => e.File).WithOne().HasForeignKey<EvidenceFile>(f => f.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class Section55ResponseConfiguration : IEntityTypeConfiguration<Section55Response>
{
    public void Configure(EntityTypeBuilder<Section55Response> b)
    {
        b.HasIndex(r => new { r.ForceId, r.InspectionId }).IsUnique();
        b.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Inspection).WithMany().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.Section55ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Corrections).WithOne().HasForeignKey(c => c.Section55ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.DueOn);
        b.Property(r => r.SourceFileName).HasMaxLength(260);
        b.Property(r => r.UpdatedBy).HasMaxLength(200);
    }
}

internal sealed class Section55ItemConfiguration : IEntityTypeConfiguration<Section55Item>
{
    public void Configure(EntityTypeBuilder<Section55Item> b)
    {
        b.HasIndex(i => new { i.Section55ResponseId, i.RecommendationId }).IsUnique();
        b.HasOne(i => i.Recommendation).WithMany().HasForeignKey(i => i.RecommendationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class Section55CorrectionConfiguration : IEntityTypeConfiguration<Section55Correction>
{
    public void Configure(EntityTypeBuilder<Section55Correction> b)
    {
        b.HasIndex(c => c.Section55ResponseId);
        b.Property(c => c.Part).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.PreviousStance).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.NewStance).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.CorrectedBy).HasMaxLength(200);
        b.Ignore(c => c.PartDescription);
    }
}

using Evenhand.Forces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.Governance;

// The EF Core mapping of the governance registers and their history, found by EvenhandDbContext's assembly scan.
// Version columns are concurrency tokens by convention (EvenhandDbContext.OnModelCreating), so they are not configured
// here.

internal sealed class PolicyDocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> b)
    {
        b.HasOne<Force>().WithMany().HasForeignKey(p => p.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ForceId, p.NextReviewDueOn });
        b.Property(p => p.CreatedBy).HasMaxLength(200);
        b.HasMany(p => p.Assessments).WithOne().HasForeignKey(a => a.PolicyDocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EqualityImpactAssessmentConfiguration : IEntityTypeConfiguration<EqualityImpactAssessment>
{
    public void Configure(EntityTypeBuilder<EqualityImpactAssessment> b)
    {
        b.Property(a => a.RecordedBy).HasMaxLength(200);
        b.OwnsMany(a => a.Lines, l =>
        {
            // One line per characteristic: the natural key.
            l.WithOwner().HasForeignKey("EqualityImpactAssessmentId");
            l.HasKey("EqualityImpactAssessmentId", nameof(EiaLine.Characteristic));
        });
    }
}

internal sealed class VisibleRepresentationConfiguration : IEntityTypeConfiguration<VisibleRepresentation>
{
    public void Configure(EntityTypeBuilder<VisibleRepresentation> b)
    {
        b.HasOne<Force>().WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ForceId, r.Item });
    }
}

internal sealed class PoliticalContactConfiguration : IEntityTypeConfiguration<PoliticalContact>
{
    public void Configure(EntityTypeBuilder<PoliticalContact> b)
    {
        b.HasOne<Force>().WithMany().HasForeignKey(c => c.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ForceId, c.ContactOn });
    }
}

internal sealed class ContentiousIssueConfiguration : IEntityTypeConfiguration<ContentiousIssue>
{
    public void Configure(EntityTypeBuilder<ContentiousIssue> b)
    {
        b.HasOne<Force>().WithMany().HasForeignKey(i => i.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.ForceId, i.Status });
    }
}

internal sealed class PolicedEventConfiguration : IEntityTypeConfiguration<PolicedEvent>
{
    public void Configure(EntityTypeBuilder<PolicedEvent> b)
    {
        b.HasOne<Force>().WithMany().HasForeignKey(e => e.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ForceId, e.StartsOn });
    }
}

internal sealed class AdvisoryGroupConfiguration : IEntityTypeConfiguration<AdvisoryGroup>
{
    public void Configure(EntityTypeBuilder<AdvisoryGroup> b)
    {
        b.HasOne<Force>().WithMany().HasForeignKey(g => g.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(g => g.ForceId);
        b.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.AdvisoryGroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(g => g.Meetings).WithOne().HasForeignKey(m => m.AdvisoryGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdvisoryGroupMemberConfiguration : IEntityTypeConfiguration<AdvisoryGroupMember>
{
    public void Configure(EntityTypeBuilder<AdvisoryGroupMember> b)
    {
    }
}

internal sealed class AdvisoryMeetingConfiguration : IEntityTypeConfiguration<AdvisoryMeeting>
{
    public void Configure(EntityTypeBuilder<AdvisoryMeeting> b)
    {
    }
}

internal sealed class GovernanceSettingsConfiguration : IEntityTypeConfiguration<GovernanceSettings>
{
    public void Configure(EntityTypeBuilder<GovernanceSettings> b)
    {
        b.HasOne<Force>().WithMany().HasForeignKey(s => s.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.ForceId).IsUnique();
    }
}

internal sealed class StaffNetworkConfiguration : IEntityTypeConfiguration<StaffNetwork>
{
    public void Configure(EntityTypeBuilder<StaffNetwork> b)
    {
        b.HasOne<Force>().WithMany().HasForeignKey(n => n.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => n.ForceId);
        b.Property(n => n.Criteria).HasConversion<int>();
        b.Property(n => n.AnnualBudget).HasPrecision(12, 2);
        b.Property(n => n.SpendToDate).HasPrecision(12, 2);
        b.HasMany(n => n.FundingRequests).WithOne().HasForeignKey(r => r.StaffNetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FundingRequestConfiguration : IEntityTypeConfiguration<FundingRequest>
{
    public void Configure(EntityTypeBuilder<FundingRequest> b)
    {
        b.Property(r => r.Amount).HasPrecision(12, 2);
        b.Property(r => r.AmountAwarded).HasPrecision(12, 2);
        b.Property(r => r.WorkforceSharePercent).HasPrecision(5, 2);
        b.Property(r => r.LocalPopulationSharePercent).HasPrecision(5, 2);
    }
}

internal sealed class GovernanceHistoryEntryConfiguration : IEntityTypeConfiguration<GovernanceHistoryEntry>
{
    public void Configure(EntityTypeBuilder<GovernanceHistoryEntry> b)
    {
        b.HasIndex(h => new { h.ForceId, h.RecordType, h.RecordId });
        b.Property(h => h.RecordType).HasMaxLength(40);
        b.Property(h => h.By).HasMaxLength(200);
        b.Property(h => h.Change).HasMaxLength(4000);
    }
}

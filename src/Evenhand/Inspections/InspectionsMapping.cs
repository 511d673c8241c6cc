using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.Inspections;

// The EF Core mapping of inspections and their recommendations, found by EvenhandDbContext's assembly scan. Version
// columns are concurrency tokens by convention (EvenhandDbContext.OnModelCreating), so they are not configured here.

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.Property(i => i.Title).HasMaxLength(500);
        b.Property(i => i.Publisher).HasMaxLength(200);
        b.Property(i => i.SourceFileName).HasMaxLength(260);
        b.HasMany(i => i.Recommendations).WithOne(r => r.Inspection!).HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> b)
    {
        b.HasIndex(r => new { r.InspectionId, r.Number }).IsUnique();
        b.Property(r => r.Chapter).HasMaxLength(200);
        b.Property(r => r.DueRuleEvent).HasMaxLength(500);
        b.Property(r => r.DueRuleDescription).HasMaxLength(500);
    }
}

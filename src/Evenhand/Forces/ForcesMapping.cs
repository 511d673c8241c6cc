using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.Forces;

// The EF Core mapping of forces, found by EvenhandDbContext's assembly scan. Version columns are concurrency tokens by
// convention (EvenhandDbContext.OnModelCreating), so they are not configured here.

internal sealed class ForceConfiguration : IEntityTypeConfiguration<Force>
{
    public void Configure(EntityTypeBuilder<Force> b)
    {
        b.HasIndex(f => f.Slug).IsUnique();
        b.Property(f => f.Slug).HasMaxLength(60);
        b.Property(f => f.Name).HasMaxLength(120);
        b.Property(f => f.ShortName).HasMaxLength(80);
        b.Property(f => f.LocalPolicingBody).HasMaxLength(200);
        b.Property(f => f.Country).HasMaxLength(20);
    }
}

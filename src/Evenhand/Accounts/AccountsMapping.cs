using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.Accounts;

// The EF Core mapping of user accounts, found by EvenhandDbContext's assembly scan. Version columns are concurrency
// tokens by convention (EvenhandDbContext.OnModelCreating), so they are not configured here.

internal sealed class EvenhandUserConfiguration : IEntityTypeConfiguration<EvenhandUser>
{
    public void Configure(EntityTypeBuilder<EvenhandUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasOne(u => u.Force).WithMany().HasForeignKey(u => u.ForceId).OnDelete(DeleteBehavior.Restrict);
    }
}

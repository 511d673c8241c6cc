using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.Data;

// The EF Core mapping of ASP.NET Core Data Protection keys, found by EvenhandDbContext's assembly scan. Version columns
// are concurrency tokens by convention (EvenhandDbContext.OnModelCreating), so they are not configured here.

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
    }
}

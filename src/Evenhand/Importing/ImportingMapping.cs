using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.Importing;

// The EF Core mapping of files staged for background imports, found by EvenhandDbContext's assembly scan. Version
// columns are concurrency tokens by convention (EvenhandDbContext.OnModelCreating), so they are not configured here.

internal sealed class StagedDocumentConfiguration : IEntityTypeConfiguration<StagedDocument>
{
    public void Configure(EntityTypeBuilder<StagedDocument> b)
    {
        b.Property(d => d.UserId).HasMaxLength(450);
        b.Property(d => d.FileName).HasMaxLength(260);
        b.HasIndex(d => d.CreatedAt);
    }
}

internal sealed class StagedUploadConfiguration : IEntityTypeConfiguration<StagedUpload>
{
    public void Configure(EntityTypeBuilder<StagedUpload> b)
    {
        b.Property(u => u.FileName).HasMaxLength(260);
        b.HasIndex(u => u.CreatedAt);
    }
}

internal sealed class StagedUploadChunkConfiguration : IEntityTypeConfiguration<StagedUploadChunk>
{
    public void Configure(EntityTypeBuilder<StagedUploadChunk> b)
    {
        b.HasKey(c => new { c.UploadId, c.Index });
        b.HasOne<StagedUpload>().WithMany().HasForeignKey(c => c.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}

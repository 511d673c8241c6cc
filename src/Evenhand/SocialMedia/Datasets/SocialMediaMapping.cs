using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.SocialMedia.Datasets;

// The EF Core mapping of this feature, found by EvenhandDbContext's assembly scan. Version columns are
// concurrency tokens by convention (EvenhandDbContext.OnModelCreating), so they are not configured here.

internal sealed class SocialDatasetConfiguration : IEntityTypeConfiguration<SocialDataset>
{
    public void Configure(EntityTypeBuilder<SocialDataset> b)
    {
        b.ToTable("SocialDatasets");
        b.HasOne(d => d.Force).WithMany().HasForeignKey(d => d.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.ForceId, d.CreatedAt });
        b.Property(d => d.Failure).HasMaxLength(4000);
        b.Property(d => d.PostsFileName).HasMaxLength(260);
        b.Property(d => d.AccountsFileName).HasMaxLength(260);
        b.Property(d => d.CreatedBy).HasMaxLength(200);
        b.Property(d => d.Mode).HasMaxLength(20);
    }
}

internal sealed class SocialAccountConfiguration : IEntityTypeConfiguration<SocialAccount>
{
    public void Configure(EntityTypeBuilder<SocialAccount> b)
    {
        b.ToTable("SocialAccounts");
        b.HasIndex(a => new { a.DatasetId, a.AccountId }).IsUnique();
        b.HasOne<SocialDataset>().WithMany().HasForeignKey(a => a.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.AccountId).HasMaxLength(100);
        b.Property(a => a.Handle).HasMaxLength(200);
        b.Property(a => a.FullName).HasMaxLength(400);
        b.Property(a => a.Location).HasMaxLength(400);
        b.Property(a => a.Url).HasMaxLength(1000);
        b.Property(a => a.Force).HasMaxLength(60);
        b.Property(a => a.TypeInference).HasMaxLength(400);
    }
}

internal sealed class SocialPostConfiguration : IEntityTypeConfiguration<SocialPost>
{
    public void Configure(EntityTypeBuilder<SocialPost> b)
    {
        b.ToTable("SocialPosts");
        b.HasKey(p => new { p.DatasetId, p.Seq });
        b.HasOne<SocialDataset>().WithMany().HasForeignKey(p => p.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SocialAccount>().WithMany().HasForeignKey(p => p.AccountRowId).OnDelete(DeleteBehavior.Restrict);
        // The posts list (most engagement first, ties in file order) is read by key: each index holds a list's order and
        // every column its filters test, so a page reads only index entries until it has its rows (SocialMediaReader).
        b.HasIndex(p => new { p.DatasetId, p.Engagement, p.Seq, p.NonOperational, p.Topics, p.AccountRowId })
            .IsDescending(false, true, false, false, false, false).HasDatabaseName("IX_SocialPosts_List");
        b.HasIndex(p => new { p.DatasetId, p.NonOperational, p.Engagement, p.Seq })
            .IsDescending(false, false, true, false).HasDatabaseName("IX_SocialPosts_Class");
        b.HasIndex(p => new { p.AccountRowId, p.Engagement, p.Seq, p.NonOperational, p.Topics })
            .IsDescending(false, true, false, false, false).HasDatabaseName("IX_SocialPosts_Account");
        b.Property(p => p.PostId).HasMaxLength(100);
        b.Property(p => p.OriginalAuthor).HasMaxLength(200);
    }
}

internal sealed class SocialPostKeywordConfiguration : IEntityTypeConfiguration<SocialPostKeyword>
{
    public void Configure(EntityTypeBuilder<SocialPostKeyword> b)
    {
        b.ToTable("SocialPostKeywords");
        b.HasKey(k => new { k.DatasetId, k.Keyword, k.Seq });
        b.HasOne<SocialDataset>().WithMany().HasForeignKey(k => k.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.Property(k => k.Keyword).HasMaxLength(64);
    }
}

internal sealed class DipSampleConfiguration : IEntityTypeConfiguration<DipSample>
{
    public void Configure(EntityTypeBuilder<DipSample> b)
    {
        b.ToTable("SocialDipSamples");
        b.HasOne<SocialDataset>().WithMany().HasForeignKey(s => s.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.DipSampleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.DatasetId, s.Keyword });
        b.Property(s => s.Keyword).HasMaxLength(64);
        b.Property(s => s.Group).HasMaxLength(200);
        b.Property(s => s.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class DipSampleItemConfiguration : IEntityTypeConfiguration<DipSampleItem>
{
    public void Configure(EntityTypeBuilder<DipSampleItem> b)
    {
        b.ToTable("SocialDipSampleItems");
        b.HasIndex(i => new { i.DipSampleId, i.Seq }).IsUnique();
        b.Property(i => i.ReviewedBy).HasMaxLength(200);
    }
}

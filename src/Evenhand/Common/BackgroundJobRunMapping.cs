using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.Common;

// The EF Core mapping of the background job run log, found by EvenhandDbContext's assembly scan. Version columns are
// concurrency tokens by convention (EvenhandDbContext.OnModelCreating), so they are not configured here.

internal sealed class BackgroundJobRunConfiguration : IEntityTypeConfiguration<BackgroundJobRun>
{
    public void Configure(EntityTypeBuilder<BackgroundJobRun> b)
    {
        b.Property(r => r.Job).HasMaxLength(100);
        b.Property(r => r.Subject).HasMaxLength(200);
        b.Property(r => r.Server).HasMaxLength(200);
        b.Property(r => r.Result).HasMaxLength(1000);
        b.Property(r => r.Error).HasMaxLength(4000);
        b.HasIndex(r => new { r.Job, r.StartedAt });
        // The jobs page: the most recent runs of every job, and each job's last failure (without reading all its runs).
        b.HasIndex(r => new { r.StartedAt, r.Id }).HasDatabaseName("IX_BackgroundJobRuns_Recent");
        b.HasIndex(r => new { r.Job, r.Outcome, r.StartedAt }).HasDatabaseName("IX_BackgroundJobRuns_Job_Outcome");
    }
}

using Evenhand.Data;
using Evenhand.Importing;
using Evenhand.SocialMedia.Datasets;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Evenhand.Web.Infrastructure.Jobs;

/// <summary>
/// Removes what is no longer needed: documents staged for an import that was never confirmed (after a day), uploads no queued
/// import is waiting for (after a week), and the job run log after 90 days.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(EvenhandDbContext db, UploadStaging uploads, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("housekeeping", "evenhand");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        var documents = await db.StagedDocuments.Where(d => d.CreatedAt < dayAgo).ExecuteDeleteAsync(cancellationToken);
        var waiting = await db.SocialDatasets.Where(d => d.Status == DatasetStatus.Queued || d.Status == DatasetStatus.Importing)
            .Select(d => new { d.AccountsUploadId, d.PostsUploadId }).ToListAsync(cancellationToken);
        var keep = waiting.SelectMany(w => new[] { w.AccountsUploadId, w.PostsUploadId }).OfType<Guid>().ToList();
        var files = await uploads.DeleteOlderThanAsync(TimeSpan.FromDays(7), keep, cancellationToken);
        var cutoff = now.AddDays(-90);
        var runs = await db.BackgroundJobRuns.Where(r => r.StartedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        context.Result = $"{documents} staged documents, {files} staged uploads and {runs} job runs removed";
    }
}

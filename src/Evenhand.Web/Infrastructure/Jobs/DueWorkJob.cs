using Evenhand.HateIncidents;
using Quartz;

namespace Evenhand.Web.Infrastructure.Jobs;

/// <summary>
/// Notes hate-incident work that has fallen due (<see cref="HateIncidentDueWork"/>), on a timer run by the job engine. Never
/// two at once across the servers of a cluster (<see cref="DisallowConcurrentExecutionAttribute"/> on the shared job store);
/// and even when two runs do meet (two servers on an in-memory store, or the CLI beside the web app) the database notes each
/// item once. A failed run is tried again by the engine with back-off (<see cref="JobRetry"/>); the timer goes on regardless.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DueWorkJob(HateIncidentDueWork work, ILogger<DueWorkJob> log) : IJob
{
    public static readonly JobKey Key = new("due-work", "evenhand");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await work.RunAsync(cancellationToken);
            context.Result = $"{result.ReviewsOverdue} reviews overdue, {result.RetentionReviewsDue} retention reviews due, {result.RepliesOverdue} answers overdue, {result.SubjectsToTellOverdue} subjects not told in time";
            if (result.Total > 0)
            {
                log.LogInformation("Work fallen due: {Result}", context.Result);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var retry = JobRetry.NextTryIfThisFails(context);
            log.LogError(e, "The due-work check failed; {Retry}", retry is { } at ? $"the job engine tries again at {at:u}" : "it runs again at the next interval");
            throw new JobExecutionException(e.Message, e);
        }
    }
}

using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Evenhand.Web.Infrastructure.Jobs;

/// <summary>
/// Writes a <see cref="BackgroundJobRun"/> for every job run, whichever server runs it: start, end, outcome, error. When the
/// engine recovers work from a server that stopped, that server's unfinished run of the same work is marked interrupted.
/// </summary>
public sealed class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobRunRecorder> log) : IJobListener
{
    public const string SubjectKey = "subject";
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> runs = new();

    /// <summary>This process, as administrators see it: the machine and process id.</summary>
    public static string Server { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    public string Name => "evenhand-job-runs";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
            var job = context.JobDetail.Key.Name;
            var subject = context.MergedJobDataMap.TryGetValue(SubjectKey, out var s) ? s?.ToString() : null;
            if (context.Recovering)
            {
                await db.BackgroundJobRuns.Where(r => r.Job == job && r.Subject == subject && r.Outcome == JobRunOutcome.Running)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Outcome, JobRunOutcome.Interrupted)
                        .SetProperty(r => r.Error, "The server running it stopped; the job engine ran it again."), cancellationToken);
            }

            var run = new BackgroundJobRun
            {
                Job = job,
                Subject = subject,
                Server = Server,
                StartedAt = time.GetUtcNow(),
                Outcome = JobRunOutcome.Running,
                Recovering = context.Recovering,
                Attempt = JobRetry.Attempt(context),
            };
            db.BackgroundJobRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            runs[context.FireInstanceId] = run.Id;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The log of runs is for people; failing to write it must not stop the work itself.
            log.LogWarning(e, "Could not record the start of job {Job}", context.JobDetail.Key);
        }
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (!runs.TryRemove(context.FireInstanceId, out var id))
        {
            return;
        }

        try
        {
            var cause = jobException?.InnerException ?? jobException;
            var outcome = jobException is null ? JobRunOutcome.Succeeded
                : cause is OperationCanceledException ? JobRunOutcome.Interrupted
                : JobRunOutcome.Failed;
            var error = cause is null ? null : outcome == JobRunOutcome.Interrupted ? "Stopped because the server shut down; the job engine runs it again." : Truncate(cause.Message, 4000);
            var result = context.Result?.ToString() is { } r ? Truncate(r, 1000) : null;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
            await db.BackgroundJobRuns.Where(x => x.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.FinishedAt, time.GetUtcNow())
                .SetProperty(x => x.Outcome, outcome)
                .SetProperty(x => x.Error, error)
                .SetProperty(x => x.Result, result), CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not record the end of job {Job}", context.JobDetail.Key);
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

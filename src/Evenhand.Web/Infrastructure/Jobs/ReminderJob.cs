using Evenhand.Common;
using Evenhand.MyWork;
using Microsoft.Extensions.Options;
using Quartz;

namespace Evenhand.Web.Infrastructure.Jobs;

/// <summary>
/// Reminder emails, on a timer run by the job engine: the day's digests once it is past the digest hour (UK time), then
/// delivery of what waits in the outbox. Never two at once across a cluster (<see cref="DisallowConcurrentExecutionAttribute"/>);
/// where two runs do meet (two servers on an in-memory store) the outbox's unique key (user, kind, key) writes each digest
/// once, and each waiting email is claimed before it is sent. A failed run is tried again with back-off (<see cref="JobRetry"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderService reminders, TimeProvider time, IOptions<RemindersOptions> options, ILogger<ReminderJob> log) : IJob
{
    public static readonly JobKey Key = new("reminders", "evenhand");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = time.GetUtcNow();
            var written = 0;
            if (TimeZoneInfo.ConvertTime(now, UkTime.London).Hour >= options.Value.DigestHour)
            {
                written = (await reminders.SendDailyDigestsAsync(UkTime.Date(now), cancellationToken)).Written;
            }

            var delivered = await reminders.DeliverPendingAsync(cancellationToken);
            context.Result = $"{written} digests written; {delivered.Sent} sent, {delivered.Retrying} to try again, {delivered.Failed} given up";
            if (written + delivered.Sent + delivered.Retrying + delivered.Failed > 0)
            {
                log.LogInformation("Reminders: {Result}", context.Result);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var retry = JobRetry.NextTryIfThisFails(context);
            log.LogError(e, "The reminder run failed; {Retry}", retry is { } at ? $"the job engine tries again at {at:u}" : "it runs again at the next interval");
            throw new JobExecutionException(e.Message, e);
        }
    }
}

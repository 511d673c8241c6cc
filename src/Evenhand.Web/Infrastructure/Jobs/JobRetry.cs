using Quartz;

namespace Evenhand.Web.Infrastructure.Jobs;

/// <summary>
/// Retries with back-off are the job engine's own: every job fails by throwing, and Quartz fires it again under the
/// scheduler's default <see cref="RetryPolicy"/> (exponential: <see cref="BackgroundWorkOptions.RetryAfterSeconds"/>, then
/// twice that, and so on, <see cref="BackgroundWorkOptions.MaxAttempts"/> tries in all). The retry is a trigger state in the
/// job store, so on the database store it survives a restart and runs on whichever server is free. These helpers let a job
/// say which try it is and whether another will follow.
/// </summary>
public static class JobRetry
{
    public static RetryPolicy Policy(BackgroundWorkOptions options) =>
        options.MaxAttempts <= 1 ? RetryPolicy.None
            : RetryPolicy.Exponential(options.MaxAttempts - 1, TimeSpan.FromSeconds(Math.Max(1, options.RetryAfterSeconds)), 2, TimeSpan.FromHours(1));

    /// <summary>1 for the first try, 2 for the first retry, …</summary>
    public static int Attempt(IJobExecutionContext context) => context.RetryAttempt + 1;

    /// <summary>When the engine will try again if this run fails, or null when this is the last try.</summary>
    public static DateTimeOffset? NextTryIfThisFails(IJobExecutionContext context) =>
        context.RetryPolicy is { } policy && context.RetryAttempt < policy.MaxAttempts
            ? context.Scheduler.TimeProvider.GetUtcNow() + policy.DelayFor(context.RetryAttempt + 1)
            : null;
}

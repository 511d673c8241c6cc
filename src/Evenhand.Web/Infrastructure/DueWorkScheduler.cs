using Evenhand.HateIncidents;

namespace Evenhand.Web.Infrastructure;

/// <summary>Settings of the background work (section <c>BackgroundWork</c>).</summary>
public sealed class BackgroundWorkOptions
{
    public const string Section = "BackgroundWork";

    /// <summary>Whether the web app runs the due-work check on a timer (turn off where another instance or a scheduled CLI
    /// run does it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between runs of the due-work check.</summary>
    public int DueWorkIntervalMinutes { get; set; } = 15;
}

/// <summary>
/// Runs <see cref="HateIncidentDueWork"/> once at start-up and then on a timer, so reviews, retention reviews and answers to
/// subjects fall due whether or not anyone opens the queue. A failed run is logged and retried at the next tick; it never stops
/// the app. The timer runs on the app's <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class DueWorkScheduler(
    IServiceScopeFactory scopes,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<BackgroundWorkOptions> options,
    ILogger<DueWorkScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.DueWorkIntervalMinutes));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<DueWorkResult?> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<HateIncidentDueWork>().RunAsync(ct);
            if (result.Total > 0)
            {
                log.LogInformation("Work fallen due: {Reviews} reviews overdue, {Retention} retention reviews due, {Replies} answers to subjects overdue, {Tell} subjects not told in time",
                    result.ReviewsOverdue, result.RetentionReviewsDue, result.RepliesOverdue, result.SubjectsToTellOverdue);
            }

            return result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            log.LogError(e, "The due-work check failed; it runs again at the next interval");
            return null;
        }
    }
}

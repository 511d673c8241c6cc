using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.Infrastructure.Jobs;
using Evenhand.Web.Pages.SocialMedia;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Evenhand.Web.Pages.Admin.Jobs;

/// <summary>
/// The background jobs, for administrators: each job's state and next run (from the job engine, shared by every server on the
/// database store), its last run and its failures (from the run log every server writes), the most recent runs, and a button
/// to run the recurring ones now.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ISchedulerFactory schedulers, EvenhandDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptions<BackgroundWorkOptions> options) : EvenhandPageModel
{
    /// <summary>Jobs an administrator may start by hand: the recurring ones. (An import starts from its upload.)</summary>
    public static readonly IReadOnlyList<JobKey> RunnableByHand = [DueWorkJob.Key, ReminderJob.Key, HousekeepingJob.Key];

    public sealed record JobRow(string Name, string Description, string State, int Pending, DateTimeOffset? NextRun, BackgroundJobRun? LastRun,
        int FailuresThisWeek, BackgroundJobRun? LastFailure, bool CanRunNow);

    public IReadOnlyList<JobRow> Jobs { get; private set; } = [];

    public IReadOnlyList<BackgroundJobRun> RecentRuns { get; private set; } = [];

    public BackgroundWorkOptions Options => options.Value;

    public string SchedulerState { get; private set; } = "";

    [BindProperty] public string? Job { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        SchedulerState = scheduler.Status switch
        {
            SchedulerStatus.Running => "running",
            SchedulerStatus.Standby or SchedulerStatus.Created => "standing by (this server runs no jobs)",
            _ => "stopped",
        };
        var weekAgo = time.GetUtcNow().AddDays(-7);
        var rows = new List<JobRow>();
        foreach (var key in new[] { DueWorkJob.Key, SocialImportJob.Key, HousekeepingJob.Key })
        {
            var detail = await scheduler.GetJobDetail(key, ct);
            var triggers = await scheduler.GetTriggersOfJob(key, ct);
            var states = new List<TriggerState>();
            foreach (var trigger in triggers)
            {
                states.Add(await scheduler.GetTriggerState(trigger.Key, ct));
            }

            var name = key.Name;
            var last = await db.BackgroundJobRuns.AsNoTracking().Where(r => r.Job == name).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            var failures = await db.BackgroundJobRuns.Where(r => r.Job == name && r.Outcome == JobRunOutcome.Failed && r.StartedAt > weekAgo).CountAsync(ct);
            var lastFailure = await db.BackgroundJobRuns.AsNoTracking().Where(r => r.Job == name && r.Outcome == JobRunOutcome.Failed)
                .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            rows.Add(new JobRow(name, detail?.Description ?? "", Describe(states), triggers.Count(t => t.NextFireTimeUtc is not null),
                triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min(), last, failures, lastFailure, RunnableByHand.Contains(key)));
        }

        Jobs = rows;
        RecentRuns = await db.BackgroundJobRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(20).ToListAsync(ct);
    }

    /// <summary>Runs a recurring job now, on whichever server's engine picks it up first.</summary>
    public async Task<IActionResult> OnPostRunNowAsync(CancellationToken ct)
    {
        var key = RunnableByHand.FirstOrDefault(k => k.Name == Job);
        if (key is null)
        {
            return NotFound();
        }

        var scheduler = await schedulers.GetScheduler(ct);
        var data = new JobDataMap { [JobRunRecorder.SubjectKey] = "run by " + (User.Identity?.Name ?? "an administrator") };
        await scheduler.TriggerJob(key, data, ct);
        return RedirectWithNotice($"'{key.Name}' will run in a moment. Refresh this page to see the run.", "/admin/jobs");
    }

    public static string When(DateTimeOffset? at) => at is { } t ? Format.ShortDateTime(t, seconds: true) : "–";

    private static string Describe(List<TriggerState> states) =>
        states.Contains(TriggerState.Executing) ? "Running"
        : states.Contains(TriggerState.Error) ? "Error"
        : states.Contains(TriggerState.Blocked) ? "Waiting for the run before it"
        : states.Count > 0 && states.All(s => s == TriggerState.Paused) ? "Paused"
        : states.Contains(TriggerState.Normal) ? "Scheduled"
        : "Idle";
}

using Evenhand.Data;
using Evenhand.Web.Pages.SocialMedia;
using Quartz;

namespace Evenhand.Web.Infrastructure.Jobs;

/// <summary>
/// The job engine: Quartz.NET, running due work, reminder emails, social imports and housekeeping. On PostgreSQL its ADO.NET job store lives in the Evenhand database and is clustered, so every
/// web server runs jobs, each firing runs on one of them, and a server that dies has its unfinished work taken over. On SQLite
/// the same store is used by one server (Quartz locks SQLite inside the process, so it cannot be clustered); several
/// processes over one SQLite file must use the in-memory store (<c>BackgroundWork:Store=Memory</c>), where the database's own
/// guards keep due work from being noted twice. Quartz creates its QRTZ_ tables itself at start-up when they are missing
/// (guarded statements, safe when several servers start at once).
/// </summary>
public static class JobsSetup
{
    public static WebApplicationBuilder AddEvenhandJobs(this WebApplicationBuilder builder, DatabaseProvider provider, string? connectionString)
    {
        var options = builder.Configuration.GetSection(BackgroundWorkOptions.Section).Get<BackgroundWorkOptions>() ?? new();
        builder.Services.Configure<BackgroundWorkOptions>(builder.Configuration.GetSection(BackgroundWorkOptions.Section));
        builder.Services.AddScoped<Evenhand.HateIncidents.HateIncidentDueWork>();
        builder.Services.AddScoped<Evenhand.Importing.UploadStaging>();
        builder.Services.AddScoped<SocialImportQueue>();
        builder.Services.AddSingleton(s => new ImportProgressStore(
            s.GetRequiredService<IServiceScopeFactory>(), provider, SqlitePath(provider, connectionString), s.GetRequiredService<ILogger<ImportProgressStore>>()));

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "evenhand";
                // A job queued by another server (an upload that landed there) is seen within this time.
                s.IdleWaitTime = TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds));
            });
            // Imports run one at a time (DisallowConcurrentExecution), so two threads leave room for due work beside one.
            q.UseDefaultThreadPool(2);
            if (options.Store == JobStoreKind.Database)
            {
                q.UsePersistentStore(store =>
                {
                    store.ConfigureStore(o =>
                    {
                        o.StoreJobDataAsStrings = true;
                        // A job stopped by a shutdown is handed back to the engine rather than dropped (see SocialImportJob).
                        o.RecoverFiringsCancelledByShutdown = true;
                        o.MisfireThreshold = TimeSpan.FromMinutes(1);
                    });
                    store.ProvisionSchema();
                    store.UseSystemTextJsonSerializer();
                    if (provider == DatabaseProvider.Postgres)
                    {
                        store.UsePostgres(connectionString!);
                        store.UseClustering(c =>
                        {
                            c.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
                            c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterCheckinMisfireSeconds);
                        });
                    }
                    else
                    {
                        store.UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? DatabaseSetup.DefaultSqliteConnectionString : connectionString);
                    }
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.AddJob<DueWorkJob>(j => j.WithIdentity(DueWorkJob.Key).StoreDurably()
                .WithDescription("Notes hate-incident work that has fallen due: reviews, retention reviews, answers and telling subjects."));
            q.AddTrigger<IJob>(t => t.WithIdentity("due-work-timer", "evenhand").ForJob(DueWorkJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(Math.Max(1, options.DueWorkIntervalMinutes))).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            var reminderMinutes = builder.Configuration.GetSection(RemindersOptions.Section).Get<RemindersOptions>()?.IntervalMinutes ?? 5;
            q.AddJob<ReminderJob>(j => j.WithIdentity(ReminderJob.Key).StoreDurably()
                .WithDescription("Writes each user's daily digest of work due and sends the reminder emails waiting in the outbox."));
            q.AddTrigger<IJob>(t => t.WithIdentity("reminders-timer", "evenhand").ForJob(ReminderJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(Math.Max(1, reminderMinutes))).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<SocialImportJob>(j => j.WithIdentity(SocialImportJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Imports an uploaded social media dataset in the background."));
            q.AddJob<HousekeepingJob>(j => j.WithIdentity(HousekeepingJob.Key).StoreDurably()
                .WithDescription("Removes staged uploads nobody is waiting for and old job runs."));
            q.AddTrigger<IJob>(t => t.WithIdentity("housekeeping-timer", "evenhand").ForJob(HousekeepingJob.Key)
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(5))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.UseDefaultRetryPolicy(JobRetry.Policy(options));
            q.AddJobListener<JobRunRecorder>();
        });
        builder.Services.AddQuartzHostedService(o =>
        {
            // With BackgroundWork:Enabled=false the scheduler exists (imports can still be queued) but runs nothing here.
            o.AutoStart = options.Enabled;
            o.WaitForJobsToComplete = false;
        });
        builder.Services.AddHealthChecks().AddCheck<JobEngineReadyCheck>("jobs", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, [HealthEndpoints.ReadyTag]);
        return builder;
    }

    private static string? SqlitePath(DatabaseProvider provider, string? connectionString) =>
        provider == DatabaseProvider.Sqlite
            ? Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DatabaseSetup.DefaultSqliteConnectionString : connectionString).DataSource)
            : null;
}

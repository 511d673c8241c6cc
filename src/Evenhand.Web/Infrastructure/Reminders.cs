using Evenhand.Common;
using Evenhand.Data;
using Evenhand.MyWork;
using Microsoft.Extensions.Options;

namespace Evenhand.Web.Infrastructure;

/// <summary>Settings of "your work" and reminders (section <c>Reminders</c>).</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether this web app writes and sends reminders on a timer (turn off where a scheduler does it elsewhere).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between runs: each run writes the day's digests (from <see cref="DigestHour"/>) and sends what is waiting.</summary>
    public int IntervalMinutes { get; set; } = 5;

    /// <summary>The hour (UK time) from which the day's digest is written.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>The address of this service as users reach it; links in emails and calendar events start with it.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>GOV.UK Notify; without an API key the development sender keeps emails in the outbox.</summary>
    public NotifyOptions Notify { get; set; } = new();
}

/// <summary>
/// Registers "your work", reminders and calendar feeds. The timer below is the one piece to replace with a scheduled job
/// (e.g. Quartz.NET): it only calls <see cref="ReminderRuns.RunAsync"/>, and exactly-once writing is the database's unique key,
/// not the timer's doing.
/// </summary>
public static class ReminderRegistration
{
    public static IServiceCollection AddMyWorkAndReminders(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(RemindersOptions.Section).Get<RemindersOptions>() ?? new();
        services.Configure<RemindersOptions>(config.GetSection(RemindersOptions.Section));
        services.AddSingleton(new ReminderOptions(options.BaseUrl));
        services.AddScoped(s => MyWorkService.For(s.GetRequiredService<EvenhandDbContext>(), s.GetRequiredService<TimeProvider>()));
        services.AddScoped<ReminderService>();
        services.AddScoped<CalendarFeedService>();
        // The real GOV.UK Notify client only when a key is configured; otherwise nothing leaves the machine.
        services.AddSingleton<IEmailSender>(options.Notify.Configured ? new GovukNotifySender(options.Notify) : new OutboxOnlySender());
        services.AddSingleton<ReminderRuns>();
        if (options.Enabled)
        {
            services.AddHostedService<ReminderTimer>();
        }

        return services;
    }
}

/// <summary>One run of the reminder work: the day's digests once it is past the digest hour, then delivery of what waits.</summary>
public sealed class ReminderRuns(IServiceScopeFactory scopes, TimeProvider time, IOptions<RemindersOptions> options, ILogger<ReminderRuns> log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reminders = scope.ServiceProvider.GetRequiredService<ReminderService>();
            var now = time.GetUtcNow();
            if (TimeZoneInfo.ConvertTime(now, UkTime.London).Hour >= options.Value.DigestHour)
            {
                var digests = await reminders.SendDailyDigestsAsync(UkTime.Date(now), ct);
                if (digests.Written > 0)
                {
                    log.LogInformation("Daily digests written: {Written}", digests.Written);
                }
            }

            var delivered = await reminders.DeliverPendingAsync(ct);
            if (delivered.Retrying + delivered.Failed > 0)
            {
                log.LogWarning("Reminder emails: {Sent} sent, {Retrying} to try again, {Failed} given up", delivered.Sent, delivered.Retrying, delivered.Failed);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogError(e, "The reminder run failed; it runs again at the next interval");
        }
    }
}

/// <summary>Runs <see cref="ReminderRuns"/> at start-up and then every <see cref="RemindersOptions.IntervalMinutes"/>, on the app's clock.</summary>
public sealed class ReminderTimer(ReminderRuns runs, TimeProvider time, IOptions<RemindersOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes)), time);
        do
        {
            await runs.RunAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

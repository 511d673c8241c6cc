using Evenhand.Data;
using Evenhand.MyWork;

namespace Evenhand.Web.Infrastructure;

/// <summary>Settings of "your work" and reminders (section <c>Reminders</c>).</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>
    /// Minutes between runs of the reminder job (<see cref="Jobs.ReminderJob"/>): each run writes the day's digests (from
    /// <see cref="DigestHour"/>) and sends what is waiting. The job engine runs it (<c>BackgroundWork:Enabled</c>).
    /// </summary>
    public int IntervalMinutes { get; set; } = 5;

    /// <summary>The hour (UK time) from which the day's digest is written.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>The address of this service as users reach it; links in emails and calendar events start with it.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>GOV.UK Notify; without an API key the development sender keeps emails in the outbox.</summary>
    public NotifyOptions Notify { get; set; } = new();
}

/// <summary>
/// Registers "your work", reminders and calendar feeds. The reminder emails are written and sent by a job of the job engine
/// (<see cref="Jobs.ReminderJob"/>, scheduled in <see cref="Jobs.JobsSetup"/>); exactly-once writing is the outbox's unique key.
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
        return services;
    }
}

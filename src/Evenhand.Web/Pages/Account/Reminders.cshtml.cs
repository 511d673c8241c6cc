using System.Security.Claims;
using Evenhand.Common;
using Evenhand.MyWork;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Account;

/// <summary>The signed-in user's reminders: daily email, immediate emails or none, and their personal calendar feed.</summary>
public sealed class RemindersModel(ReminderService reminders, CalendarFeedService feeds, ReminderOptions options, TimeProvider time) : EvenhandPageModel
{
    [BindProperty] public ReminderPreference? Preference { get; set; }

    public ReminderSettings Settings { get; private set; } = null!;

    /// <summary>The feed's address, shown once straight after it is made (only its hash is stored).</summary>
    public string? NewFeedUrl { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreferenceAsync(CancellationToken ct)
    {
        if (await TryAsync(() => reminders.SetPreferenceAsync(UserId, Preference, Actor(time), ct), nameof(Preference)))
        {
            return RedirectWithNotice("Your email reminders have been changed", "/account/reminders");
        }

        return await RedisplayAsync(() => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostCreateFeedAsync(CancellationToken ct)
    {
        var token = await feeds.CreateAsync(UserId, Actor(time), ct);
        await LoadAsync(ct);
        NewFeedUrl = options.Link($"/calendar/{token}.ics");
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        var revoked = await feeds.RevokeAsync(UserId, Actor(time), ct);
        return RedirectWithNotice(revoked ? "Your calendar feed has been turned off: its address no longer works" : "You have no calendar feed", "/account/reminders");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Settings = await reminders.SettingsAsync(UserId, ct);
        Preference = Settings.Preference;
        return true;
    }

    public static string When(DateTimeOffset? at) => at is { } v ? Format.DateTime(v) : "";
}

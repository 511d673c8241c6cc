using System.Security.Cryptography;
using System.Text;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.MyWork;

/// <summary>
/// The personal calendar feed: a secret address calendar clients can subscribe to without signing in. The secret is shown to
/// the user once when made; only its SHA-256 hash is stored, so it can be checked but not read back. Revoking it (or making a
/// new one) stops the old address at once.
/// </summary>
public sealed class CalendarFeedService(EvenhandDbContext db)
{
    /// <summary>Makes a new secret for the user's feed (replacing any earlier one) and returns it; it is not stored.</summary>
    public async Task<string> CreateAsync(string userId, ProcessContext ctx, CancellationToken ct = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var settings = await db.Set<ReminderSettings>().SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null)
        {
            settings = new ReminderSettings { UserId = userId };
            db.Add(settings);
        }

        var replaced = settings.CalendarTokenHash is not null;
        settings.CalendarTokenHash = Hash(token);
        settings.CalendarTokenCreatedAt = ctx.Now;
        AuditLog.Record(db, ctx, replaced ? "CalendarFeedReplaced" : "CalendarFeedCreated", nameof(ReminderSettings), userId, null);
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Stops the user's feed address. False when they had none.</summary>
    public async Task<bool> RevokeAsync(string userId, ProcessContext ctx, CancellationToken ct = default)
    {
        var settings = await db.Set<ReminderSettings>().SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings?.CalendarTokenHash is null)
        {
            return false;
        }

        settings.CalendarTokenHash = null;
        settings.CalendarTokenCreatedAt = null;
        AuditLog.Record(db, ctx, "CalendarFeedRevoked", nameof(ReminderSettings), userId, null);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The id of the user whose feed the secret opens, or null (unknown, revoked, malformed).</summary>
    public async Task<string?> UserForAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        return await db.Set<ReminderSettings>().AsNoTracking().Where(s => s.CalendarTokenHash == hash).Select(s => s.UserId).SingleOrDefaultAsync(ct);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Deadlines as iCalendar (RFC 5545), written by Ical.Net: one all-day event per dated item (deadlines are UK dates, so an
/// event is the day itself, in no time zone), its title as the summary, a link to where the work is done, and a stable UID so
/// a calendar updates the event rather than adding another when the feed is read again.
/// </summary>
public static class CalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<WorkItem> items, ReminderOptions options, DateTimeOffset stamp, string name)
    {
        var calendar = new Calendar { ProductId = "-//Evenhand//Your work//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Europe/London");
        foreach (var item in items.Where(i => i.DueOn is not null))
        {
            var day = item.DueOn!.Value;
            var url = options.Link(item.Url);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{item.Key.Replace(':', '-')}.{item.Force.Slug}@evenhand",
                Summary = item.Title,
                Description = $"{WorkKinds.Plural(item.Kind)}. Do it here: {url}",
                Url = new Uri(url),
                DtStart = new CalDateTime(day),
                DtEnd = new CalDateTime(day.AddDays(1)),
                DtStamp = new CalDateTime(stamp.UtcDateTime),
                Transparency = TransparencyType.Transparent,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}

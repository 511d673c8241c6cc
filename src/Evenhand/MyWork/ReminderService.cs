using System.Globalization;
using System.Text;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.MyWork;

/// <summary>Settings of reminders that the domain needs: the address links in emails point at.</summary>
public sealed record ReminderOptions(string BaseUrl)
{
    public string Link(string path) => BaseUrl.TrimEnd('/') + path;
}

/// <summary>Sends one email; returns the provider's id for it, if any. Throws when the email could not be sent.</summary>
public interface IEmailSender
{
    /// <summary>Recorded with each email sent ("outbox", "govuk-notify").</summary>
    string Name { get; }

    Task<string?> SendAsync(OutboxEmail email, CancellationToken ct = default);
}

/// <summary>
/// The development and test sender: nothing leaves the machine. The email stays in the outbox table, marked sent by "outbox",
/// where administrators read it (/admin/outbox). Used whenever no GOV.UK Notify key is configured.
/// </summary>
public sealed class OutboxOnlySender : IEmailSender
{
    public string Name => "outbox";

    public Task<string?> SendAsync(OutboxEmail email, CancellationToken ct = default) => Task.FromResult<string?>(null);
}

/// <summary>What one run of the daily digest did.</summary>
public sealed record DigestRun(int Written, int AlreadyWritten, int NothingToSay, int NotWanted);

/// <summary>What one delivery run did.</summary>
public sealed record DeliveryRun(int Sent, int Retrying, int Failed);

/// <summary>
/// Reminders by email. Writing and sending are separate: <see cref="SendDailyDigestsAsync"/> and <see cref="NotifyAssignedAsync"/>
/// write rows to the outbox, and <see cref="DeliverPendingAsync"/> sends them with retries. Exactly-once writing does not depend
/// on the scheduler: each row's (user, kind, key) is unique in the database, so however many times, or on however many servers,
/// the day's run happens, a user gets one digest for the day. No email carries personal data of a hate incident's subject or
/// complainant: items are named by reference and link to the page where the work is done.
/// </summary>
public sealed class ReminderService(EvenhandDbContext db, MyWorkService work, IEmailSender sender, TimeProvider time, ReminderOptions options)
{
    public const int MaxAttempts = 6;

    /// <summary>How long a sender holds a row it is sending before another may try it.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Back-off before try <paramref name="attempt"/> + 1: 1, 4, 16, 64 and 256 minutes.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Pow(4, Math.Clamp(attempt - 1, 0, 6)));

    public static string DigestKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The user's settings (the defaults when they have none stored).</summary>
    public async Task<ReminderSettings> SettingsAsync(string userId, CancellationToken ct = default) =>
        await db.Set<ReminderSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? new ReminderSettings { UserId = userId };

    /// <summary>Sets how the user is reminded; null (nothing chosen) or a value outside the list is refused against the "Preference" field.</summary>
    public async Task SetPreferenceAsync(string userId, ReminderPreference? choice, ProcessContext ctx, CancellationToken ct = default)
    {
        if (choice is not { } preference || !Enum.IsDefined(preference))
        {
            throw new DomainRuleException([new FieldError(nameof(ReminderSettings.Preference), "Choose how you want to be reminded")]);
        }

        var settings = await db.Set<ReminderSettings>().SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null)
        {
            settings = new ReminderSettings { UserId = userId };
            db.Add(settings);
        }

        var before = settings.Preference;
        settings.Preference = preference;
        AuditLog.Record(db, ctx, "RemindersChanged", nameof(ReminderSettings), userId, null, new { Preference = before.ToString() }, new { Preference = preference.ToString() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Writes the day's digest for every user who wants one and has something that became due or overdue since their last
    /// digest (on their first, everything overdue and due that day). A user who already has the day's digest is skipped, and
    /// if another run writes it first the unique key refuses this one's row: either way one row per user per day.
    /// </summary>
    public async Task<DigestRun> SendDailyDigestsAsync(DateOnly day, CancellationToken ct = default)
    {
        var key = DigestKey(day);
        var now = time.GetUtcNow();
        var users = await work.UsersAsync(ct);
        var settings = await db.Set<ReminderSettings>().AsNoTracking().ToDictionaryAsync(s => s.UserId, s => s.Preference, ct);
        var done = (await db.Set<OutboxEmail>().AsNoTracking().Where(e => e.Kind == OutboxEmail.DigestKind && e.Key == key).Select(e => e.UserId).ToListAsync(ct)).ToHashSet();
        // The last digest each user had before this day (keys are ISO dates, so they sort as dates).
        var last = (await db.Set<OutboxEmail>().AsNoTracking().Where(e => e.Kind == OutboxEmail.DigestKind && e.Day < day)
                .GroupBy(e => e.UserId).Select(g => new { g.Key, Last = g.Max(e => e.Day) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Last!.Value);
        var forces = await db.Forces.AsNoTracking().ToDictionaryAsync(f => f.Id, ct);
        var byForce = new Dictionary<int, IReadOnlyList<WorkItem>>();
        int written = 0, already = 0, empty = 0, notWanted = 0;
        foreach (var user in users)
        {
            if (settings.GetValueOrDefault(user.Id, ReminderPreference.Digest) == ReminderPreference.None || string.IsNullOrWhiteSpace(user.Email))
            {
                notWanted++;
                continue;
            }

            if (done.Contains(user.Id))
            {
                already++;
                continue;
            }

            var forceId = user.ForceId!.Value;
            if (!byForce.TryGetValue(forceId, out var forceItems))
            {
                byForce[forceId] = forceItems = await work.ForceItemsAsync(forces[forceId], now, null, ct);
            }

            var (overdue, due) = Digest(forceItems.Where(i => i.IsFor(user.Id, user.ForceId, user.Roles)), day, last.TryGetValue(user.Id, out var l) ? l : null);
            if (overdue.Count + due.Count == 0)
            {
                empty++;
                continue;
            }

            var email = new OutboxEmail
            {
                UserId = user.Id, Kind = OutboxEmail.DigestKind, Key = key, Day = day, To = user.Email,
                Subject = DigestSubject(overdue.Count, due.Count), Body = DigestBody(user, overdue, due, day),
                CreatedAt = now, NextAttemptAt = now, Status = OutboxStatus.Pending,
            };
            if (await TryWriteAsync(email, ct))
            {
                written++;
            }
            else
            {
                already++;
            }
        }

        return new DigestRun(written, already, empty, notWanted);
    }

    /// <summary>
    /// What goes in a digest for <paramref name="day"/>: items that became overdue (the day after their due date) or due (their due
    /// date) after <paramref name="since"/>, the day of the last digest; with no earlier digest, everything overdue and due that day.
    /// </summary>
    public static (IReadOnlyList<WorkItem> Overdue, IReadOnlyList<WorkItem> Due) Digest(IEnumerable<WorkItem> items, DateOnly day, DateOnly? since)
    {
        var overdue = new List<WorkItem>();
        var due = new List<WorkItem>();
        foreach (var i in items)
        {
            if (i.Overdue && (since is null || (i.DueOn is { } d && d.AddDays(1) > since && d.AddDays(1) <= day)))
            {
                overdue.Add(i);
            }
            else if (!i.Overdue && i.DueOn is { } d2 && d2 <= day && (since is null ? d2 == day : d2 > since))
            {
                due.Add(i);
            }
        }

        return (Order(overdue), Order(due));
    }

    /// <summary>
    /// Tells a person at once that work was assigned to them, if they asked for immediate emails. One email per user and item,
    /// however often it is called (the outbox's unique key). Returns whether an email was written.
    /// </summary>
    public async Task<bool> NotifyAssignedAsync(string userId, WorkItem item, CancellationToken ct = default)
    {
        var user = await work.FindUserAsync(userId, ct);
        if (user is null || string.IsNullOrWhiteSpace(user.Email) || (await SettingsAsync(userId, ct)).Preference != ReminderPreference.Immediate)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var body = new StringBuilder()
            .Append("Hello ").Append(user.DisplayName).AppendLine(",").AppendLine()
            .AppendLine("This has been assigned to you in Evenhand:").AppendLine()
            .Append("* ").AppendLine(Line(item)).AppendLine();
        Footer(body);
        return await TryWriteAsync(new OutboxEmail
        {
            UserId = userId, Kind = OutboxEmail.AssignedKind, Key = item.Key, To = user.Email,
            Subject = "Evenhand: work assigned to you", Body = body.ToString(),
            CreatedAt = now, NextAttemptAt = now, Status = OutboxStatus.Pending,
        }, ct);
    }

    /// <summary>
    /// Sends what is waiting in the outbox. Each row is claimed first (a concurrency token), so two servers never send the same
    /// row at the same moment; a failure is recorded and tried again after <see cref="Backoff"/>, up to <see cref="MaxAttempts"/>.
    /// </summary>
    public async Task<DeliveryRun> DeliverPendingAsync(CancellationToken ct = default)
    {
        int sent = 0, retrying = 0, failed = 0;
        var now = time.GetUtcNow();
        var ids = await db.Set<OutboxEmail>().AsNoTracking()
            .Where(e => e.Status == OutboxStatus.Pending && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(200).ToListAsync(ct);
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var email = await db.Set<OutboxEmail>().SingleOrDefaultAsync(e => e.Id == id, ct);
            if (email is null || email.Status != OutboxStatus.Pending || email.ClaimedUntil >= now)
            {
                continue;
            }

            email.ClaimedUntil = now + ClaimFor;
            email.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // another server claimed it first
            }

            email.Attempts++;
            email.LastAttemptAt = time.GetUtcNow();
            try
            {
                email.ProviderId = await sender.SendAsync(email, ct);
                email.Status = OutboxStatus.Sent;
                email.SentAt = time.GetUtcNow();
                email.SentBy = sender.Name;
                email.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var message = $"{e.GetType().Name}: {e.Message}";
                email.LastError = message.Length > 2000 ? message[..2000] : message;
                if (email.Attempts >= MaxAttempts)
                {
                    email.Status = OutboxStatus.Failed;
                    failed++;
                }
                else
                {
                    email.NextAttemptAt = email.LastAttemptAt.Value + Backoff(email.Attempts);
                    retrying++;
                }
            }

            email.ClaimedUntil = null;
            email.Version = Guid.NewGuid();
            await db.SaveChangesAsync(CancellationToken.None);
        }

        db.ChangeTracker.Clear();
        return new DeliveryRun(sent, retrying, failed);
    }

    private async Task<bool> TryWriteAsync(OutboxEmail email, CancellationToken ct)
    {
        db.Add(email);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false; // written already, by another run or another server
        }
        finally
        {
            db.Entry(email).State = EntityState.Detached;
        }
    }

    private static List<WorkItem> Order(IEnumerable<WorkItem> items) =>
        items.OrderBy(i => i.DueOn ?? DateOnly.MinValue).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();

    private static string DigestSubject(int overdue, int due) =>
        "Evenhand: " + string.Join(", ", new[] { overdue > 0 ? $"{overdue} now overdue" : null, due > 0 ? $"{due} due" : null }.OfType<string>());

    private string DigestBody(WorkUser user, IReadOnlyList<WorkItem> overdue, IReadOnlyList<WorkItem> due, DateOnly day)
    {
        var b = new StringBuilder().Append("Hello ").Append(user.DisplayName).AppendLine(",").AppendLine()
            .Append("Your work in Evenhand on ").Append(day.ToString("dddd d MMMM yyyy", EnGb)).AppendLine(".").AppendLine();
        foreach (var (heading, list) in new[] { ("Now overdue", overdue), ("Due", due) })
        {
            if (list.Count == 0)
            {
                continue;
            }

            b.Append("# ").AppendLine(heading).AppendLine();
            foreach (var item in list)
            {
                b.Append("* ").AppendLine(Line(item));
            }

            b.AppendLine();
        }

        Footer(b);
        return b.ToString();
    }

    private string Line(WorkItem i) =>
        $"{i.Title} ({(i.DueOn is { } d ? "due " + Format.Date(d) : "no date")}): {options.Link(i.Url)}";

    private void Footer(StringBuilder b) => b
        .Append("Everything you have to do is on your home page: ").AppendLine(options.Link("/")).AppendLine()
        .Append("To change or stop these emails: ").AppendLine(options.Link("/account/reminders"));
}

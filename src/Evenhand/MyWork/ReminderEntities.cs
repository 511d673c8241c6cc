using Microsoft.EntityFrameworkCore;

namespace Evenhand.MyWork;

/// <summary>How a user wants to be reminded by email.</summary>
public enum ReminderPreference
{
    /// <summary>One email a day listing what became due or overdue (the default).</summary>
    Digest,

    /// <summary>The daily email, and an email at once when something is assigned to them.</summary>
    Immediate,

    /// <summary>No email.</summary>
    None,
}

/// <summary>
/// A user's reminder settings: the email preference and the personal calendar feed. Only a hash of the feed's secret is kept,
/// so a copy of the database does not give anyone the feed. No row means the defaults (daily email, no feed).
/// </summary>
public sealed class ReminderSettings
{
    public required string UserId { get; set; }
    public ReminderPreference Preference { get; set; } = ReminderPreference.Digest;

    /// <summary>SHA-256 of the feed's secret, hex; null when the user has no feed (never made one, or revoked it).</summary>
    public string? CalendarTokenHash { get; set; }
    public DateTimeOffset? CalendarTokenCreatedAt { get; set; }
}

public enum OutboxStatus
{
    /// <summary>Written, not yet sent (or to be tried again at <see cref="OutboxEmail.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>Handed to the sender (GOV.UK Notify, or kept in the outbox by the development sender).</summary>
    Sent,

    /// <summary>Given up after <see cref="ReminderService.MaxAttempts"/> tries.</summary>
    Failed,
}

/// <summary>
/// An email to send, and the record of sending it: status, attempts, last error. (user, kind, key) is unique, so a day's digest
/// ("digest", "2025-03-04") or one assignment ("assigned", "action:12") is written once per user however many servers or runs
/// try — the database refuses the second row. With no GOV.UK Notify key configured the development sender marks rows sent
/// without any network, and the administrators' outbox page shows them.
/// </summary>
public sealed class OutboxEmail
{
    public const string DigestKind = "digest";
    public const string AssignedKind = "assigned";

    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public required string Key { get; set; }

    /// <summary>For a digest, the day it is for (its key as a date).</summary>
    public DateOnly? Day { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Who sent it: "outbox" (development sender, nothing leaves the machine) or "govuk-notify".</summary>
    public string? SentBy { get; set; }

    /// <summary>GOV.UK Notify's id for the message.</summary>
    public string? ProviderId { get; set; }

    /// <summary>A sender has claimed the row until then (so two servers do not send it twice at once).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

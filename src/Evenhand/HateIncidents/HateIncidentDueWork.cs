using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.HateIncidents;

/// <summary>What one run of <see cref="HateIncidentDueWork"/> noted.</summary>
public sealed record DueWorkResult(int ReviewsOverdue, int RetentionReviewsDue, int RepliesOverdue, int SubjectsToTellOverdue = 0)
{
    public int Total => ReviewsOverdue + RetentionReviewsDue + RepliesOverdue + SubjectsToTellOverdue;
}

/// <summary>Work that falls due on an incident by the passing of time, each noted once in its history.</summary>
public enum FallenDue
{
    /// <summary>An NCHI has waited in the review queue past the force's review target.</summary>
    ReviewOverdue,

    /// <summary>The subject's retained personal data is due its retention review (the Code; the force sets the period).</summary>
    RetentionReviewDue,

    /// <summary>The subject's reply or request for deletion has not been answered in the time the policy allows.</summary>
    ReplyOverdue,

    /// <summary>The subject of an NCHI with their personal data has not been told by the date the policy sets.</summary>
    TellSubjectOverdue,
}

public sealed partial class HateIncident
{
    /// <summary>
    /// Notes in the history, once each, the work that has fallen due at <paramref name="now"/>. System notes do not change
    /// the version, so a person editing the incident at the same moment is not told it was changed by someone else.
    /// </summary>
    public IReadOnlyList<FallenDue> NoteWorkFallenDue(DateTimeOffset now, DateOnly today, ForceHatePolicy policy, ProcessContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(policy);
        var noted = new List<FallenDue>();
        if (IsReviewOverdue(now) && ReviewOverdueNotedAt is null)
        {
            ReviewOverdueNotedAt = now;
            noted.Add(FallenDue.ReviewOverdue);
            Note(ctx, "Specialist review overdue", $"The review target passed at {ReviewDueAt:u}.");
        }

        if (IsRetentionReviewDue(today) && RetentionReviewNotedFor != RetentionReviewDueOn)
        {
            RetentionReviewNotedFor = RetentionReviewDueOn;
            noted.Add(FallenDue.RetentionReviewDue);
            Note(ctx, "Retention review due", $"The subject's personal data was due its retention review on {RetentionReviewDueOn:d MMM yyyy}.");
        }

        if (IsSubjectReplyOverdue(today) && ReplyOverdueNotedFor != SubjectReplyDueOn)
        {
            ReplyOverdueNotedFor = SubjectReplyDueOn;
            noted.Add(FallenDue.ReplyOverdue);
            Note(ctx, "Answer to the subject overdue", $"The subject's reply was due an answer by {SubjectReplyDueOn:d MMM yyyy}.");
        }

        if (IsTellSubjectOverdue(policy, today) && TellSubjectOverdueNotedFor != SubjectToBeToldBy)
        {
            TellSubjectOverdueNotedFor = SubjectToBeToldBy;
            noted.Add(FallenDue.TellSubjectOverdue);
            Note(ctx, "Telling the subject overdue", $"The subject was to be told by {SubjectToBeToldBy:d MMM yyyy}.");
        }

        return noted;
    }

    /// <summary>
    /// For an NCHI whose subject is to be told but that has no date to be told by (recorded before the force's policy had the
    /// setting): starts the clock from the specialist review, as it would have been. False when there is nothing to do.
    /// </summary>
    public bool StartTellingClockFromReview(ForceHatePolicy policy, ProcessContext ctx)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (SubjectToBeToldBy is not null || !SubjectToBeTold(policy))
        {
            return false;
        }

        SubjectToBeToldBy = UkTime.Date(ReviewedAt ?? AssessedAt ?? ReportedAt).AddDays(policy.TellSubjectWithinDays);
        Note(ctx, "Date to tell the subject set", $"To be told by {SubjectToBeToldBy:d MMM yyyy} (force policy: within {policy.TellSubjectWithinDays} days of the review).");
        return true;
    }

    private void Note(ProcessContext ctx, string what, string note) =>
        history.Add(new IncidentHistoryEntry { At = ctx.Now, By = ctx.UserName, Event = what, Note = note });
}

/// <summary>
/// Makes reviews fall due without anyone opening a page: finds, across every force, NCHIs past their review target, retained
/// subject data due its retention review and subject replies past their answer date, and notes each once in the incident's
/// history with an audit entry. Run on a timer by the web app (DueWorkScheduler); tests and the CLI call
/// <see cref="RunAsync"/> directly.
/// </summary>
public sealed class HateIncidentDueWork(EvenhandDbContext db, TimeProvider time)
{
    public const int BatchSize = 500;

    public async Task<DueWorkResult> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = UkTime.Date(now);
        var ctx = ProcessContext.System(time, "Work falling due");
        int reviews = 0, retention = 0, replies = 0, tell = 0;
        var afterId = 0;
        var policies = await db.HatePolicies.AsNoTracking().ToDictionaryAsync(p => p.ForceId, ct);
        const string crime = "hate-crime";
        const string withData = "nchi-with-personal-data";

        // Records from before the telling clock existed get their date first, so this same run can note the overdue ones.
        var unclocked = await db.HateIncidents
            .Where(i => i.Classification == withData && i.Status == IncidentStatus.Finalised && i.SubjectToBeToldBy == null
                && i.SubjectToldAt == null && i.NotificationExceptionApprovedBy == null && i.People.Any(p => p.Role == PersonRole.Subject))
            .Include(i => i.People.Where(p => p.Role == PersonRole.Subject))
            .ToListAsync(ct);
        foreach (var incident in unclocked)
        {
            incident.StartTellingClockFromReview(policies.GetValueOrDefault(incident.ForceId) ?? ForceHatePolicy.Default(incident.ForceId), ctx);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        while (true)
        {
            // Candidates in id order, a batch at a time; the entity decides (and the markers make a second run a no-op).
            var batch = await db.HateIncidents
                .Where(i => i.Id > afterId)
                .Where(i =>
                    (i.Status == IncidentStatus.AwaitingReview && i.ReviewDueAt < now && i.ReviewOverdueNotedAt == null)
                    || (i.Classification != crime && i.RetentionReviewDueOn <= today && i.RetentionReviewNotedFor != i.RetentionReviewDueOn)
                    || (i.Classification != crime && i.SubjectReplyDueOn < today && i.SubjectAnsweredAt == null && i.ReplyOverdueNotedFor != i.SubjectReplyDueOn)
                    || (i.Classification != crime && i.SubjectToBeToldBy < today && i.SubjectToldAt == null && i.TellSubjectOverdueNotedFor != i.SubjectToBeToldBy))
                .OrderBy(i => i.Id)
                .Take(BatchSize)
                .Include(i => i.People.Where(p => p.Role == PersonRole.Subject))
                .AsSplitQuery()
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var incident in batch)
            {
                var policy = policies.GetValueOrDefault(incident.ForceId) ?? ForceHatePolicy.Default(incident.ForceId);
                var noted = incident.NoteWorkFallenDue(now, today, policy, ctx);
                if (noted.Count == 0)
                {
                    continue;
                }

                reviews += noted.Count(n => n == FallenDue.ReviewOverdue);
                retention += noted.Count(n => n == FallenDue.RetentionReviewDue);
                replies += noted.Count(n => n == FallenDue.ReplyOverdue);
                tell += noted.Count(n => n == FallenDue.TellSubjectOverdue);
                AuditLog.Record(db, ctx, "FellDue", nameof(HateIncident), incident.Id, incident.ForceId, null, new { incident.Reference, Due = noted.Select(n => n.ToString()) });
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            afterId = batch[^1].Id;
        }

        // PostgreSQL keeps deleted rows in the table files until a VACUUM: run it here, on the tables that hold personal data.
        await PersonalDataErasure.VacuumAsync(db, ct);
        return new DueWorkResult(reviews, retention, replies, tell);
    }
}

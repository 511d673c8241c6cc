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
            Note(ctx, "Specialist review overdue", $"The review target passed at {ReviewDueAt:u}.", DueKey("review-overdue", ReviewDueAt));
        }

        if (IsRetentionReviewDue(today) && RetentionReviewNotedFor != RetentionReviewDueOn)
        {
            RetentionReviewNotedFor = RetentionReviewDueOn;
            noted.Add(FallenDue.RetentionReviewDue);
            Note(ctx, "Retention review due", $"The subject's personal data was due its retention review on {Format.Date(RetentionReviewDueOn, "")}.", DueKey("retention-review", RetentionReviewDueOn));
        }

        if (IsSubjectReplyOverdue(today) && ReplyOverdueNotedFor != SubjectReplyDueOn)
        {
            ReplyOverdueNotedFor = SubjectReplyDueOn;
            noted.Add(FallenDue.ReplyOverdue);
            Note(ctx, "Answer to the subject overdue", $"The subject's reply was due an answer by {Format.Date(SubjectReplyDueOn, "")}.", DueKey("reply-overdue", SubjectReplyDueOn));
        }

        if (IsTellSubjectOverdue(policy, today) && TellSubjectOverdueNotedFor != SubjectToBeToldBy)
        {
            TellSubjectOverdueNotedFor = SubjectToBeToldBy;
            noted.Add(FallenDue.TellSubjectOverdue);
            Note(ctx, "Telling the subject overdue", $"The subject was to be told by {Format.Date(SubjectToBeToldBy, "")}.", DueKey("tell-overdue", SubjectToBeToldBy));
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
        Note(ctx, "Date to tell the subject set", $"To be told by {Format.Date(SubjectToBeToldBy, "")} (force policy: within {policy.TellSubjectWithinDays} days of the review).", "tell-clock-set");
        return true;
    }

    private void Note(ProcessContext ctx, string what, string note, string dueKey) =>
        history.Add(new IncidentHistoryEntry { At = ctx.Now, By = ctx.UserName, Event = what, Note = note, DueKey = dueKey });

    /// <summary>What fell due and for when, in a form that does not depend on culture: the key the database keeps unique.</summary>
    private static string DueKey(string what, DateTimeOffset? due) =>
        $"{what}:{due?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}";

    private static string DueKey(string what, DateOnly? due) =>
        $"{what}:{due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Makes reviews fall due without anyone opening a page: finds, across every force, NCHIs past their review target, retained
/// subject data due its retention review and subject replies past their answer date, and notes each once in the incident's
/// history with an audit entry. Run by the job engine on every web server (DueWorkJob) and by `evenhand incidents due-work`.
/// Two runs at the same moment (two servers, or a server and the command) note each item once: each note carries a key that
/// the database keeps unique per incident, so the second run's save is refused and it re-reads those incidents one at a time,
/// finding them already noted.
/// </summary>
public sealed class HateIncidentDueWork(EvenhandDbContext db, TimeProvider time)
{
    public const int BatchSize = 500;

    private const string Crime = "hate-crime";
    private const string WithData = "nchi-with-personal-data";

    public async Task<DueWorkResult> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = UkTime.Date(now);
        var ctx = ProcessContext.System(time, "Work falling due");
        var counts = new int[4];
        var afterId = 0;
        var policies = await db.HatePolicies.AsNoTracking().ToDictionaryAsync(p => p.ForceId, ct);
        ForceHatePolicy PolicyOf(HateIncident i) => policies.GetValueOrDefault(i.ForceId) ?? ForceHatePolicy.Default(i.ForceId);

        // Records from before the telling clock existed get their date first, so this same run can note the overdue ones.
        var unclocked = await Unclocked().Select(i => i.Id).ToListAsync(ct);
        await SaveEachAsync(unclocked, Unclocked, i => i.StartTellingClockFromReview(PolicyOf(i), ctx) ? Array.Empty<FallenDue>() : null, counts, ct);
        while (true)
        {
            // Candidates in id order, a batch at a time; the entity decides (and the markers make a second run a no-op).
            var batch = await Candidates(now, today).Where(i => i.Id > afterId).OrderBy(i => i.Id).Select(i => i.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            await SaveEachAsync(batch, () => Candidates(now, today), i =>
            {
                var noted = i.NoteWorkFallenDue(now, today, PolicyOf(i), ctx);
                if (noted.Count > 0)
                {
                    AuditLog.Record(db, ctx, "FellDue", nameof(HateIncident), i.Id, i.ForceId, null, new { i.Reference, Due = noted.Select(n => n.ToString()) });
                }

                return noted.Count == 0 ? null : noted;
            }, counts, ct);
            afterId = batch[^1];
        }

        // PostgreSQL keeps deleted rows in the table files until a VACUUM: run it here, on the tables that hold personal data.
        await PersonalDataErasure.VacuumAsync(db, ct);
        return new DueWorkResult(counts[(int)FallenDue.ReviewOverdue], counts[(int)FallenDue.RetentionReviewDue], counts[(int)FallenDue.ReplyOverdue], counts[(int)FallenDue.TellSubjectOverdue]);
    }

    private IQueryable<HateIncident> Unclocked() => db.HateIncidents
        .Where(i => i.Classification == WithData && i.Status == IncidentStatus.Finalised && i.SubjectToBeToldBy == null
            && i.SubjectToldAt == null && i.NotificationExceptionApprovedBy == null && i.People.Any(p => p.Role == PersonRole.Subject));

    private IQueryable<HateIncident> Candidates(DateTimeOffset now, DateOnly today) => db.HateIncidents.Where(i =>
        (i.Status == IncidentStatus.AwaitingReview && i.ReviewDueAt < now && i.ReviewOverdueNotedAt == null)
        || (i.Classification != Crime && i.RetentionReviewDueOn <= today && i.RetentionReviewNotedFor != i.RetentionReviewDueOn)
        || (i.Classification != Crime && i.SubjectReplyDueOn < today && i.SubjectAnsweredAt == null && i.ReplyOverdueNotedFor != i.SubjectReplyDueOn)
        || (i.Classification != Crime && i.SubjectToBeToldBy < today && i.SubjectToldAt == null && i.TellSubjectOverdueNotedFor != i.SubjectToBeToldBy));

    /// <summary>
    /// Loads the incidents <paramref name="ids"/> (still matching <paramref name="query"/>), applies <paramref name="note"/> to
    /// each and saves them together. If the database refuses a note that another run has just made, the batch is rolled back and
    /// done again one incident at a time, re-read, so the other run's notes are seen and only what is still missing is noted.
    /// </summary>
    private async Task SaveEachAsync(List<int> ids, Func<IQueryable<HateIncident>> query, Func<HateIncident, IReadOnlyList<FallenDue>?> note, int[] counts, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var pending = new List<IReadOnlyList<FallenDue>>();
        foreach (var incident in await LoadAsync(query, ids, ct))
        {
            if (note(incident) is { } noted)
            {
                pending.Add(noted);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            Count(pending, counts);
            return;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another run got there first with at least one of these notes: fall through to one at a time.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        foreach (var id in ids)
        {
            foreach (var incident in await LoadAsync(query, [id], ct))
            {
                if (note(incident) is not { } noted)
                {
                    continue;
                }

                try
                {
                    await db.SaveChangesAsync(ct);
                    Count([noted], counts);
                }
                catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
                {
                    // Another run noted this incident between our read and our save: its note stands, ours is dropped.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    private static async Task<List<HateIncident>> LoadAsync(Func<IQueryable<HateIncident>> query, List<int> ids, CancellationToken ct) =>
        await query().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id)
            .Include(i => i.People.Where(p => p.Role == PersonRole.Subject))
            .AsSplitQuery()
            .ToListAsync(ct);

    private static void Count(IEnumerable<IReadOnlyList<FallenDue>> noted, int[] counts)
    {
        foreach (var n in noted.SelectMany(n => n))
        {
            counts[(int)n]++;
        }
    }
}

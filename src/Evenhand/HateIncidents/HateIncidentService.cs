using System.Globalization;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.HateIncidents.Rules;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.HateIncidents;

public sealed record RecordIncidentOptions(IncidentReport Report, string? Reference, PersonDetails? Complainant);

public sealed record AssessIncidentOptions(Guid Version, AssessmentAnswers Answers, string? Rationale);

public sealed record DeploymentOptions(Guid Version, bool Deploy, PlaneDecision Plane);

public sealed record ReviewOptions(Guid Version, ReviewDecision Decision, bool DeleteSubjectPersonalData, string? DeletionReason);

/// <summary>Adds a person to an incident; <see cref="PersonRole"/> is null when the form left it unanswered (the domain refuses it).</summary>
public sealed record AddPersonOptions(Guid Version, PersonRole? PersonRole, PersonDetails Details);

public sealed record DeletePersonalDataOptions(Guid Version, string? Reason);

public sealed record SubjectReplyOptions(Guid Version, string? Reply, bool RequestsDeletion, DateOnly ReceivedOn);

/// <summary>Filters for the incident list. <see cref="Outcome"/> is an outcome key ("nchi", …).</summary>
public sealed record IncidentQuery(
    int Page = 1,
    int PageSize = 25,
    IncidentStatus? Status = null,
    string? Outcome = null,
    string? Characteristic = null,
    string? Area = null,
    bool OverdueOnly = false,
    string? Reference = null);

public sealed record IncidentPage(IReadOnlyList<HateIncident> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Where an incident stands in a list ordered by an instant (reported, review due) and then its id, as links carry it: "ticks.id".</summary>
public readonly record struct IncidentKey(DateTimeOffset At, int Id)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{At.UtcTicks}.{Id}");

    public static IncidentKey? Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && long.TryParse(text.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && int.TryParse(text.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? new IncidentKey(new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}

/// <summary>Where an item stands in a list of work due (due date, then incident id), as links carry it: "2025-03-31.id".</summary>
public readonly record struct DueKey(DateOnly DueOn, int Id)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DueOn:yyyy-MM-dd}.{Id}");

    public static DueKey? Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && DateOnly.TryParseExact(text.AsSpan(0, dot), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var due)
            && int.TryParse(text.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? new DueKey(due, id)
            : null;
    }

    /// <summary>The key of an item in its list (a subject to tell with no date yet sorts last).</summary>
    public static DueKey Of(DueWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Kind == DueWorkKind.Purge ? DateOnly.MinValue : item.DueOn ?? DateOnly.MaxValue, item.IncidentId);
    }
}

/// <summary>How many items of one kind of work are due, and how many of them are overdue.</summary>
public sealed record DueWorkCount(DueWorkKind Kind, int Count, int Overdue);

/// <summary>An earlier incident shown as supporting information (no personal data).</summary>
public sealed record RelatedIncident(int Id, string Reference, DateTimeOffset ReportedAt, string Area, string? Outcome, IReadOnlyList<string> Characteristics);

/// <summary>
/// The APP's supporting information: earlier incidents at the same area, with the same complainant or subject, or towards the
/// same characteristic. <see cref="SameSubject"/> is null when the viewer may not see the subject's personal data.
/// </summary>
public sealed record SupportingInformation(
    IReadOnlyList<RelatedIncident> SameArea,
    int SameAreaCount,
    IReadOnlyList<RelatedIncident> SameComplainant,
    IReadOnlyList<RelatedIncident>? SameSubject,
    IReadOnlyList<RelatedIncident> SameCharacteristic,
    int SameCharacteristicCount)
{
    public const int WindowDays = 365;
}

/// <summary>What of the subject's a page showed (counts and flags, for the audit entry).</summary>
public sealed record SubjectDataShown(int SubjectFiles = 0, bool Rationale = false, bool Reply = false, bool NotificationExceptionReason = false, int SameSubjectIncidents = 0)
{
    public bool Any => SubjectFiles > 0 || Rationale || Reply || NotificationExceptionReason || SameSubjectIncidents > 0;
}

/// <summary>The kinds of work that fall due on hate incidents, with the keys the due-work API uses.</summary>
public enum DueWorkKind
{
    /// <summary>An NCHI waiting for specialist review.</summary>
    Review,

    /// <summary>The subject of an NCHI with their personal data is to be told.</summary>
    TellSubject,

    /// <summary>The subject's reply or request for deletion is to be answered.</summary>
    ReplyToSubject,

    /// <summary>The subject's retained personal data is due its retention review.</summary>
    RetentionReview,

    /// <summary>Other systems still to be purged after the subject's personal data was deleted.</summary>
    Purge,
}

/// <summary>
/// One piece of work due: what, on which incident, its current classification (an outcome key), the date it is due and whether
/// that has passed. For a purge <see cref="DueOn"/> is the day the purge was asked for and <see cref="Outstanding"/> how many
/// systems are left. No personal data.
/// </summary>
public sealed record DueWorkItem(DueWorkKind Kind, int IncidentId, string Reference, string? Classification, DateOnly? DueOn, bool Overdue, int Outstanding = 1)
{
    public static string KindKey(DueWorkKind kind) => kind switch
    {
        DueWorkKind.Review => "review",
        DueWorkKind.TellSubject => "tell-subject",
        DueWorkKind.ReplyToSubject => "reply-to-subject",
        DueWorkKind.RetentionReview => "retention-review",
        DueWorkKind.Purge => "purge",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// Records, assesses, reviews and finalises hate incidents, and guards the personal data in them. Every change is audited
/// (never with personal data in the entry), every view of personal data leaves a "Viewed" entry, and every edit is checked
/// against the version the user saw.
/// </summary>
public sealed class HateIncidentService(EvenhandDbContext db, HatePolicyService policies)
{
    public const string PersonalDataEntity = "HateIncidentPersonalData";

    /// <summary>
    /// The force's incidents that match the query's filters other than the characteristic (see <see cref="WithCharacteristic"/>);
    /// null when none can. Each filter is put in a form an index answers: a reference typed in full is looked up (the unique
    /// index), otherwise searched for within references; the area text is matched against the force's areas first, so the
    /// incidents are filtered by the areas it names.
    /// </summary>
    private async Task<IQueryable<HateIncident>?> FilteredAsync(int forceId, IncidentQuery q, DateTimeOffset now, CancellationToken ct)
    {
        var query = db.HateIncidents.AsNoTracking().Where(i => i.ForceId == forceId);
        if (q.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(q.Outcome))
        {
            var outcome = q.Outcome.Trim();
            query = query.Where(i => i.Classification == outcome);
        }

        if (!string.IsNullOrWhiteSpace(q.Area))
        {
            var typed = q.Area.Trim().ToLowerInvariant();
            var areas = (await db.HateIncidents.AsNoTracking().Where(i => i.ForceId == forceId).Select(i => i.Area).Distinct().ToListAsync(ct))
                .Where(a => a.ToLowerInvariant().Contains(typed, StringComparison.Ordinal)).ToList();
            if (areas.Count == 0)
            {
                return null;
            }

            query = query.Where(i => areas.Contains(i.Area));
        }

        if (!string.IsNullOrWhiteSpace(q.Reference))
        {
            var reference = q.Reference.Trim().ToUpperInvariant();
            query = await db.HateIncidents.AnyAsync(i => i.ForceId == forceId && i.Reference == reference, ct)
                ? query.Where(i => i.Reference == reference)
                : query.Where(i => i.Reference.ToUpper().Contains(reference));
        }

        if (q.OverdueOnly)
        {
            query = query.Where(i => i.Status == IncidentStatus.AwaitingReview && i.ReviewDueAt < now);
        }

        return query;
    }

    private static string? CharacteristicOf(IncidentQuery q) => string.IsNullOrWhiteSpace(q.Characteristic) ? null : q.Characteristic.Trim().ToLowerInvariant();

    private static IQueryable<HateIncident> WithCharacteristic(IQueryable<HateIncident> query, IncidentQuery q) =>
        CharacteristicOf(q) is { } c ? query.Where(i => i.Characteristics.Contains(c)) : query;

    /// <summary>
    /// How many of <paramref name="query"/> match. With a characteristic, the incidents are grouped by their characteristics
    /// (a few dozen combinations, in the order of an index) and the combinations that include it are added up, rather than
    /// each incident's characteristics being searched.
    /// </summary>
    private static async Task<long> CountAsync(IQueryable<HateIncident> query, IncidentQuery q, CancellationToken ct)
    {
        if (CharacteristicOf(q) is not { } c)
        {
            return await query.LongCountAsync(ct);
        }

        var sets = await query.GroupBy(i => i.Characteristics).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return sets.Where(s => s.Key.Contains(c)).Sum(s => (long)s.Count);
    }

    /// <summary>One page by number (the API's paging), most recent report first.</summary>
    public async Task<IncidentPage> ListAsync(int forceId, IncidentQuery q, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var pageSize = Math.Clamp(q.PageSize, 1, 100);
        if (await FilteredAsync(forceId, q, now, ct) is not { } query)
        {
            return new IncidentPage([], 0, 1, pageSize);
        }

        var total = (int)await CountAsync(query, q, ct);
        var page = Math.Clamp(q.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await WithCharacteristic(query, q).OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new IncidentPage(items, total, page, pageSize);
    }

    /// <summary>
    /// One page of the incident list, most recent report first (ties by id), read by key (<see cref="IncidentKey"/>): the
    /// last page costs what the first does. The page's ids come from one index that holds the list's order and every column
    /// its filters test; then their rows are read.
    /// </summary>
    public async Task<KeysetPage<HateIncident>> PageAsync(int forceId, IncidentQuery q, PageRequest<IncidentKey> request, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(request);
        if (await FilteredAsync(forceId, q, now, ct) is not { } query)
        {
            return KeysetPage.Empty<HateIncident>(request.Size);
        }

        var total = await CountAsync(query, q, ct);
        if (total == 0)
        {
            return KeysetPage.Empty<HateIncident>(request.Size);
        }

        var ordered = WithCharacteristic(query, q);
        if (request.Key is { } k)
        {
            var at = k.At;
            ordered = request.From == PageFrom.After
                ? ordered.Where(i => i.ReportedAt <= at && (i.ReportedAt < at || i.Id < k.Id))
                : ordered.Where(i => i.ReportedAt >= at && (i.ReportedAt > at || i.Id > k.Id));
        }

        ordered = request.Backwards
            ? ordered.OrderBy(i => i.ReportedAt).ThenBy(i => i.Id)
            : ordered.OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id);
        var ids = await ordered.Select(i => i.Id).Take(request.Take(total)).ToListAsync(ct);
        var rows = await db.HateIncidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var items = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        return KeysetPage.From(request, items, total);
    }

    /// <summary>Every incident that matches, in the list's order, read from the database as the caller consumes them (for the CSV).</summary>
    public async IAsyncEnumerable<HateIncident> StreamAsync(int forceId, IncidentQuery q, DateTimeOffset now,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (await FilteredAsync(forceId, q, now, ct) is not { } query)
        {
            yield break;
        }

        await foreach (var incident in WithCharacteristic(query, q).OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return incident;
        }
    }

    /// <summary>The specialist review queue: every NCHI awaiting review, the most urgent first.</summary>
    public Task<List<HateIncident>> ReviewQueueAsync(int forceId, CancellationToken ct = default) =>
        AwaitingReview(forceId).OrderBy(i => i.ReviewDueAt).ThenBy(i => i.Id).ToListAsync(ct);

    private IQueryable<HateIncident> AwaitingReview(int forceId) =>
        db.HateIncidents.AsNoTracking().Where(i => i.ForceId == forceId && i.Status == IncidentStatus.AwaitingReview);

    /// <summary>
    /// One page of the review queue, the review due soonest first (ties by id), read by key. <paramref name="total"/>: the
    /// queue's length when the caller has just counted it (<see cref="DueWorkCountsAsync"/>), so it is not counted again.
    /// </summary>
    public async Task<KeysetPage<HateIncident>> ReviewQueuePageAsync(int forceId, PageRequest<IncidentKey> request, long? total = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = AwaitingReview(forceId);
        if (request.Key is { } k)
        {
            DateTimeOffset? due = k.At;
            query = request.From == PageFrom.After
                ? query.Where(i => i.ReviewDueAt >= due && (i.ReviewDueAt > due || i.Id > k.Id))
                : query.Where(i => i.ReviewDueAt <= due && (i.ReviewDueAt < due || i.Id < k.Id));
        }

        total ??= await AwaitingReview(forceId).LongCountAsync(ct);
        query = request.Backwards ? query.OrderByDescending(i => i.ReviewDueAt).ThenByDescending(i => i.Id) : query.OrderBy(i => i.ReviewDueAt).ThenBy(i => i.Id);
        var items = await query.Take(request.Take(total)).ToListAsync(ct);
        return KeysetPage.From(request, items, total);
    }

    /// <summary>
    /// Every piece of work due for the force: the review queue, subjects to tell, replies to answer, retention reviews due and
    /// systems to purge, each with its incident's classification. Telling, replies, retention reviews and purges are the NCHI
    /// Code's work, so no hate crime is ever among them (PCSC Act 2022 s60(4)). Each kind is one query in the database, in
    /// the order the review queue page lists it (due date, then incident).
    /// </summary>
    public async Task<IReadOnlyList<DueWorkItem>> DueWorkAsync(int forceId, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = UkTime.Date(now);
        var policy = await policies.GetAsync(forceId, ct);
        var items = new List<DueWorkItem>();
        foreach (var i in await ReviewQueueAsync(forceId, ct))
        {
            items.Add(ReviewItem(i, now));
        }

        foreach (var kind in OtherWork)
        {
            var rows = kind == DueWorkKind.Purge
                ? await PurgeRowsAsync(forceId, null, int.MaxValue, ct)
                : await DueRows(forceId, kind, policy, today).OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToListAsync(ct);
            items.AddRange(rows.Select(r => r.ToItem(kind, today)));
        }

        return items;
    }

    /// <summary>The kinds of work other than the review queue, in the order the review queue page shows them.</summary>
    public static IReadOnlyList<DueWorkKind> OtherWork { get; } = [DueWorkKind.TellSubject, DueWorkKind.ReplyToSubject, DueWorkKind.RetentionReview, DueWorkKind.Purge];

    /// <summary>How much of each kind of work is due, and how much of it is overdue (counted in the database, never listed).</summary>
    public async Task<IReadOnlyList<DueWorkCount>> DueWorkCountsAsync(int forceId, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = UkTime.Date(now);
        var policy = await policies.GetAsync(forceId, ct);
        // Each kind counted once, with its overdue items in the same pass.
        var queue = await AwaitingReview(forceId).GroupBy(i => 1)
            .Select(g => new { Count = g.Count(), Overdue = g.Count(i => i.ReviewDueAt < now) }).FirstOrDefaultAsync(ct);
        var counts = new List<DueWorkCount> { new(DueWorkKind.Review, queue?.Count ?? 0, queue?.Overdue ?? 0) };
        foreach (var kind in OtherWork)
        {
            if (kind == DueWorkKind.Purge)
            {
                var outstanding = OutstandingPurges(forceId);
                counts.Add(new(kind, await outstanding.Select(p => p.HateIncidentId).Distinct().CountAsync(ct), 0));
                continue;
            }

            var due = await DueRows(forceId, kind, policy, today).GroupBy(r => 1)
                .Select(g => new { Count = g.Count(), Overdue = g.Count(r => r.DueOn < today) }).FirstOrDefaultAsync(ct);
            counts.Add(new(kind, due?.Count ?? 0, due?.Overdue ?? 0));
        }

        return counts;
    }

    /// <summary>
    /// One page of one kind of work other than reviews, the work due soonest first (purges by incident), read by key.
    /// <paramref name="knownTotal"/>: how many there are when the caller has just counted them (<see cref="DueWorkCountsAsync"/>).
    /// </summary>
    public async Task<KeysetPage<DueWorkItem>> DueWorkPageAsync(int forceId, DueWorkKind kind, PageRequest<DueKey> request, DateTimeOffset now,
        long? knownTotal = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (kind == DueWorkKind.Review)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "The review queue has its own page: ReviewQueuePageAsync.");
        }

        var today = UkTime.Date(now);
        List<DueRow> rows;
        long total;
        if (kind == DueWorkKind.Purge)
        {
            total = knownTotal ?? await OutstandingPurges(forceId).Select(p => p.HateIncidentId).Distinct().LongCountAsync(ct);
            rows = await PurgeRowsAsync(forceId, request, request.Take(total), ct);
        }
        else
        {
            var all = DueRows(forceId, kind, await policies.GetAsync(forceId, ct), today);
            var query = all;
            if (request.Key is { } k)
            {
                query = request.From == PageFrom.After
                    ? query.Where(r => r.DueOn > k.DueOn || (r.DueOn == k.DueOn && r.Id > k.Id))
                    : query.Where(r => r.DueOn < k.DueOn || (r.DueOn == k.DueOn && r.Id < k.Id));
            }

            query = request.Backwards ? query.OrderByDescending(r => r.DueOn).ThenByDescending(r => r.Id) : query.OrderBy(r => r.DueOn).ThenBy(r => r.Id);
            total = knownTotal ?? await all.LongCountAsync(ct);
            rows = await query.Take(request.Take(total)).ToListAsync(ct);
        }

        return KeysetPage.From(request, rows.Select(r => r.ToItem(kind, today)).ToList(), total);
    }

    /// <summary>A review-queue incident as a due-work item.</summary>
    public static DueWorkItem ReviewItem(HateIncident i, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(DueWorkKind.Review, i.Id, i.Reference, i.Classification, i.ReviewDueAt is { } d ? UkTime.Date(d) : null, i.IsReviewOverdue(now));
    }

    private const string HateCrime = "hate-crime";

    /// <summary>
    /// The incidents with one kind of the Code's work due, as rows with the date it is due. The conditions are the entity's
    /// (<see cref="HateIncident.SubjectToBeTold"/>, <see cref="HateIncident.IsRetentionReviewDue"/>…) written for the database.
    /// </summary>
    private IQueryable<DueRow> DueRows(int forceId, DueWorkKind kind, ForceHatePolicy policy, DateOnly today)
    {
        const string withData = "nchi-with-personal-data";
        var force = db.HateIncidents.AsNoTracking().Where(i => i.ForceId == forceId && i.Classification != HateCrime);
        // "Holds the subject's data" is written as a count of the incident's subject rows, not Any(): a count is looked up per
        // candidate (a few, through the indexes below), where PostgreSQL would hash every subject row of every force for EXISTS.
        return kind switch
        {
            DueWorkKind.TellSubject => force
                .Where(i => policy.TellSubject && i.Classification == withData && i.Status == IncidentStatus.Finalised && i.SubjectToldAt == null
                    && i.NotificationExceptionApprovedBy == null && i.People.Count(p => p.Role == PersonRole.Subject) > 0)
                .Select(i => new DueRow { Id = i.Id, Reference = i.Reference, Classification = i.Classification, DueOn = i.SubjectToBeToldBy ?? DateOnly.MaxValue }),
            DueWorkKind.ReplyToSubject => force
                .Where(i => i.SubjectReplyDueOn != null && i.SubjectAnsweredAt == null)
                .Select(i => new DueRow { Id = i.Id, Reference = i.Reference, Classification = i.Classification, DueOn = i.SubjectReplyDueOn!.Value }),
            DueWorkKind.RetentionReview => force
                .Where(i => i.RetentionReviewDueOn <= today && i.People.Count(p => p.Role == PersonRole.Subject) > 0)
                .Select(i => new DueRow { Id = i.Id, Reference = i.Reference, Classification = i.Classification, DueOn = i.RetentionReviewDueOn!.Value }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private IQueryable<PurgeConfirmation> OutstandingPurges(int forceId) =>
        db.PurgeConfirmations.AsNoTracking()
            .Where(p => p.ConfirmedAt == null && db.HateIncidents.Any(i => i.Id == p.HateIncidentId && i.ForceId == forceId && i.Classification != HateCrime));

    /// <summary>Incidents with systems still to purge, by incident id from the request's key: the day the purge was asked for and how many systems are left.</summary>
    private async Task<List<DueRow>> PurgeRowsAsync(int forceId, PageRequest<DueKey>? request, int take, CancellationToken ct)
    {
        var outstanding = OutstandingPurges(forceId);
        var ids = outstanding.Select(p => p.HateIncidentId).Distinct();
        if (request?.Key is { } k)
        {
            ids = request.From == PageFrom.After ? ids.Where(id => id > k.Id) : ids.Where(id => id < k.Id);
        }

        var page = await (request?.Backwards == true ? ids.OrderByDescending(id => id) : ids.OrderBy(id => id)).Take(take).ToListAsync(ct);
        var rows = await outstanding.Where(p => page.Contains(p.HateIncidentId))
            .Join(db.HateIncidents, p => p.HateIncidentId, i => i.Id, (p, i) => new { p.HateIncidentId, p.RequestedAt, i.Reference, i.Classification })
            .ToListAsync(ct);
        var byIncident = rows.GroupBy(r => r.HateIncidentId).ToDictionary(g => g.Key);
        return page.Where(byIncident.ContainsKey).Select(id =>
        {
            var g = byIncident[id];
            var first = g.First();
            return new DueRow { Id = id, Reference = first.Reference, Classification = first.Classification, DueOn = UkTime.Date(g.Min(r => r.RequestedAt)), Outstanding = g.Count() };
        }).ToList();
    }

    /// <summary>An incident with work due, as the due-work queries read it.</summary>
    private sealed class DueRow
    {
        public int Id { get; init; }
        public string Reference { get; init; } = "";
        public string? Classification { get; init; }
        public DateOnly DueOn { get; init; }
        public int Outstanding { get; init; } = 1;

        public DueWorkItem ToItem(DueWorkKind kind, DateOnly today) => kind == DueWorkKind.Purge
            ? new(kind, Id, Reference, Classification, DueOn, false, Outstanding)
            : new(kind, Id, Reference, Classification, DueOn == DateOnly.MaxValue ? null : DueOn, today > DueOn);
    }

    /// <summary>One incident with its history and (for checks, never for display) its person rows; not found for another force.</summary>
    public async Task<HateIncident> GetAsync(int forceId, int id, CancellationToken ct = default) =>
        await db.HateIncidents
            .Include(i => i.People)
            .Include(i => i.History)
            .Include(i => i.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id && i.ForceId == forceId, ct)
        ?? throw new NotFoundException("There is no such hate incident for this force.");

    public Task<List<PurgeConfirmation>> PurgesAsync(int forceId, int id, CancellationToken ct = default) =>
        db.PurgeConfirmations.AsNoTracking()
            .Where(p => p.HateIncidentId == id && db.HateIncidents.Any(i => i.Id == id && i.ForceId == forceId))
            .OrderBy(p => p.Id)
            .ToListAsync(ct);

    public async Task<HateIncident> RecordAsync(int forceId, RecordIncidentOptions o, IncidentStaffRole role, ProcessContext ctx, CancellationToken ct = default)
    {
        var policy = await policies.GetAsync(forceId, ct);
        var ruleSet = RuleSetRegistry.Get(policy.RuleSetOn(UkTime.Date(ctx.Now)));
        var generated = string.IsNullOrWhiteSpace(o.Reference);
        // Two people recording at the same moment can be given the same next number; the unique index refuses the second,
        // which then takes the number after. A reference someone typed is not changed: they are told it is taken.
        for (var attempt = 1; ; attempt++)
        {
            var reference = generated ? await NextReferenceAsync(forceId, ctx.Now, ct) : o.Reference!.Trim().ToUpperInvariant();

            if (await db.HateIncidents.AnyAsync(i => i.ForceId == forceId && i.Reference == reference, ct))
            {
                if (generated && attempt < 10)
                {
                    continue; // taken by someone recording at the same moment: the next number
                }

                throw new DomainRuleException([new FieldError(nameof(RecordIncidentOptions.Reference), $"There is already an incident with the reference {reference}.")]);
            }

            try
            {
                // The audit entry needs the new id: two saves, one transaction (made afresh if the transaction is retried).
                return await db.InTransactionAsync(async ct =>
                {
                    var complainant = o.Complainant is { } c && !string.IsNullOrWhiteSpace(c.Name) ? c : null;
                    var incident = HateIncident.Record(forceId, reference, o.Report, policy.KnownCharacteristics(ruleSet), ctx, complainant);
                    if (complainant is not null)
                    {
                        incident.AddPerson(PersonRole.Complainant, complainant, role, policy, ctx);
                    }

                    db.HateIncidents.Add(incident);
                    await db.SaveChangesAsync(ct);
                    AuditLog.Record(db, ctx, "Created", nameof(HateIncident), incident.Id, forceId, null, Snapshot(incident));
                    await db.SaveChangesAsync(ct);
                    return incident;
                }, ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                if (!generated || attempt == 10)
                {
                    throw new DomainRuleException([new FieldError(nameof(RecordIncidentOptions.Reference), $"There is already an incident with the reference {reference}. Record it again to be given the next one.")]);
                }
            }
        }
    }

    /// <summary>The decision the force's rule set gives for these answers, without saving anything (the page shows it, with its reasons).</summary>
    public async Task<AssessmentDecision> DecideAsync(int forceId, HateIncident incident, AssessmentAnswers answers, DateTimeOffset now, CancellationToken ct = default)
    {
        var policy = await policies.GetAsync(forceId, ct);
        return Decide(policy, incident, answers, now);
    }

    public async Task<HateIncident> AssessAsync(int forceId, int id, AssessIncidentOptions o, IncidentStaffRole role, ProcessContext ctx, CancellationToken ct = default)
    {
        return await db.ChangeAsync(await GetAsync(forceId, id, ct), o.Version, "Assessed", Audit, async incident =>
        {
            var policy = await policies.GetAsync(forceId, ct);
            var decision = Decide(policy, incident, o.Answers, ctx.Now);
            incident.Assess(o.Answers with { Characteristics = incident.Characteristics }, decision, o.Rationale, role, policy, ctx);
        }, ctx, ct);
    }

    public async Task<HateIncident> DecideDeploymentAsync(int forceId, int id, DeploymentOptions o, ProcessContext ctx, CancellationToken ct = default)
    {
        return await db.ChangeAsync(await GetAsync(forceId, id, ct), o.Version, "DeploymentDecided", Audit, incident =>
        {
            incident.DecideDeployment(o.Deploy, o.Plane, ctx);
        }, ctx, ct);
    }

    /// <summary>The specialist review; where asked (and where the new classification requires it) deletes the subject's personal data in the same transaction.</summary>
    public async Task<HateIncident> ReviewAsync(int forceId, int id, ReviewOptions o, IncidentStaffRole role, ProcessContext ctx, CancellationToken ct = default)
    {
        var deleting = false;
        var incident = await db.ChangeAsync(await GetAsync(forceId, id, ct), o.Version, "Reviewed", Audit, async incident =>
        {
            var policy = await policies.GetAsync(forceId, ct);
            deleting = o.DeleteSubjectPersonalData && incident.HoldsSubjectPersonalData;
            if (deleting)
            {
                var to = o.Decision.CloseAsTrivialIrrationalOrMalicious ? AssessmentOutcome.NoRecord : o.Decision.Outcome;
                DeleteSubjectData(incident, o.DeletionReason ?? "Recorded without a lawful basis (specialist review).", role, ctx, to);
            }

            incident.CompleteReview(o.Decision, role, policy, ctx);
        }, ctx, ct);
        if (deleting)
        {
            await PersonalDataErasure.AfterDeletionAsync(db, ct);
        }

        return incident;
    }

    public async Task<HateIncident> AddPersonAsync(int forceId, int id, AddPersonOptions o, IncidentStaffRole role, ProcessContext ctx, CancellationToken ct = default)
    {
        return await db.ChangeAsync(await GetAsync(forceId, id, ct), o.Version, o.PersonRole == PersonRole.Subject ? "SubjectDataRecorded" : "ComplainantRecorded", Audit, async incident =>
        {
            var policy = await policies.GetAsync(forceId, ct);
            incident.AddPerson(o.PersonRole, o.Details, role, policy, ctx);
        }, ctx, ct);
    }

    /// <summary>
    /// Shows the personal data the viewer may see, and records that it was viewed (how many rows, never what they say).
    /// Refused for anyone outside the hate-incident roles.
    /// </summary>
    public async Task<(HateIncident Incident, IReadOnlyList<IncidentPerson> People, bool SubjectHidden)> ViewPersonalDataAsync(
        int forceId, int id, IncidentStaffRole? role, ProcessContext ctx, CancellationToken ct = default)
    {
        if (role is null)
        {
            throw new DomainRuleException("Your role does not give access to personal data in hate-incident records.");
        }

        var incident = await GetAsync(forceId, id, ct);
        var policy = await policies.GetAsync(forceId, ct);
        var canSeeSubject = PersonalDataAccess.CanSeeSubject(role, policy);
        var visible = incident.People.Where(p => PersonalDataAccess.CanSee(p.Role, role, policy)).OrderBy(p => p.Role).ThenBy(p => p.Id).ToList();
        AuditLog.Record(db, ctx, "Viewed", PersonalDataEntity, incident.Id, forceId, null, new
        {
            incident.Reference,
            Complainants = visible.Count(p => p.Role == PersonRole.Complainant),
            Subjects = visible.Count(p => p.Role == PersonRole.Subject),
            SubjectDataShown = canSeeSubject,
        });
        await db.SaveChangesAsync(ct);
        return (incident, visible, !canSeeSubject);
    }

    /// <summary>
    /// Records that a page showed something of the subject's (the names and descriptions of files about the subject, the
    /// rationale for holding their data, their reply, earlier incidents with the same subject): what and how many, never the
    /// data. Nothing is written when nothing of the subject's was shown.
    /// </summary>
    public async Task RecordSubjectDataShownAsync(HateIncident incident, string page, SubjectDataShown shown, ProcessContext ctx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(shown);
        if (!shown.Any)
        {
            return;
        }

        if (db.ChangeTracker.HasChanges())
        {
            // A change refused a moment ago (a stale version, say) is still tracked; the audit entry must not carry it.
            db.ChangeTracker.Clear();
        }

        AuditLog.Record(db, ctx, "Viewed", PersonalDataEntity, incident.Id, incident.ForceId, null, new
        {
            incident.Reference,
            Page = page,
            shown.SubjectFiles,
            shown.Rationale,
            shown.Reply,
            shown.NotificationExceptionReason,
            shown.SameSubjectIncidents,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<HateIncident> DeleteSubjectPersonalDataAsync(int forceId, int id, DeletePersonalDataOptions o, IncidentStaffRole role, ProcessContext ctx, CancellationToken ct = default)
    {
        var incident = await db.ChangeAsync(await GetAsync(forceId, id, ct), o.Version, "PersonalDataDeleted", Audit,
            incident => DeleteSubjectData(incident, o.Reason, role, ctx), ctx, ct);
        await PersonalDataErasure.AfterDeletionAsync(db, ct);
        return incident;
    }

    public async Task<IncidentAttachment> AddAttachmentAsync(int forceId, int id, Guid version, UploadedFile file, string? description, bool aboutSubject,
        IncidentStaffRole? role, ProcessContext ctx, CancellationToken ct = default)
    {
        if (role is null)
        {
            throw new DomainRuleException("Your role does not let you attach files to hate-incident records.");
        }

        IncidentAttachment? attachment = null;
        await db.ChangeAsync(await GetAsync(forceId, id, ct), version, "AttachmentAdded", Audit,
            async incident => attachment = incident.AddAttachment(file, description, aboutSubject, role.Value, await policies.GetAsync(forceId, ct), ctx), ctx, ct);
        return attachment!;
    }

    /// <summary>The attachments this role may see (files about the subject only where it may see the subject's personal data).</summary>
    public static IReadOnlyList<IncidentAttachment> VisibleAttachments(HateIncident incident, IncidentStaffRole? role, ForceHatePolicy policy) =>
        incident.Attachments.Where(a => !a.AboutSubject || PersonalDataAccess.CanSeeSubject(role, policy)).OrderBy(a => a.Id).ToList();

    /// <summary>
    /// One attachment with its content, for download. A file about the subject is not found for a role that may not see the
    /// subject's personal data. Every download is audited as a view.
    /// </summary>
    public async Task<(IncidentAttachment Attachment, byte[] Content)> OpenAttachmentAsync(int forceId, int id, int attachmentId, IncidentStaffRole? role,
        ProcessContext ctx, CancellationToken ct = default)
    {
        var attachment = await db.Set<IncidentAttachment>().AsNoTracking().Include(a => a.File)
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.HateIncidentId == id && db.HateIncidents.Any(i => i.Id == id && i.ForceId == forceId), ct);
        var policy = await policies.GetAsync(forceId, ct);
        if (attachment?.File is null || role is null || (attachment.AboutSubject && !PersonalDataAccess.CanSeeSubject(role, policy)))
        {
            throw new NotFoundException("There is no such attachment on this incident.");
        }

        AuditLog.Record(db, ctx, "Viewed", nameof(IncidentAttachment), attachment.Id, forceId, null, new { IncidentId = id, attachment.AboutSubject });
        await db.SaveChangesAsync(ct);
        return (attachment, attachment.File.Content);
    }

    public async Task ConfirmPurgeAsync(int forceId, int id, int purgeId, string? note, IncidentStaffRole role, ProcessContext ctx, CancellationToken ct = default)
    {
        if (role != IncidentStaffRole.Specialist)
        {
            throw new DomainRuleException("Only a hate crime specialist or the force crime registrar can confirm a purge.");
        }

        var purge = await db.PurgeConfirmations
            .SingleOrDefaultAsync(p => p.Id == purgeId && p.HateIncidentId == id && db.HateIncidents.Any(i => i.Id == id && i.ForceId == forceId), ct)
            ?? throw new NotFoundException("There is no such purge to confirm.");
        if (purge.ConfirmedAt is not null)
        {
            throw new DomainRuleException($"{purge.System} was already confirmed as purged by {purge.ConfirmedBy}.");
        }

        purge.ConfirmedAt = ctx.Now;
        purge.ConfirmedBy = ctx.UserName;
        purge.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        AuditLog.Record(db, ctx, "PurgeConfirmed", nameof(PurgeConfirmation), purge.Id, forceId, null, new { purge.HateIncidentId, purge.System });
        await db.SaveChangesAsync(ct);
    }

    public async Task<HateIncident> KeepAfterRetentionReviewAsync(int forceId, int id, Guid version, string? rationale, IncidentStaffRole role, ProcessContext ctx, CancellationToken ct = default)
    {
        return await db.ChangeAsync(await GetAsync(forceId, id, ct), version, "RetentionReviewed", Audit, async incident =>
        {
            incident.KeepAfterRetentionReview(rationale, role, await policies.GetAsync(forceId, ct), ctx);
        }, ctx, ct);
    }

    public Task<HateIncident> RecordSubjectToldAsync(int forceId, int id, Guid version, DateTimeOffset toldAt, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, id, version, "SubjectTold", i => i.RecordSubjectTold(toldAt, ctx), ctx, ct);

    public Task<HateIncident> RecordNotificationExceptionAsync(int forceId, int id, Guid version, string? reason, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, id, version, "NotificationException", i => i.RecordNotificationException(reason, ctx), ctx, ct);

    public Task<HateIncident> ApproveNotificationExceptionAsync(int forceId, int id, Guid version, IncidentStaffRole role, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, id, version, "NotificationExceptionApproved", i => i.ApproveNotificationException(role, ctx), ctx, ct);

    public async Task<HateIncident> RecordSubjectReplyAsync(int forceId, int id, SubjectReplyOptions o, ProcessContext ctx, CancellationToken ct = default)
    {
        var policy = await policies.GetAsync(forceId, ct);
        return await ChangeAsync(forceId, id, o.Version, "SubjectReply",
            i => i.RecordSubjectReply(o.Reply, o.RequestsDeletion, o.ReceivedOn, policy.SubjectReplyDays, ctx), ctx, ct);
    }

    public Task<HateIncident> RecordSubjectAnsweredAsync(int forceId, int id, Guid version, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, id, version, "SubjectAnswered", i => i.RecordSubjectAnswered(ctx), ctx, ct);

    /// <summary>Earlier incidents (within a year) at the same area, with the same complainant or subject, or towards the same characteristic.</summary>
    public async Task<SupportingInformation> SupportingInformationAsync(HateIncident incident, bool canSeeSubject, CancellationToken ct = default)
    {
        var from = incident.ReportedAt.AddDays(-SupportingInformation.WindowDays);
        var earlier = db.HateIncidents.AsNoTracking()
            .Where(i => i.ForceId == incident.ForceId && i.Id != incident.Id && i.ReportedAt >= from && i.ReportedAt <= incident.ReportedAt);

        var area = incident.Area.ToLowerInvariant();
        var sameArea = earlier.Where(i => i.Area.ToLower() == area);
        var chars = incident.Characteristics.ToList();
        var sameCharacteristic = earlier.Where(i => i.Characteristics.Any(c => chars.Contains(c)));

        async Task<List<RelatedIncident>> Related(IQueryable<HateIncident> q) =>
            (await q.OrderByDescending(i => i.ReportedAt).Take(5)
                .Select(i => new { i.Id, i.Reference, i.ReportedAt, i.Area, Outcome = i.Classification, i.Characteristics })
                .ToListAsync(ct))
            .Select(i => new RelatedIncident(i.Id, i.Reference, i.ReportedAt, i.Area, i.Outcome, i.Characteristics))
            .ToList();

        async Task<List<RelatedIncident>> SamePerson(PersonRole role)
        {
            var keys = incident.People.Where(p => p.Role == role).Select(p => p.NameKey).Distinct().ToList();
            if (keys.Count == 0)
            {
                return [];
            }

            // Matched as repeats are counted (NameKey), within the force and the window, so the repeats index answers it
            // instead of a read of every person row (which made this page slow at 100,000 incidents).
            var ids = db.IncidentPeople.Where(p => p.ForceId == incident.ForceId && p.Role == role && keys.Contains(p.NameKey)
                    && p.IncidentReportedAt >= from && p.IncidentReportedAt <= incident.ReportedAt)
                .Select(p => p.HateIncidentId);
            return await Related(earlier.Where(i => ids.Contains(i.Id)));
        }

        return new SupportingInformation(
            await Related(sameArea), await sameArea.CountAsync(ct),
            await SamePerson(PersonRole.Complainant),
            canSeeSubject ? await SamePerson(PersonRole.Subject) : null,
            await Related(sameCharacteristic), await sameCharacteristic.CountAsync(ct));
    }

    /// <summary>The date in the UK for an instant (deadlines and retention dates are UK calendar dates).</summary>

    private static AssessmentDecision Decide(ForceHatePolicy policy, HateIncident incident, AssessmentAnswers answers, DateTimeOffset now)
    {
        var ruleSet = RuleSetRegistry.Get(policy.RuleSetOn(UkTime.Date(now)));
        try
        {
            return ruleSet.Assess(answers with { Characteristics = incident.Characteristics }, policy.AdditionalCharacteristics);
        }
        catch (ArgumentException e)
        {
            throw new DomainRuleException(e.Message);
        }
    }

    private void DeleteSubjectData(HateIncident incident, string? reason, IncidentStaffRole role, ProcessContext ctx, AssessmentOutcome? reclassifyingTo = null)
    {
        var removed = incident.DeleteSubjectPersonalData(reason, role, ctx, reclassifyingTo);
        db.IncidentPeople.RemoveRange(removed.People);
        // The files' content rows go with them (cascade in the database; the content is never loaded here).
        db.Set<IncidentAttachment>().RemoveRange(removed.Attachments);
        foreach (var system in PurgeConfirmation.DefaultSystems)
        {
            db.PurgeConfirmations.Add(new PurgeConfirmation { HateIncidentId = incident.Id, System = system, RequestedAt = ctx.Now });
        }

        // That a deletion happened, by whom and why — never the data.
        AuditLog.Record(db, ctx, "Deleted", PersonalDataEntity, incident.Id, incident.ForceId,
            new { incident.Reference, SubjectRecords = removed.People.Count, SubjectFiles = removed.Attachments.Count },
            new { incident.Reference, SubjectRecords = 0, SubjectFiles = 0, PurgeRequested = PurgeConfirmation.DefaultSystems });
    }

    private async Task<HateIncident> ChangeAsync(int forceId, int id, Guid version, string action, Action<HateIncident> change, ProcessContext ctx, CancellationToken ct)
    {
        return await db.ChangeAsync(await GetAsync(forceId, id, ct), version, action, Audit, change, ctx, ct);
    }

    private static readonly AuditShape<HateIncident> Audit = new(nameof(HateIncident), i => i.Id, i => i.ForceId, Snapshot);

    private async Task<string> NextReferenceAsync(int forceId, DateTimeOffset now, CancellationToken ct)
    {
        var slug = await db.Forces.Where(f => f.Id == forceId).Select(f => f.Slug).SingleAsync(ct);
        var words = slug.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "and" && w != "of").ToList();
        var prefix = (words.Count == 1 ? words[0][..Math.Min(2, words[0].Length)] : string.Concat(words.Select(w => w[0]))).ToUpperInvariant();
        var stem = $"{prefix}-{UkTime.Date(now).Year}-";
        var n = await db.HateIncidents.CountAsync(i => i.ForceId == forceId && i.Reference.StartsWith(stem), ct) + 1;
        while (await db.HateIncidents.AnyAsync(i => i.ForceId == forceId && i.Reference == stem + n.ToString("D5", CultureInfo.InvariantCulture), ct))
        {
            n++;
        }

        return stem + n.ToString("D5", CultureInfo.InvariantCulture);
    }

    /// <summary>What the audit trail keeps of an incident: its state, never personal data or free text about people.</summary>
    private static object Snapshot(HateIncident i) => new
    {
        i.Reference,
        Status = i.Status.ToString(),
        Outcome = i.Classification,
        i.RuleSetId,
        i.OpeningCode,
        i.FinalisingCode,
        i.Deployed,
        i.ReviewedBy,
        ComplainantRecorded = i.HoldsComplainantDetails,
        SubjectPersonalDataHeld = i.HoldsSubjectPersonalData,
        // Counts only: a file's name may itself name someone.
        Attachments = i.Attachments.Count,
        SubjectFiles = i.Attachments.Count(a => a.AboutSubject),
        i.SubjectToldAt,
        NotificationException = i.NotificationExceptionReason is not null,
        NotificationExceptionApproved = i.NotificationExceptionApprovedBy is not null,
        i.SubjectRequestedDeletion,
        i.SubjectReplyDueOn,
        i.RetentionReviewDueOn,
    };
}

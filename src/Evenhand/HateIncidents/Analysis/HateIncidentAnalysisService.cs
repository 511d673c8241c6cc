using System.Linq.Expressions;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.HateIncidents.Analysis;

/// <summary>
/// Analysis of a force's hate-related incidents (HMICFRS 2024 recommendation 17: recording must let forces analyse hate crimes
/// and NCHIs). Every breakdown is one GROUP BY query in the database, written in LINQ that both SQLite and PostgreSQL translate;
/// characteristics (a primitive collection: JSON text on SQLite, text[] on PostgreSQL) are grouped as whole values and split afterwards. Months are
/// Europe/London calendar months, bucketed in SQL by comparing the report time with each month's first instant, which works on
/// SQLite's binary instants too. Nothing here returns a person's name: repeat complainants and subjects are counts and references.
/// The one breakdown that reads values per row is the review-time percentiles: it reads two timestamps per reviewed NCHI,
/// because neither provider has a portable percentile aggregate over time differences.
/// </summary>
public sealed class HateIncidentAnalysisService(EvenhandDbContext db, TimeProvider time)
{
    public const int DefaultTop = 10;
    public const int ReferencesPerGroup = 5;

    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static IReadOnlyList<string> Outcomes { get; } = ["hate-crime", "nchi", "nchi-with-personal-data", "no-record"];

    public async Task<HateIncidentAnalysis> AnalyseAsync(int forceId, HateAnalysisFilter filter, CancellationToken ct = default)
    {
        var target = await db.HatePolicies.Where(p => p.ForceId == forceId).Select(p => (int?)p.ReviewTargetHours).FirstOrDefaultAsync(ct) ?? 24;
        var byArea = await ByAreaAsync(forceId, filter, ct);
        var totals = byArea.Aggregate(OutcomeSplit.Empty, (acc, a) => acc with
        {
            HateCrime = acc.HateCrime + a.Counts.HateCrime,
            Nchi = acc.Nchi + a.Counts.Nchi,
            NchiWithPersonalData = acc.NchiWithPersonalData + a.Counts.NchiWithPersonalData,
            NoRecord = acc.NoRecord + a.Counts.NoRecord,
            NotAssessed = acc.NotAssessed + a.Counts.NotAssessed,
        });
        return new HateIncidentAnalysis(
            filter,
            target,
            totals,
            await ByCharacteristicAsync(forceId, filter, ct),
            await ByMonthAsync(forceId, filter, ct),
            byArea,
            await RepeatLocationsAsync(forceId, filter, DefaultTop, ct),
            await RepeatPeopleAsync(forceId, filter, PersonRole.Complainant, DefaultTop, ct),
            await RepeatPeopleAsync(forceId, filter, PersonRole.Subject, DefaultTop, ct),
            await ReviewTimelinessAsync(forceId, filter, ct),
            await DeploymentAsync(forceId, filter, ct),
            await ReclassificationsAsync(forceId, filter, ct));
    }

    /// <summary>The characteristics a filter may name: the rule set's and those the force's policy adds.</summary>
    public async Task<IReadOnlyList<string>> CharacteristicsAsync(int forceId, CancellationToken ct = default)
    {
        var policy = await db.HatePolicies.AsNoTracking().Where(p => p.ForceId == forceId)
            .Select(p => new { p.RuleSetId, p.AdditionalCharacteristics }).FirstOrDefaultAsync(ct);
        var rules = Rules.RuleSetRegistry.TryGet(policy?.RuleSetId, out var found) ? found : Rules.RuleSetRegistry.Default;
        return [.. rules.ParticularCharacteristics.Concat(policy?.AdditionalCharacteristics ?? []).Distinct()];
    }

    /// <summary>The UTC instant at which a London calendar day starts.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, London), TimeSpan.Zero);
    }

    /// <summary>The force's incidents reported in the period that match the filter.</summary>
    public IQueryable<HateIncident> Incidents(int forceId, HateAnalysisFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var from = StartOfDay(filter.From);
        var to = StartOfDay(filter.To.AddDays(1));
        var q = db.HateIncidents.AsNoTracking().Where(i => i.ForceId == forceId && i.ReportedAt >= from && i.ReportedAt < to);
        return Narrow(q, filter);
    }

    private static IQueryable<HateIncident> Narrow(IQueryable<HateIncident> q, HateAnalysisFilter filter)
    {
        if (filter.Outcome == HateAnalysisFilter.NotAssessed)
        {
            q = q.Where(i => i.Assessment == null);
        }
        else if (!string.IsNullOrEmpty(filter.Outcome))
        {
            var outcome = filter.Outcome;
            q = q.Where(i => i.Assessment!.Outcome == outcome);
        }

        if (!string.IsNullOrEmpty(filter.Characteristic))
        {
            var c = filter.Characteristic;
            q = q.Where(i => i.Characteristics.Contains(c));
        }

        return q;
    }

    /// <summary>
    /// Incidents by each characteristic (an incident with two characteristics counts once under each) and outcome. The database
    /// groups by the whole characteristics value (a few dozen combinations) and the combinations are split here: SQLite cannot
    /// unnest a JSON column in a GROUP BY without a lateral join (EF Core refuses APPLY there), and this is one scan on both providers.
    /// </summary>
    public async Task<IReadOnlyList<KeyedCount>> ByCharacteristicAsync(int forceId, HateAnalysisFilter filter, CancellationToken ct = default)
    {
        var rows = await Incidents(forceId, filter)
            .GroupBy(i => new { i.Characteristics, i.Assessment!.Outcome })
            .Select(g => new { g.Key.Characteristics, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        return Split(rows.SelectMany(r => r.Characteristics.Distinct().Select(c => (c, (string?)r.Outcome, r.Count))))
            .OrderByDescending(k => k.Total).ThenBy(k => k.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Incidents by area (ward) and outcome, most first.</summary>
    public async Task<IReadOnlyList<KeyedCount>> ByAreaAsync(int forceId, HateAnalysisFilter filter, CancellationToken ct = default)
    {
        var rows = await Incidents(forceId, filter)
            .GroupBy(i => new { i.Area, i.Assessment!.Outcome })
            .Select(g => new { g.Key.Area, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        return Split(rows.Select(r => (r.Area, (string?)r.Outcome, r.Count)))
            .OrderByDescending(k => k.Total).ThenBy(k => k.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Incidents by London calendar month and outcome; every month of the period is listed, empty ones with zeros.</summary>
    public async Task<IReadOnlyList<MonthCount>> ByMonthAsync(int forceId, HateAnalysisFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var months = new List<DateOnly>();
        for (var m = new DateOnly(filter.From.Year, filter.From.Month, 1); m <= filter.To; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        // Bucket k holds reports from the start of month k+1 (bucket 0 starts with the filter, which already bounds the rows).
        var boundaries = months.Skip(1).Select(StartOfDay).ToList();
        var rows = await Incidents(forceId, filter)
            .GroupBy(MonthKey(boundaries))
            .Select(g => new { g.Key.Month, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        var byMonth = months.ToDictionary(m => m, _ => OutcomeSplit.Empty);
        foreach (var r in rows)
        {
            byMonth[months[r.Month]] = byMonth[months[r.Month]].Add(r.Outcome, r.Count);
        }

        return months.Select(m => new MonthCount(m, byMonth[m])).ToList();
    }

    /// <summary>The GROUP BY key for months: CASE WHEN ReportedAt &lt; b1 THEN 0 WHEN ReportedAt &lt; b2 THEN 1 … END, and the outcome.</summary>
    private static Expression<Func<HateIncident, MonthOutcomeKey>> MonthKey(IReadOnlyList<DateTimeOffset> boundaries)
    {
        var i = Expression.Parameter(typeof(HateIncident), "i");
        var reported = Expression.Property(i, nameof(HateIncident.ReportedAt));
        Expression month = Expression.Constant(boundaries.Count);
        for (var k = boundaries.Count - 1; k >= 0; k--)
        {
            month = Expression.Condition(Expression.LessThan(reported, Expression.Constant(boundaries[k])), Expression.Constant(k), month);
        }

        var assessment = Expression.Property(i, nameof(HateIncident.Assessment));
        var outcome = Expression.Property(assessment, nameof(IncidentAssessment.Outcome));
        var body = Expression.MemberInit(
            Expression.New(typeof(MonthOutcomeKey)),
            Expression.Bind(typeof(MonthOutcomeKey).GetProperty(nameof(MonthOutcomeKey.Month))!, month),
            Expression.Bind(typeof(MonthOutcomeKey).GetProperty(nameof(MonthOutcomeKey.Outcome))!, outcome));
        return Expression.Lambda<Func<HateIncident, MonthOutcomeKey>>(body, i);
    }

    private sealed class MonthOutcomeKey
    {
        public int Month { get; init; }
        public string? Outcome { get; init; }
    }

    /// <summary>Places (area and location) with more than one incident in the period, most first.</summary>
    public async Task<IReadOnlyList<RepeatLocation>> RepeatLocationsAsync(int forceId, HateAnalysisFilter filter, int top = DefaultTop, CancellationToken ct = default)
    {
        var groups = await Incidents(forceId, filter)
            .Where(i => i.LocationDescription != null)
            .GroupBy(i => new { i.Area, i.LocationDescription })
            .Where(g => g.Count() > 1)
            .Select(g => new { g.Key.Area, Location = g.Key.LocationDescription!, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Area).ThenBy(g => g.Location)
            .Take(top)
            .ToListAsync(ct);
        if (groups.Count == 0)
        {
            return [];
        }

        // The most recent references of just those places: one query, an OR of (area, location) pairs.
        var i = Expression.Parameter(typeof(HateIncident), "i");
        Expression? any = null;
        foreach (var g in groups)
        {
            var match = Expression.AndAlso(
                Expression.Equal(Expression.Property(i, nameof(HateIncident.Area)), Expression.Constant(g.Area)),
                Expression.Equal(Expression.Property(i, nameof(HateIncident.LocationDescription)), Expression.Constant(g.Location, typeof(string))));
            any = any is null ? match : Expression.OrElse(any, match);
        }

        var refs = await Incidents(forceId, filter)
            .Where(Expression.Lambda<Func<HateIncident, bool>>(any!, i))
            .OrderByDescending(x => x.ReportedAt)
            .Select(x => new { x.Area, x.LocationDescription, x.Reference })
            .ToListAsync(ct);
        var byPlace = refs.ToLookup(r => (r.Area, r.LocationDescription));
        return groups
            .Select(g => new RepeatLocation(g.Area, g.Location, g.Count, byPlace[(g.Area, g.Location)].Take(ReferencesPerGroup).Select(r => r.Reference).ToList()))
            .ToList();
    }

    /// <summary>
    /// Complainants or subjects on more than one incident in the period, matched by name (ignoring case) and date of birth, most
    /// first. Only person rows that exist count, so a subject whose personal data has been deleted (or was never lawfully held)
    /// is never linked. Names stay in the database query; the result has labels, counts and references only.
    /// </summary>
    public async Task<IReadOnlyList<RepeatPerson>> RepeatPeopleAsync(int forceId, HateAnalysisFilter filter, PersonRole role, int top = DefaultTop, CancellationToken ct = default)
    {
        var incidents = Incidents(forceId, filter);
        var people = db.IncidentPeople.AsNoTracking().Where(p => p.Role == role);
        var groups = await people
            .Join(incidents, p => p.HateIncidentId, i => i.Id, (p, i) => new { Name = p.Name.ToLower(), p.DateOfBirth })
            .GroupBy(x => new { x.Name, x.DateOfBirth })
            .Where(g => g.Count() > 1)
            .Select(g => new { g.Key.Name, g.Key.DateOfBirth, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name).ThenBy(g => g.DateOfBirth)
            .Take(top)
            .ToListAsync(ct);
        if (groups.Count == 0)
        {
            return [];
        }

        var names = groups.Select(g => g.Name).Distinct().ToList();
        var refs = await people
            .Where(p => names.Contains(p.Name.ToLower()))
            .Join(incidents, p => p.HateIncidentId, i => i.Id, (p, i) => new { Name = p.Name.ToLower(), p.DateOfBirth, i.Reference, i.ReportedAt })
            .OrderByDescending(x => x.ReportedAt)
            .ToListAsync(ct);
        var byPerson = refs.ToLookup(r => (r.Name, r.DateOfBirth));
        var noun = role == PersonRole.Subject ? "Subject" : "Complainant";
        return groups
            .Select((g, n) => new RepeatPerson($"{noun} {Label(n)}", g.Count, byPerson[(g.Name, g.DateOfBirth)].Take(ReferencesPerGroup).Select(r => r.Reference).ToList()))
            .ToList();
    }

    /// <summary>A, B, …, Z, AA, AB, …</summary>
    public static string Label(int n) => n < 26 ? ((char)('A' + n)).ToString() : Label((n / 26) - 1) + (char)('A' + (n % 26));

    /// <summary>
    /// Review times of NCHIs reported in the period (from referral, i.e. assessment, to review), against each incident's own
    /// target; and what waits in the queue now, whenever it was reported.
    /// </summary>
    public async Task<ReviewTimeliness> ReviewTimelinessAsync(int forceId, HateAnalysisFilter filter, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var reviewed = await Incidents(forceId, filter)
            .Where(i => i.ReviewedAt != null && i.AssessedAt != null && i.ReviewDueAt != null)
            .Select(i => new { AssessedAt = i.AssessedAt!.Value, ReviewedAt = i.ReviewedAt!.Value, ReviewDueAt = i.ReviewDueAt!.Value })
            .ToListAsync(ct);
        var hours = reviewed.Select(r => (r.ReviewedAt - r.AssessedAt).TotalHours).Order().ToArray();
        var within = reviewed.Count(r => r.ReviewedAt <= r.ReviewDueAt);

        var queue = Narrow(db.HateIncidents.AsNoTracking().Where(i => i.ForceId == forceId && i.Status == IncidentStatus.AwaitingReview), filter);
        var waiting = await queue
            .GroupBy(i => 1)
            .Select(g => new { Awaiting = g.Count(), Overdue = g.Count(i => i.ReviewDueAt != null && i.ReviewDueAt < now) })
            .FirstOrDefaultAsync(ct);
        return new ReviewTimeliness(reviewed.Count, Percentile(hours, 0.5), Percentile(hours, 0.9), within, waiting?.Awaiting ?? 0, waiting?.Overdue ?? 0);
    }

    /// <summary>Linear interpolation between closest ranks (as PERCENTILE.INC in a spreadsheet); null when there are no values.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }

    /// <summary>Deployment decisions and deployments by outcome; and NCHIs deployed before their review without an immediate risk (the APP: review first).</summary>
    public async Task<DeploymentSummary> DeploymentAsync(int forceId, HateAnalysisFilter filter, CancellationToken ct = default)
    {
        var rows = await Incidents(forceId, filter)
            .Where(i => i.Deployed != null)
            .GroupBy(i => i.Assessment!.Outcome)
            .Select(g => new { Outcome = g.Key, Decisions = g.Count(), Deployed = g.Count(i => i.Deployed == true) })
            .ToListAsync(ct);
        var early = await Incidents(forceId, filter)
            .CountAsync(i => i.Deployed == true && !i.ImmediateRisk && i.ReviewDueAt != null
                && (i.ReviewedAt == null || i.DeploymentDecidedAt < i.ReviewedAt), ct);
        var byOutcome = rows
            .Select(r => new DeploymentRow(r.Outcome ?? HateAnalysisFilter.NotAssessed, r.Decisions, r.Deployed))
            .OrderBy(r => OutcomeOrder(r.Outcome))
            .ToList();
        return new DeploymentSummary(byOutcome, early);
    }

    /// <summary>Changes of classification recorded in the history of incidents reported in the period (e.g. NCHI → hate crime → no record).</summary>
    public async Task<ReclassificationSummary> ReclassificationsAsync(int forceId, HateAnalysisFilter filter, CancellationToken ct = default)
    {
        var incidents = Incidents(forceId, filter);
        var changes = db.Set<IncidentHistoryEntry>().AsNoTracking()
            .Where(h => h.FromOutcome != null && h.ToOutcome != null && h.FromOutcome != h.ToOutcome)
            .Join(incidents, h => h.HateIncidentId, i => i.Id, (h, i) => h);
        var rows = await changes
            .GroupBy(h => new { h.FromOutcome, h.ToOutcome })
            .Select(g => new { g.Key.FromOutcome, g.Key.ToOutcome, Count = g.Count() })
            .ToListAsync(ct);
        var reclassified = await changes.Select(h => h.HateIncidentId).Distinct().CountAsync(ct);
        return new ReclassificationSummary(
            rows.Select(r => new ReclassificationCount(r.FromOutcome!, r.ToOutcome!, r.Count))
                .OrderByDescending(r => r.Count).ThenBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal).ToList(),
            reclassified);
    }

    private static int OutcomeOrder(string outcome)
    {
        var index = Outcomes.ToList().IndexOf(outcome);
        return index < 0 ? Outcomes.Count : index;
    }

    private static List<KeyedCount> Split(IEnumerable<(string Key, string? Outcome, int Count)> rows)
    {
        var byKey = new Dictionary<string, OutcomeSplit>(StringComparer.Ordinal);
        foreach (var (key, outcome, count) in rows)
        {
            byKey[key] = byKey.GetValueOrDefault(key, OutcomeSplit.Empty).Add(outcome, count);
        }

        return byKey.Select(kv => new KeyedCount(kv.Key, kv.Value)).ToList();
    }
}

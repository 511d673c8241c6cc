using System.Linq.Expressions;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.HateIncidents.Analysis;

/// <summary>
/// Analysis of a force's hate-related incidents (HMICFRS 2024 recommendation 17: recording must let forces analyse hate crimes
/// and NCHIs). Every breakdown is one GROUP BY query in the database, written in LINQ that both SQLite and PostgreSQL translate;
/// characteristics (a primitive collection: JSON text on SQLite, text[] on PostgreSQL) are grouped as whole values and split afterwards. Months are
/// Europe/London calendar months, bucketed in SQL by comparing the report time with each month's first instant, which works on
/// SQLite's binary instants too. Each GROUP BY has an index in its own order (see EvenhandDbContext.ConfigureHateIncidents), so
/// the database walks an index instead of sorting the period's rows: with 100,000 reports a sort alone costs SQLite about
/// 100 ms (the benchmark in bench/ measures every query). Nothing here returns a person's name: repeat complainants and subjects are counts and references.
/// The one breakdown that reads values per row is the review-time percentiles: it reads two timestamps per reviewed NCHI,
/// because neither provider has a portable percentile aggregate over time differences.
/// </summary>
public sealed class HateIncidentAnalysisService(EvenhandDbContext db, TimeProvider time)
{
    public const int DefaultTop = 10;
    public const int ReferencesPerGroup = 5;

    public static TimeZoneInfo London => UkTime.London;

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

    /// <summary>
    /// The analysis as <paramref name="role"/> may see it. Repeat complainants and subjects link incidents to one person, so their
    /// references are shown only to a role that may see that person's data under the force's policy (PersonalDataAccess), and each
    /// such view is audited; other roles see the counts without references.
    /// </summary>
    public async Task<HateIncidentAnalysis> AnalyseForAsync(int forceId, HateAnalysisFilter filter, IncidentStaffRole? role, ProcessContext ctx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var result = await AnalyseAsync(forceId, filter, ct);
        var policy = await PolicyAsync(forceId, ct);
        var complainants = await LinkageAsync(forceId, filter, PersonRole.Complainant, result.RepeatComplainants, role, policy, ctx, ct);
        var subjects = await LinkageAsync(forceId, filter, PersonRole.Subject, result.RepeatSubjects, role, policy, ctx, ct);
        return result with
        {
            RepeatComplainants = complainants,
            RepeatSubjects = subjects,
            ComplainantReferencesShown = PersonalDataAccess.CanSee(PersonRole.Complainant, role, policy),
            SubjectReferencesShown = PersonalDataAccess.CanSee(PersonRole.Subject, role, policy),
        };
    }

    /// <summary>
    /// One part of the analysis page, as <paramref name="role"/> may see it: the period's totals (always) and what
    /// <paramref name="section"/> shows, the other parts left empty. Each part is a query or two, so each view of the page
    /// stays quick at a force's full volume, where the whole analysis at once is ten queries over every incident of the period.
    /// </summary>
    public async Task<HateIncidentAnalysis> AnalyseSectionForAsync(int forceId, HateAnalysisFilter filter, AnalysisSection section, IncidentStaffRole? role,
        ProcessContext ctx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var target = await db.HatePolicies.Where(p => p.ForceId == forceId).Select(p => (int?)p.ReviewTargetHours).FirstOrDefaultAsync(ct) ?? 24;
        IReadOnlyList<MonthCount> byMonth = section == AnalysisSection.Overview ? await ByMonthAsync(forceId, filter, ct) : [];
        IReadOnlyList<KeyedCount> byArea = section == AnalysisSection.Areas ? await ByAreaAsync(forceId, filter, ct) : [];
        // The months, or the areas, add up to the totals (each incident is in one of each); other parts count them.
        var totals = section switch
        {
            AnalysisSection.Overview => byMonth.Aggregate(OutcomeSplit.Empty, (acc, m) => Sum(acc, m.Counts)),
            AnalysisSection.Areas => byArea.Aggregate(OutcomeSplit.Empty, (acc, a) => Sum(acc, a.Counts)),
            _ => await TotalsAsync(forceId, filter, ct),
        };
        var result = new HateIncidentAnalysis(
            filter,
            target,
            totals,
            section == AnalysisSection.Characteristics ? await ByCharacteristicAsync(forceId, filter, ct) : [],
            byMonth,
            byArea,
            section == AnalysisSection.Repeats ? await RepeatLocationsAsync(forceId, filter, DefaultTop, ct) : [],
            section == AnalysisSection.Repeats ? await RepeatPeopleAsync(forceId, filter, PersonRole.Complainant, DefaultTop, ct) : [],
            section == AnalysisSection.Repeats ? await RepeatPeopleAsync(forceId, filter, PersonRole.Subject, DefaultTop, ct) : [],
            section == AnalysisSection.ReviewTimeliness ? await ReviewTimelinessAsync(forceId, filter, ct) : new ReviewTimeliness(0, null, null, 0, 0, 0),
            section == AnalysisSection.Deployment ? await DeploymentAsync(forceId, filter, ct) : new DeploymentSummary([], 0),
            section == AnalysisSection.Deployment ? await ReclassificationsAsync(forceId, filter, ct) : new ReclassificationSummary([], 0));
        if (section != AnalysisSection.Repeats)
        {
            return result;
        }

        var policy = await PolicyAsync(forceId, ct);
        return result with
        {
            RepeatComplainants = await LinkageAsync(forceId, filter, PersonRole.Complainant, result.RepeatComplainants, role, policy, ctx, ct),
            RepeatSubjects = await LinkageAsync(forceId, filter, PersonRole.Subject, result.RepeatSubjects, role, policy, ctx, ct),
            ComplainantReferencesShown = PersonalDataAccess.CanSee(PersonRole.Complainant, role, policy),
            SubjectReferencesShown = PersonalDataAccess.CanSee(PersonRole.Subject, role, policy),
        };
    }

    /// <summary>The period's incidents by current outcome: one GROUP BY along the (force, classification, time) index.</summary>
    public async Task<OutcomeSplit> TotalsAsync(int forceId, HateAnalysisFilter filter, CancellationToken ct = default)
    {
        var rows = await Incidents(forceId, filter)
            .GroupBy(i => i.Classification)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Aggregate(OutcomeSplit.Empty, (acc, r) => acc.Add(r.Outcome, r.Count));
    }

    private static OutcomeSplit Sum(OutcomeSplit a, OutcomeSplit b) =>
        new(a.HateCrime + b.HateCrime, a.Nchi + b.Nchi, a.NchiWithPersonalData + b.NchiWithPersonalData, a.NoRecord + b.NoRecord, a.NotAssessed + b.NotAssessed);

    /// <summary>Repeat complainants or subjects for a CSV, with references only where <paramref name="role"/> may see them (audited).</summary>
    public async Task<IReadOnlyList<RepeatPerson>> RepeatPeopleForAsync(
        int forceId, HateAnalysisFilter filter, PersonRole person, int top, IncidentStaffRole? role, ProcessContext ctx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var groups = await RepeatPeopleAsync(forceId, filter, person, top, ct);
        return await LinkageAsync(forceId, filter, person, groups, role, await PolicyAsync(forceId, ct), ctx, ct);
    }

    private async Task<ForceHatePolicy> PolicyAsync(int forceId, CancellationToken ct) =>
        await db.HatePolicies.AsNoTracking().FirstOrDefaultAsync(p => p.ForceId == forceId, ct) ?? ForceHatePolicy.Default(forceId);

    private async Task<IReadOnlyList<RepeatPerson>> LinkageAsync(int forceId, HateAnalysisFilter filter, PersonRole person, IReadOnlyList<RepeatPerson> groups,
        IncidentStaffRole? role, ForceHatePolicy policy, ProcessContext ctx, CancellationToken ct)
    {
        if (!PersonalDataAccess.CanSee(person, role, policy))
        {
            return groups.Select(g => g with { References = [] }).ToList();
        }

        if (groups.Count > 0)
        {
            // Which incidents are one person's is itself personal data: who saw the linkage, and how much, never the names.
            AuditLog.Record(db, ctx, "Viewed", LinkageEntity, person == PersonRole.Subject ? "repeat-subjects" : "repeat-complainants", forceId, null, new
            {
                Filter = new { filter.From, filter.To, filter.Outcome, filter.Characteristic },
                People = groups.Count,
                References = groups.Sum(g => g.References.Count),
            });
            await db.SaveChangesAsync(ct);
        }

        return groups;
    }

    /// <summary>The audit entity for views of repeat-person linkage.</summary>
    public const string LinkageEntity = "HateIncidentLinkage";

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
            q = q.Where(i => i.Classification == null);
        }
        else if (!string.IsNullOrEmpty(filter.Outcome))
        {
            var outcome = filter.Outcome;
            q = q.Where(i => i.Classification == outcome);
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
            .GroupBy(i => new { i.Characteristics, Outcome = i.Classification })
            .Select(g => new { g.Key.Characteristics, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        return Split(rows.SelectMany(r => r.Characteristics.Distinct().Select(c => (c, (string?)r.Outcome, r.Count))))
            .OrderByDescending(k => k.Total).ThenBy(k => k.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Incidents by area (ward) and outcome, most first.</summary>
    public async Task<IReadOnlyList<KeyedCount>> ByAreaAsync(int forceId, HateAnalysisFilter filter, CancellationToken ct = default)
    {
        var rows = await Incidents(forceId, filter)
            .GroupBy(i => new { i.Area, Outcome = i.Classification })
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

        // One row per classification, with the number of its reports before the start of each month after the first: a
        // GROUP BY on the classification walks the (force, classification, time) index in order, where grouping by a computed
        // month would sort every row. Month k holds the difference of two neighbouring counts.
        var boundaries = months.Skip(1).Select(StartOfDay).ToList();
        var rows = await Incidents(forceId, filter)
            .GroupBy(i => i.Classification)
            .Select(CountsBefore(boundaries))
            .ToListAsync(ct);
        var byMonth = months.ToDictionary(m => m, _ => OutcomeSplit.Empty);
        foreach (var r in rows)
        {
            var previous = 0;
            for (var k = 0; k < months.Count; k++)
            {
                var upTo = k < boundaries.Count ? r.Before[k] : r.Total;
                byMonth[months[k]] = byMonth[months[k]].Add(r.Outcome, upTo - previous);
                previous = upTo;
            }
        }

        return months.Select(m => new MonthCount(m, byMonth[m])).ToList();
    }

    /// <summary>g =&gt; new CountsRow { Outcome = g.Key, Total = g.Count(), Before = [g.Count(i =&gt; i.ReportedAt &lt; b1), …] }.</summary>
    private static Expression<Func<IGrouping<string?, HateIncident>, CountsRow>> CountsBefore(IReadOnlyList<DateTimeOffset> boundaries)
    {
        var g = Expression.Parameter(typeof(IGrouping<string?, HateIncident>), "g");
        var i = Expression.Parameter(typeof(HateIncident), "i");
        var reported = Expression.Property(i, nameof(HateIncident.ReportedAt));
        var counts = boundaries.Select(b => (Expression)Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(HateIncident)], g,
            Expression.Lambda<Func<HateIncident, bool>>(Expression.LessThan(reported, Expression.Constant(b)), i)));
        var body = Expression.MemberInit(
            Expression.New(typeof(CountsRow)),
            Expression.Bind(typeof(CountsRow).GetProperty(nameof(CountsRow.Outcome))!, Expression.Property(g, nameof(IGrouping<string?, HateIncident>.Key))),
            Expression.Bind(typeof(CountsRow).GetProperty(nameof(CountsRow.Total))!,
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(HateIncident)], g)),
            Expression.Bind(typeof(CountsRow).GetProperty(nameof(CountsRow.Before))!, Expression.NewArrayInit(typeof(int), counts)));
        return Expression.Lambda<Func<IGrouping<string?, HateIncident>, CountsRow>>(body, g);
    }

    private sealed class CountsRow
    {
        public string? Outcome { get; init; }
        public int Total { get; init; }
        public int[] Before { get; init; } = [];
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

        // The most recent references of each of those places: a query per place, each a few steps backwards along the
        // (force, area, location, time) index.
        var result = new List<RepeatLocation>(groups.Count);
        foreach (var g in groups)
        {
            var references = await Incidents(forceId, filter)
                .Where(x => x.Area == g.Area && x.LocationDescription == g.Location)
                .OrderByDescending(x => x.ReportedAt)
                .Select(x => x.Reference)
                .Take(ReferencesPerGroup)
                .ToListAsync(ct);
            result.Add(new RepeatLocation(g.Area, g.Location, g.Count, references));
        }

        return result;
    }

    /// <summary>
    /// Complainants or subjects on more than one incident in the period, matched by name (ignoring case) and date of birth, most
    /// first. Only person rows that exist count, so a subject whose personal data has been deleted (or was never lawfully held)
    /// is never linked. Names stay in the database query; the result has labels, counts and references only.
    /// </summary>
    public async Task<IReadOnlyList<RepeatPerson>> RepeatPeopleAsync(int forceId, HateAnalysisFilter filter, PersonRole role, int top = DefaultTop, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var from = StartOfDay(filter.From);
        var to = StartOfDay(filter.To.AddDays(1));
        // Person rows carry their incident's force and report time, so the (force, role, name key, date of birth, time) index
        // answers this in GROUP BY order. Only a filter on the classification or a characteristic needs the incidents.
        var people = db.IncidentPeople.AsNoTracking()
            .Where(p => p.ForceId == forceId && p.Role == role && p.IncidentReportedAt >= from && p.IncidentReportedAt < to);
        if (filter.Narrows)
        {
            var incidents = Incidents(forceId, filter);
            people = people.Where(p => incidents.Any(i => i.Id == p.HateIncidentId));
        }

        var groups = await people
            .GroupBy(p => new { p.NameKey, p.DateOfBirth })
            .Where(g => g.Count() > 1)
            .Select(g => new { g.Key.NameKey, g.Key.DateOfBirth, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.NameKey).ThenBy(g => g.DateOfBirth)
            .Take(top)
            .ToListAsync(ct);
        if (groups.Count == 0)
        {
            return [];
        }

        // The most recent references of each of those people: a query per person, each a few steps backwards along the
        // (force, role, name key, date of birth, time) index, rather than every incident of theirs.
        var noun = role == PersonRole.Subject ? "Subject" : "Complainant";
        var result = new List<RepeatPerson>(groups.Count);
        foreach (var (g, n) in groups.Select((g, n) => (g, n)))
        {
            var references = await people
                .Where(p => p.NameKey == g.NameKey && p.DateOfBirth == g.DateOfBirth)
                .OrderByDescending(p => p.IncidentReportedAt)
                .Take(ReferencesPerGroup)
                .Join(db.HateIncidents, p => p.HateIncidentId, i => i.Id, (p, i) => new { i.Reference, p.IncidentReportedAt })
                .OrderByDescending(x => x.IncidentReportedAt)
                .Select(x => x.Reference)
                .ToListAsync(ct);
            result.Add(new RepeatPerson($"{noun} {Label(n)}", g.Count, references));
        }

        return result;
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
            .GroupBy(i => i.Classification)
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
        // Driven from the few history rows that change a classification (an index on from, to and incident), each checked
        // against the incident by key, rather than from every incident in the period.
        var incidents = Incidents(forceId, filter);
        var changes = await db.Set<IncidentHistoryEntry>().AsNoTracking()
            .Where(h => h.FromOutcome != null && h.ToOutcome != null && h.FromOutcome != h.ToOutcome)
            .Where(h => incidents.Any(i => i.Id == h.HateIncidentId))
            .Select(h => new { h.HateIncidentId, From = h.FromOutcome!, To = h.ToOutcome! })
            .ToListAsync(ct);
        // One read of the changes (a few per reclassified incident) gives both the counts and how many incidents changed.
        return new ReclassificationSummary(
            changes.GroupBy(c => (c.From, c.To)).Select(g => new ReclassificationCount(g.Key.From, g.Key.To, g.Count()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.From, StringComparer.Ordinal).ThenBy(r => r.To, StringComparer.Ordinal).ToList(),
            changes.Select(c => c.HateIncidentId).Distinct().Count());
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

using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

public sealed record ContactQuery(ContactSource? Source = null, ContactKind? Kind = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 25);

public sealed record ContactPage(IReadOnlyList<PoliticalContact> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Contacts in one month, by source and by kind.</summary>
public sealed record ContactMonth(DateOnly Month, int Total, IReadOnlyDictionary<ContactSource, int> BySource, IReadOnlyDictionary<ContactKind, int> ByKind);

/// <summary>The log of political contacts (recommendation 7) and its report by source and kind over time.</summary>
public sealed class PoliticalContactService(EvenhandDbContext db, TimeProvider time) : GovernanceRegister(db, time), IEvidenceSource
{
    public const string Type = "PoliticalContact";
    public const string Register = "governance/political-contacts";

    protected override string RecordType => Type;

    private IQueryable<PoliticalContact> OfForce(int forceId) => Db.PoliticalContacts.Where(c => c.ForceId == forceId);

    private static IQueryable<PoliticalContact> Filter(IQueryable<PoliticalContact> q, ContactQuery f)
    {
        if (f.Source is { } s) q = q.Where(c => c.Source == s);
        if (f.Kind is { } k) q = q.Where(c => c.Kind == k);
        if (f.From is { } from) q = q.Where(c => c.ContactOn >= from);
        if (f.To is { } to) q = q.Where(c => c.ContactOn <= to);
        return q;
    }

    public async Task<ContactPage> ListAsync(int forceId, ContactQuery f, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        var query = Filter(OfForce(forceId).AsNoTracking(), f);
        var size = Math.Clamp(f.PageSize, 1, 100);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await query.OrderByDescending(c => c.ContactOn).ThenByDescending(c => c.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new ContactPage(items, total, page, size);
    }

    /// <summary>The contacts that match, newest first, read as the caller consumes them (the CSV).</summary>
    public IAsyncEnumerable<PoliticalContact> StreamAll(int forceId, ContactQuery f) =>
        Filter(OfForce(forceId).AsNoTracking(), f).OrderByDescending(c => c.ContactOn).ThenByDescending(c => c.Id).AsAsyncEnumerable();

    public async Task<IReadOnlyList<PoliticalContact>> AllAsync(int forceId, ContactQuery f, CancellationToken ct = default) =>
        await Filter(OfForce(forceId).AsNoTracking(), f).OrderByDescending(c => c.ContactOn).ThenByDescending(c => c.Id).ToListAsync(ct);

    /// <summary>Month by month (every month of the period, empty ones too), how many contacts came from each source and of each kind.</summary>
    public async Task<IReadOnlyList<ContactMonth>> ByMonthAsync(int forceId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rows = await OfForce(forceId).AsNoTracking().Where(c => c.ContactOn >= from && c.ContactOn <= to)
            .GroupBy(c => new { c.ContactOn.Year, c.ContactOn.Month, c.Source, c.Kind })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Source, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        var months = new List<ContactMonth>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var these = rows.Where(r => r.Year == m.Year && r.Month == m.Month).ToList();
            months.Add(new ContactMonth(m, these.Sum(r => r.Count),
                Enum.GetValues<ContactSource>().ToDictionary(s => s, s => these.Where(r => r.Source == s).Sum(r => r.Count)),
                Enum.GetValues<ContactKind>().ToDictionary(k => k, k => these.Where(r => r.Kind == k).Sum(r => r.Count))));
        }

        return months;
    }

    public async Task<PoliticalContact> GetAsync(int forceId, int id, CancellationToken ct = default) =>
        await OfForce(forceId).SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException("There is no such contact in this force's log.");

    public async Task<PoliticalContact> CreateAsync(int forceId, ContactDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var contact = await AddRecordAsync(() => PoliticalContact.Create(forceId, details, Today), forceId, c => c.Id, Snapshot, ctx, ct);
        return contact;
    }

    public async Task<PoliticalContact> UpdateAsync(int forceId, int id, Guid version, ContactDetails details, ProcessContext ctx, CancellationToken ct = default) =>
        await UpdateRecordAsync(await GetAsync(forceId, id, ct), forceId, id, version, r => r.Apply(details, Today), Snapshot, ctx, ct);


    /// <summary>Recommendation 7: attempts to direct an operational decision are recognised and escalated.</summary>
    /// <inheritdoc/>
    public IReadOnlyCollection<int> Recommendations { get; } = [7];

    public async Task<IReadOnlyList<EvidenceIndicator>> IndicatorsAsync(int forceId, DateOnly today, CancellationToken ct = default)
    {
        var from = today.AddMonths(-12);
        // Counted in the database, never loaded.
        var counts = await OfForce(forceId).AsNoTracking().Where(c => c.ContactOn > from).GroupBy(c => 1)
            .Select(g => new
            {
                Year = g.Count(),
                Directing = g.Count(c => c.Kind == ContactKind.AttemptToDirectInAdvance),
                Escalated = g.Count(c => c.Kind == ContactKind.AttemptToDirectInAdvance && c.Escalated),
            })
            .FirstOrDefaultAsync(ct);
        var (year, directing, escalated) = counts is null ? (0, 0, 0) : (counts.Year, counts.Directing, counts.Escalated);
        return
        [
            new(7, "Attempts to direct an operational decision in the last 12 months that were escalated",
                EvidenceIndicator.Share(escalated, directing), directing, Register),
            new(7, "Political contacts in the last 12 months that were attempts to direct an operational decision",
                EvidenceIndicator.Share(directing, year), year, Register),
        ];
    }

    private static object Snapshot(PoliticalContact c) => new
    {
        c.ContactOn, Source = c.Source.ToString(), c.SourceName, Channel = c.Channel.ToString(), c.WhatWasAsked, Kind = c.Kind.ToString(), c.Response, c.Escalated, c.EscalatedTo,
    };
}

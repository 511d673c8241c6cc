using Evenhand.Data;
using Evenhand.MyWork;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages.Admin.Outbox;

/// <summary>Administrators: every reminder email written, newest first, with whether and how it was sent.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(EvenhandDbContext db) : EvenhandPageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    [FromQuery] public OutboxStatus? Status { get; set; }

    public IReadOnlyList<OutboxEmail> Emails { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    /// <summary>The full text of one email, when asked for.</summary>
    [FromQuery] public int? Id { get; set; }
    public OutboxEmail? Shown { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = db.Set<OutboxEmail>().AsNoTracking();
        Counts = (await all.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        var query = Status is { } s ? all.Where(e => e.Status == s) : all;
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Emails = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        if (Id is { } id)
        {
            Shown = await all.SingleOrDefaultAsync(e => e.Id == id, ct);
        }
    }
}

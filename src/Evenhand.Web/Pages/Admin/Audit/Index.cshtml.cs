using System.Globalization;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages.Admin.Audit;

/// <summary>
/// The audit log for administrators: every entry, newest first, 50 a page read by key (<c>after</c>, <c>before</c>,
/// <c>last</c>: the entry id), filtered by force, record and user. Entries hold no personal data (the services never write
/// any), so the before and after values are shown as recorded.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(EvenhandDbContext db) : EvenhandPageModel
{
    public const int PageSize = 50;

    /// <summary>A force's slug, or "none" for entries that belong to no force.</summary>
    [FromQuery(Name = "force")] public string? ForceSlug { get; set; }
    [FromQuery(Name = "type")] public string? EntityType { get; set; }
    [FromQuery(Name = "record")] public string? EntityId { get; set; }
    [FromQuery(Name = "user")] public string? UserName { get; set; }
    [FromQuery(Name = "after")] public string? After { get; set; }
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "last")] public bool Last { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public const string NoForce = "none";

    public IReadOnlyList<Force> Forces { get; private set; } = [];
    public KeysetPage<AuditEntry> Results { get; private set; } = KeysetPage.Empty<AuditEntry>(PageSize);
    public PageLinks Links { get; private set; } = null!;
    public IReadOnlyDictionary<int, string> ForceNames { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Forces = await db.Forces.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        ForceNames = Forces.ToDictionary(f => f.Id, f => f.Name);
        int? forceId = null;
        if (!string.IsNullOrEmpty(ForceSlug) && ForceSlug != NoForce)
        {
            forceId = Forces.FirstOrDefault(f => f.Slug == ForceSlug)?.Id;
            if (forceId is null)
            {
                ModelState.AddModelError(nameof(ForceSlug), "Choose a force from the list");
            }
        }

        if (ModelState.IsValid)
        {
            var request = PageRequest.Parse<long>(After, Before, Last, PageNumber, PageSize,
                text => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null);
            Results = await new AuditTrail(db).PageAsync(new AuditQuery(forceId, ForceSlug == NoForce, EntityType, EntityId, UserName), request, ct);
        }

        Links = PageLinks.For(Results, a => a.Id.ToString(CultureInfo.InvariantCulture), ListUrl, Request.Path + Request.QueryString);
    }

    public string ListUrl((string, object?)[] paging) => PageLinks.Query(Url.Page("/Admin/Audit/Index")!,
        [("force", ForceSlug), ("type", EntityType), ("record", EntityId), ("user", UserName), .. paging]);

    /// <summary>Every entry for the record of <paramref name="a"/>.</summary>
    public string RecordUrl(AuditEntry a) =>
        PageLinks.Query(Url.Page("/Admin/Audit/Index")!, ("type", a?.EntityType), ("record", a?.EntityId));

    public bool Filtered => !string.IsNullOrEmpty(ForceSlug) || !string.IsNullOrEmpty(EntityType) || !string.IsNullOrEmpty(EntityId) || !string.IsNullOrEmpty(UserName);
}

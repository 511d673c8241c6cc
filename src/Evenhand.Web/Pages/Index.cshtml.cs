using Evenhand.Data;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages;

public sealed class IndexModel(EvenhandDbContext db) : PageModel
{
    public sealed record PublishedLink(string Slug, string Body, int InspectionId, string Inspection, DateOnly PublishedOn);

    public string? ForceSlug { get; private set; }
    public List<PublishedLink> Published { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ForceSlug = User.ForceSlug();
        Published = await db.Section55Responses.AsNoTracking()
            .Where(r => r.PublishedOn != null)
            .OrderByDescending(r => r.PublishedOn)
            .Select(r => new PublishedLink(r.Force!.Slug, r.Force.LocalPolicingBody, r.InspectionId, r.Inspection!.Title, r.PublishedOn!.Value))
            .Take(50)
            .ToListAsync(ct);
    }
}

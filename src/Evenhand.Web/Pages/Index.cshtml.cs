using System.Security.Claims;
using Evenhand.Data;
using Evenhand.MyWork;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages;

/// <summary>The home page: for a signed-in user "Your work" (what is overdue, due this week and due later) and the pages their role uses; for everyone the published PCC responses.</summary>
public sealed class IndexModel(EvenhandDbContext db, MyWorkService work, IAuthorizationService authz) : PageModel
{
    public sealed record PublishedLink(string Slug, string Body, int InspectionId, string Inspection, DateOnly PublishedOn);

    public string? ForceSlug { get; private set; }
    public List<PublishedLink> Published { get; private set; } = [];

    /// <summary>The signed-in user's work; null when signed out.</summary>
    public MyWorkView? Work { get; private set; }

    /// <summary>The pages this user may use that the header's menu does not already offer.</summary>
    public IReadOnlyList<NavigationLink> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ForceSlug = User.ForceSlug();
        if (User.Identity?.IsAuthenticated == true && await work.FindUserAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct) is { } user)
        {
            Work = await work.ViewAsync(user, ct);
            Links = (await RoleNavigation.ForAsync(User, authz)).Where(l => !l.InMenu).ToList();
        }

        Published = await db.Section55Responses.AsNoTracking()
            .Where(r => r.PublishedOn != null)
            .OrderByDescending(r => r.PublishedOn)
            .Select(r => new PublishedLink(r.Force!.Slug, r.Force.LocalPolicingBody, r.InspectionId, r.Inspection!.Title, r.PublishedOn!.Value))
            .Take(50)
            .ToListAsync(ct);
    }
}

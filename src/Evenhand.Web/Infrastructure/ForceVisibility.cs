using System.Security.Claims;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Infrastructure;

public static class ForceVisibility
{
    /// <summary>The ids of the forces the user may see: null for national roles (every force), otherwise their own force only.</summary>
    public static async Task<IReadOnlyCollection<int>?> VisibleForceIdsAsync(this EvenhandDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsNational())
        {
            return null;
        }

        var slug = user.ForceSlug();
        return await db.Forces.Where(f => f.Slug == slug).Select(f => f.Id).ToListAsync(ct);
    }
}

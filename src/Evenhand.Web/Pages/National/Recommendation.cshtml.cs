using Evenhand.Data;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages.National;

public sealed class RecommendationModel(NationalViewService national, EvenhandDbContext db) : EvenhandPageModel
{
    public Recommendation Recommendation { get; private set; } = null!;
    public List<ForceResponse> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var rec = await db.Recommendations.AsNoTracking().Include(r => r.Inspection).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rec is null)
        {
            return NotFound();
        }

        Recommendation = rec;
        Plans = await national.ForRecommendationAsync(id, await db.VisibleForceIdsAsync(User, ct), ct);
        return Page();
    }
}

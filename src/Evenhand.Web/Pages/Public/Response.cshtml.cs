using Evenhand.Responses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evenhand.Web.Pages.Public;

/// <summary>The public page of a published section 55 response. Anonymous; drafts are "not found".</summary>
public sealed class ResponseModel(Section55Service responses, ForceResponseService plans) : PageModel
{
    public Section55View View { get; private set; } = null!;
    public Dictionary<int, ForceResponse> Statuses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int inspectionId, CancellationToken ct)
    {
        var view = await responses.FindPublishedAsync(slug, inspectionId, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Statuses = (await plans.ListForInspectionAsync(view.Response.ForceId, inspectionId, ct)).ToDictionary(p => p.RecommendationId);
        return Page();
    }
}

using Evenhand.Forces;
using Evenhand.Responses;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Responses;

/// <summary>
/// Corrects a published section 55 response: the new wording and a dated notice readers see on the public page. The earlier
/// wording is kept with the correction and in the audit trail; nothing is edited silently.
/// </summary>
[Authorize(Policy = Policies.WriteSection55)]
public sealed class CorrectModel(Section55Service responses, TimeProvider time) : EvenhandPageModel
{
    [FromRoute] public int InspectionId { get; set; }

    public Force Force => CurrentForce;
    public Section55View View { get; private set; } = null!;

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public Section55Part? Part { get; set; }
    [BindProperty] public int? RecommendationId { get; set; }
    [BindProperty] public Section55Stance? NewStance { get; set; }
    [BindProperty] public string? NewText { get; set; }
    // The correction notice typed on this form; hides the base class's TempData banner of the same name (the field keeps its name).
    [BindProperty] public new string? Notice { get; set; }

    public string EditUrl => $"/forces/{Force.Slug}/responses/{InspectionId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return View.Response.IsPublished ? Page() : Redirect(EditUrl);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await TryAsync(() => responses.CorrectAsync(Force.Id, InspectionId,
                new CorrectOptions(Version, new Section55CorrectionOptions(Part, RecommendationId, NewStance, NewText, Notice)), Actor(time), ct)))
        {
            return RedirectWithNotice("Correction published. The public page shows the notice beside the corrected wording.", EditUrl);
        }

        return await RedisplayAsync(() => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await responses.FindAsync(Force.Id, InspectionId, ct);
        if (view is null)
        {
            return false;
        }

        View = view;
        Version = view.Response.Version;
        return true;
    }
}

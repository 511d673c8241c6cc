using System.ComponentModel.DataAnnotations;
using Evenhand.HateIncidents.CaseFiles;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.CaseFileReviews;

/// <summary>The force's case-file reviews, and drawing a new random sample of finalised incidents (issue 3 item 10).</summary>
[Authorize(Policy = Policies.ReviewHateIncidents)]
public sealed class IndexModel(CaseFileReviewService reviews, TimeProvider time) : EvenhandPageModel
{
    public string Slug => CurrentForce.Slug;
    public IReadOnlyList<CaseFileReviewSummary> Reviews { get; private set; } = [];

    [BindProperty, Display(Name = "Number of incidents")]
    [Range(1, CaseFileReviewService.MaxSampleSize, ErrorMessage = "Enter a number of incidents between 1 and 100.")]
    public int Size { get; set; } = CaseFileReviewService.DefaultSampleSize;

    [BindProperty, Display(Name = "Seed (optional)")]
    [Range(0, int.MaxValue, ErrorMessage = "The seed must be a whole number of 0 or more.")]
    public int? Seed { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Reviews = await reviews.ListAsync(CurrentForce.Id, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Evenhand.HateIncidents.CaseFileReview? drawn = null;
        if (ModelState.IsValid &&
            await TryAsync(async () => drawn = await reviews.DrawAsync(CurrentForce.Id, new DrawSampleOptions(Size, Seed), Actor(time, "Case-file review sample"), ct), nameof(Size)))
        {
            return RedirectWithNotice($"Sample drawn: {drawn!.Items.Count} finalised incidents (seed {drawn.Seed}).",
                $"/forces/{Slug}/hate-incidents/case-file-reviews/{drawn.Id}");
        }

        Reviews = await reviews.ListAsync(CurrentForce.Id, ct);
        return Page();
    }
}

using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Events;

/// <summary>The post-event learning review (recommendation 5).</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class ReviewModel(PolicedEventService register, TimeProvider time) : RegisterFormModel<LearningReviewDetails>
{
    [FromRoute] public int Id { get; set; }

    public string EventName { get; private set; } = "";

    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of the review")] public DateOnly? ReviewedOn { get; set; }
    [BindProperty] public string? ReviewedBy { get; set; }
    [BindProperty] public string? PolicingStyleEffectiveness { get; set; }
    [BindProperty] public string? ImpartialityAllegations { get; set; }
    [BindProperty] public string? Lessons { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => register.GetAsync(Force.Id, Id, ct), e =>
    {
        Version = e.Version;
        EventName = e.Name;
        ReviewedOn = e.ReviewedOn;
        ReviewedBy = e.ReviewedBy;
        PolicingStyleEffectiveness = e.PolicingStyleEffectiveness;
        ImpartialityAllegations = e.ImpartialityAllegations;
        Lessons = e.Lessons;
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => register.GetAsync(Force.Id, Id, ct), async d => (await register.RecordReviewAsync(Force.Id, Id, Version, d, Actor(time), ct)).Id, "Learning review recorded", id => GovernancePages.Event(Force.Slug, id));

    protected override LearningReviewDetails? ReadDetails()
    {
        return ModelState.ErrorCount > 0 ? null : new LearningReviewDetails(ReviewedOn, ReviewedBy, PolicingStyleEffectiveness, ImpartialityAllegations, Lessons);
    }
}

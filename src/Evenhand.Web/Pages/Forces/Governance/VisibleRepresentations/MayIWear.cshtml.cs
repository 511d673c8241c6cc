using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.VisibleRepresentations;

/// <summary>"May I wear X on day D?", answered from the register, for anyone in the force.</summary>
public sealed class MayIWearModel(VisibleRepresentationService register, TimeProvider time) : EvenhandPageModel
{
    public Evenhand.Forces.Force Force => CurrentForce;
    public IReadOnlyList<VisibleRepresentation> Decisions { get; private set; } = [];
    public RepresentationAnswer? Answer { get; private set; }

    [FromQuery(Name = "item")] public int? ItemId { get; set; }
    [FromQuery, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date")] public DateOnly? On { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Decisions = await register.AllAsync(Force.Id, ct);
        // The first visit has no query; once the form is sent (even with nothing chosen) every missing answer is an error.
        if (Request.Query.Count == 0)
        {
            return Page();
        }

        // Errors in the form's order (the summary lists them as they were added): the item, then the date, whose binder may
        // already have explained what is wrong with it.
        var dateErrors = ModelState[nameof(On)]?.Errors.Select(e => e.ErrorMessage).ToList() ?? [];
        ModelState.Remove(nameof(On));
        if (ItemId is null) ModelState.AddModelError("item", "Choose what you want to wear or display");
        foreach (var message in On is null && dateErrors.Count == 0 ? ["Enter the date"] : dateErrors)
        {
            ModelState.AddModelError(nameof(On), message);
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var decision = Decisions.FirstOrDefault(d => d.Id == ItemId);
        if (decision is null)
        {
            ModelState.AddModelError("item", "Choose one of the items in the list");
            return Page();
        }

        Answer = decision.Answer(On!.Value);
        return Page();
    }

    public DateOnly Today => UkTime.Date(time.GetUtcNow());
}

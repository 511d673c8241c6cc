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
        if (ItemId is null && On is null && ModelState.ErrorCount == 0)
        {
            return Page();
        }

        if (ItemId is null) ModelState.AddModelError("item", "Choose what you want to wear or display");
        if (On is null && ModelState[nameof(On)]?.Errors.Count is null or 0) ModelState.AddModelError(nameof(On), "Enter the date");
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

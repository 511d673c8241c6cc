using Evenhand.Common;
using Evenhand.Inspections;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Inspections;

public sealed class DetailModel(InspectionService inspections, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    [FromRoute] public int Id { get; set; }
    public Inspection Inspection { get; private set; } = null!;
    public bool CanManage { get; private set; }

    [BindProperty] public int RecommendationId { get; set; }
    [BindProperty] public Guid Version { get; set; }
    [BindProperty, Evenhand.Web.TagHelpers.DateInput] public DateOnly? OccurredOn { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Records the event a relative deadline waits for; the due date then appears for every force.</summary>
    public async Task<IActionResult> OnPostTriggerAsync(CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, Policies.ManageInspections)).Succeeded)
        {
            return Forbid();
        }

        var ok = ModelState.ErrorCount == 0 && await TryAsync(async () =>
        {
            if (OccurredOn is null)
            {
                throw new DomainRuleException("Enter the date the event happened.");
            }

            await inspections.RecordTriggerEventAsync(RecommendationId, new RecordTriggerEventOptions(Version, OccurredOn.Value), User.ToProcessContext(time), ct);
        }, nameof(OccurredOn));
        if (ok)
        {
            return RedirectWithNotice("Event recorded; the deadline has been calculated", $"/inspections/{Id}");
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        CanManage = (await authz.AuthorizeAsync(User, Policies.ManageInspections)).Succeeded;
        try
        {
            Inspection = await inspections.GetAsync(Id, ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

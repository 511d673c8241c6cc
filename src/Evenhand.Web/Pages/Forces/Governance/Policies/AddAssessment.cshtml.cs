using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Policies;

/// <summary>Records an equality impact assessment of a policy: the impact on each protected characteristic and why.</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class AddAssessmentModel(PolicyRegisterService register, TimeProvider time) : EvenhandPageModel
{
    [FromRoute] public int Id { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public PolicyDocument Policy { get; private set; } = null!;

    [BindProperty] public Guid Version { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of the assessment")] public DateOnly? AssessedOn { get; set; }
    [BindProperty] public string? Assessor { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of the assessor's EIA training")] public DateOnly? AssessorTrainedOn { get; set; }
    [BindProperty] public Dictionary<ProtectedCharacteristic, EqualityImpact> Impact { get; set; } = [];
    [BindProperty] public Dictionary<ProtectedCharacteristic, string?> Rationale { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Policy.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.ErrorCount == 0)
        {
            var lines = Enum.GetValues<ProtectedCharacteristic>()
                .Select(c => new CharacteristicAssessment(c, Impact.GetValueOrDefault(c), Rationale.GetValueOrDefault(c)))
                .ToList();
            try
            {
                if (await TryAsync(() => register.AddAssessmentAsync(Force.Id, Id, Version, new EiaDetails(AssessedOn, Assessor, AssessorTrainedOn, lines), Actor(time), ct)))
                {
                    return RedirectWithNotice("Equality impact assessment recorded", GovernancePages.Policy(Force.Slug, Id));
                }
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Policy = await register.GetAsync(Force.Id, Id, ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

using Evenhand.HateIncidents;
using Evenhand.Importing;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.Codes;

/// <summary>The national opening and finalising codes, and the force's mapping from its legacy codes, uploaded as CSV (recommendation 17).</summary>
[Authorize(Policy = Policies.SeeHateAnalysis)]
public sealed class IndexModel(HatePolicyService policies, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    public Evenhand.Forces.Force Force => CurrentForce;
    public IReadOnlyList<LegacyCodeMapping> Mappings { get; private set; } = [];
    public bool CanUpload { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, Policies.ManageHatePolicy)).Succeeded)
        {
            return Forbid();
        }

        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file with the header legacy_code,code");
        }
        else
        {
            var count = 0;
            var ok = await TryAsync(async () =>
            {
                await using var stream = Upload.OpenReadStream();
                var text = TextDocument.Read(stream, Upload.FileName, 1024 * 1024);
                count = await policies.ImportLegacyCodesAsync(Force.Id, text, Upload.FileName, Actor(time), ct);
            }, nameof(Upload));
            if (ok)
            {
                return RedirectWithNotice($"{count} legacy code{(count == 1 ? "" : "s")} mapped", $"{HateIncidentPages.Base(Force.Slug)}/codes");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Mappings = await policies.ListLegacyCodesAsync(Force.Id, ct);
        CanUpload = (await authz.AuthorizeAsync(User, Policies.ManageHatePolicy)).Succeeded;
    }
}

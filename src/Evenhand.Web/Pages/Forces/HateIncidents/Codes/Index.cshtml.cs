using Evenhand.HateIncidents.Codes;
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
    [BindProperty] public IFormFile? Incidents { get; set; }

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

    /// <summary>A CSV of past incidents with a legacy_code column comes back with the national code on each row.</summary>
    public async Task<IActionResult> OnPostTranslateAsync(CancellationToken ct)
    {
        if (Incidents is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Incidents), "Choose a CSV file of incidents with a legacy_code column");
        }
        else
        {
            LegacyTranslation? result = null;
            if (await TryAsync(async () =>
                {
                    await using var stream = Incidents.OpenReadStream();
                    var text = TextDocument.Read(stream, Incidents.FileName, TextDocument.DefaultMaxBytes);
                    result = (await policies.LegacyCodeMapAsync(Force.Id, ct)).TranslateCsv(text, $"'{Path.GetFileName(Incidents.FileName)}'");
                }, nameof(Incidents)) && result is not null)
            {
                Response.Headers["X-Evenhand-Rows"] = result.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Response.Headers["X-Evenhand-Untranslated"] = result.Unknown.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var name = Path.GetFileNameWithoutExtension(Incidents.FileName) + "-national-codes.csv";
                return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(result.Csv)).ToArray(), "text/csv", name);
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

using Evenhand.Forces;
using Evenhand.Importing;
using Evenhand.Inspections;
using Evenhand.Responses.Parsing;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Responses;

/// <summary>Upload a PCC's published response, check how it maps to the recommendations, then save it as the force's section 55 response.</summary>
[Authorize(Policy = Policies.WriteSection55)]
public sealed class ImportModel(ImportStaging staging, DocumentImportService imports, InspectionService inspections, TimeProvider time) : EvenhandPageModel
{
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public int? InspectionId { get; set; }
    [BindProperty] public Guid? StagingId { get; set; }

    public Force Force => CurrentForce;
    public List<Inspection> Inspections { get; private set; } = [];
    public ParsedResponse? Preview { get; private set; }
    public Inspection? Inspection { get; private set; }
    public string? FileName { get; private set; }
    public string? DetectedForceName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Inspections = await inspections.ListAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        Inspections = await inspections.ListAsync(ct);
        if (InspectionId is null)
        {
            ModelState.AddModelError(nameof(InspectionId), "Choose the inspection this response answers");
        }

        if (Document is null)
        {
            ModelState.AddModelError(nameof(Document), "Choose a response document to upload");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await TryAsync(async () =>
        {
            var (id, text) = await staging.StageAsync(Document!, User, ct);
            await PreviewAsync(text, Path.GetFileName(Document!.FileName), ct);
            StagingId = id;
        }, nameof(Document));
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (StagingId is not { } id || InspectionId is null)
        {
            return RedirectToPage();
        }

        var ok = await TryAsync(async () =>
        {
            var (fileName, text) = await staging.GetAsync(id, User, ct);
            await PreviewAsync(text, fileName, ct);
            await imports.ImportResponseAsync(new ImportResponseOptions(InspectionId.Value, Force.Slug, Preview!, fileName), User.ToProcessContext(time), ct);
            staging.Remove(id);
        }, nameof(Document));
        if (ok)
        {
            return RedirectWithNotice("Response imported as a draft. Check each answer before publishing.", $"/forces/{Force.Slug}/responses/{InspectionId}");
        }

        Inspections = await inspections.ListAsync(ct);
        return Page();
    }

    private async Task PreviewAsync(string text, string fileName, CancellationToken ct)
    {
        Inspection = await inspections.GetAsync(InspectionId!.Value, ct);
        Preview = ResponseParser.Parse(text, DocumentImportService.ToParsed(Inspection.Recommendations), await imports.ForceNamesAsync(ct), fileName, Inspection.Title);
        FileName = fileName;
        DetectedForceName = Preview.ForceSlug is { } slug ? ForceCatalogue.FindBySlug(slug)?.Name : null;
        ModelState.Clear();
    }
}

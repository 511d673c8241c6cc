using Evenhand.Common;
using Evenhand.Importing;
using Evenhand.Inspections;
using Evenhand.Inspections.Parsing;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Inspections;

/// <summary>Upload an inspection report, check what was recognised, then save it.</summary>
[Authorize(Policy = Policies.ManageInspections)]
public sealed class ImportModel(ImportStaging staging, DocumentImportService imports, TimeProvider time) : EvenhandPageModel
{
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public Guid? StagingId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Publisher { get; set; }
    [BindProperty, Evenhand.Web.TagHelpers.DateInput] public DateOnly? PublishedOn { get; set; }
    [BindProperty] public InspectionType Type { get; set; } = InspectionType.NationalThematic;

    public ParsedReport? Preview { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (Document is null || Document.Length == 0 && string.IsNullOrEmpty(Document.FileName))
        {
            ModelState.AddModelError(nameof(Document), "Choose a report to upload");
            return Page();
        }

        await TryAsync(async () =>
        {
            var (id, text) = await staging.StageAsync(Document, User, ct);
            Preview = ReportParser.Parse(text, Document.FileName);
            StagingId = id;
            FileName = Path.GetFileName(Document.FileName);
            Title = Preview.Title;
            Publisher = DocumentImportService.DefaultPublisher;
            PublishedOn = Preview.Published;
            ModelState.Clear();
        }, nameof(Document));
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (StagingId is not { } id)
        {
            return RedirectToPage();
        }

        Inspection? inspection = null;
        var ok = await TryAsync(async () =>
        {
            var (fileName, text) = await staging.GetAsync(id, User, ct);
            FileName = fileName;
            Preview = ReportParser.Parse(text, fileName);
            if (ModelState.ErrorCount > 0)
            {
                return; // a date that is not a real date: its message is already beside it
            }

            if (PublishedOn is null)
            {
                throw new DomainRuleException("Enter the date the report was published; the document does not state it in full.");
            }

            inspection = await imports.ImportReportAsync(new ImportReportOptions(Preview, Title ?? "", Publisher ?? "", PublishedOn.Value, Type, fileName),
                User.ToProcessContext(time), ct);
            staging.Remove(id);
        }, nameof(PublishedOn));
        return ok && inspection is not null ? RedirectWithNotice($"Imported {inspection!.Recommendations.Count} recommendations", $"/inspections/{inspection.Id}") : Page();
    }
}

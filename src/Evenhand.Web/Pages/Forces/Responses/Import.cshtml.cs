using System.Globalization;
using Evenhand.Forces;
using Evenhand.Importing;
using Evenhand.Inspections;
using Evenhand.Responses.Parsing;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Responses;

/// <summary>
/// Upload a PCC's published response, check how it maps to the recommendations and correct it (choose another passage
/// for a recommendation, split a passage, mark a recommendation not answered), then save it as the force's section 55
/// response. The corrections travel in the form, never in server memory: each post carries the whole state and the page
/// re-applies it to the staged document (<see cref="ResponseCorrections"/>).
/// </summary>
[Authorize(Policy = Policies.WriteSection55)]
public sealed class ImportModel(ImportStaging staging, DocumentImportService imports, InspectionService inspections, TimeProvider time) : EvenhandPageModel
{
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public int? InspectionId { get; set; }
    [BindProperty] public Guid? StagingId { get; set; }

    /// <summary>The fingerprint of the parse the corrections were made on (<see cref="ResponseCorrections.Fingerprint"/>).</summary>
    [BindProperty] public string? ParseKey { get; set; }

    public Force Force => CurrentForce;
    public List<InspectionChoice> Inspections { get; private set; } = [];
    public ParsedResponse? Preview { get; private set; }
    public CorrectedResponse? Corrected { get; private set; }
    public Inspection? Inspection { get; private set; }
    public string? FileName { get; private set; }
    public string? DetectedForceName { get; private set; }

    /// <summary>Recommendations that put a duty on forces (the ones section 55 needs answered), then the rest, each in number order.</summary>
    public IReadOnlyList<Recommendation> ForceRecommendations =>
        Inspection?.Recommendations.Where(r => r.AppliesToForces).OrderBy(r => r.Number).ToList() ?? [];

    public IReadOnlyList<Recommendation> OtherRecommendations =>
        Inspection?.Recommendations.Where(r => !r.AppliesToForces).OrderBy(r => r.Number).ToList() ?? [];

    public async Task OnGetAsync(CancellationToken ct) => Inspections = await inspections.ChoicesAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        Inspections = await inspections.ChoicesAsync(ct);
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
            await ReviewAsync(text, Path.GetFileName(Document!.FileName), ResponseCorrectionInput.None, forSaving: false, ct);
            StagingId = id;
        }, nameof(Document));
        return Page();
    }

    /// <summary>Applies the corrections chosen so far and shows the result, saving nothing.</summary>
    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        if (StagingId is not { } id || InspectionId is null)
        {
            return RedirectToPage();
        }

        if (await StagedAsync(id, ct) is { } staged && await TryReviewAsync(staged, forSaving: false, ct))
        {
            AddErrors(Corrected!.Errors);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (StagingId is not { } id || InspectionId is null)
        {
            return RedirectToPage();
        }

        if (await StagedAsync(id, ct) is not { } staged || !await TryReviewAsync(staged, forSaving: true, ct))
        {
            return Page();
        }

        // Refused: a correction that does not hold, or corrections made on a different reading of the document.
        if (Corrected!.Errors.Count > 0 || !ModelState.IsValid)
        {
            AddErrors(Corrected.Errors);
            return Page();
        }

        var ok = await TryAsync(async () =>
        {
            await imports.ImportResponseAsync(
                new ImportResponseOptions(InspectionId.Value, Force.Slug, Corrected.Response, staged.FileName) { Corrections = Corrected.Corrections },
                User.ToProcessContext(time), ct);
            staging.Remove(id);
        });
        if (!ok)
        {
            return Page();
        }

        var changes = Corrected.Corrections.Count;
        return RedirectWithNotice(
            "Response imported as a draft" + (changes == 0 ? "" : changes == 1 ? ", with your correction" : $", with your {changes} corrections") +
            ". Check each answer before publishing.",
            $"/forces/{Force.Slug}/responses/{InspectionId}");
    }

    /// <summary>The staged document, or null with the reason on the page (expired, or someone else's) and the upload form shown again.</summary>
    private async Task<(string FileName, string Text)?> StagedAsync(Guid id, CancellationToken ct)
    {
        (string FileName, string Text)? staged = null;
        if (!await TryAsync(async () => staged = await staging.GetAsync(id, User, ct), nameof(Document)))
        {
            Inspections = await inspections.ChoicesAsync(ct);
        }

        return staged;
    }

    /// <summary>
    /// Parses the staged document again and applies the posted corrections. False, with the reason on the page and the upload
    /// form shown again, when the document can no longer be read as a response (say, the parser changed since the upload).
    /// </summary>
    private async Task<bool> TryReviewAsync((string FileName, string Text) staged, bool forSaving, CancellationToken ct)
    {
        if (await TryAsync(() => ReviewAsync(staged.Text, staged.FileName, PostedCorrections(), forSaving, ct), nameof(Document)))
        {
            return true;
        }

        Preview = null;
        Corrected = null;
        Inspections = await inspections.ChoicesAsync(ct);
        return false;
    }

    /// <summary>
    /// The corrections as posted, read from the form itself (a dictionary keyed by recommendation number does not bind
    /// cleanly from an absent prefix): "Splits" (the hidden fields of earlier splits and the split lists' choices), "Joins"
    /// and one "Answers[n]" per recommendation. A recommendation the form does not mention keeps the parser's passage.
    /// </summary>
    private ResponseCorrectionInput PostedCorrections()
    {
        var form = Request.Form;
        var answers = new Dictionary<int, string?>();
        foreach (var (key, value) in form)
        {
            if (key.StartsWith("Answers[", StringComparison.Ordinal) && key.EndsWith(']')
                && int.TryParse(key.AsSpan(8, key.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                answers[number] = value.ToString();
            }
        }

        static List<string> Values(Microsoft.Extensions.Primitives.StringValues values) => values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        return new(Values(form["Splits"]), Values(form["Joins"]), answers);
    }

    private async Task ReviewAsync(string text, string fileName, ResponseCorrectionInput input, bool forSaving, CancellationToken ct)
    {
        Inspection = await inspections.GetAsync(InspectionId!.Value, ct);
        var recommendations = DocumentImportService.ToParsed(Inspection.Recommendations);
        Preview = ResponseParser.Parse(text, recommendations, await imports.ForceNamesAsync(ct), fileName, Inspection.Title);
        FileName = fileName;
        DetectedForceName = Preview.ForceSlug is { } slug ? ForceCatalogue.FindBySlug(slug)?.Name : null;
        ModelState.Clear();

        var fingerprint = ResponseCorrections.Fingerprint(Preview);
        if (!string.IsNullOrEmpty(ParseKey) && ParseKey != fingerprint)
        {
            // The corrections name passages of a different reading of the document; applying them could move the wrong text.
            ModelState.AddModelError("", "Evenhand now reads this document differently from when you checked it, so your changes were not applied. Check each recommendation again.");
            input = ResponseCorrectionInput.None;
            forSaving = false;
        }

        ParseKey = fingerprint;
        Corrected = ResponseCorrections.Apply(Preview, recommendations, input, forSaving);
    }

    private void AddErrors(IReadOnlyList<Evenhand.Common.FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
    }

    /// <summary>The error for a field of the corrections form, if any.</summary>
    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>How the parser tied a passage to its recommendations, in words.</summary>
    public static string MatchedBy(ParsedResponseItem item) =>
        item.Recommendations.Count > 1 && item.Confidence <= 0.5 ? "one section answering several recommendations together"
        : item.Source switch
        {
            MatchSource.Table => "a number in a table",
            MatchSource.Prose => "a citation in the text",
            MatchSource.Quote => "the recommendation's own words",
            _ => "a numbered heading",
        };

    /// <summary>The parser's confidence in words a reader can act on: High (90% and over), Medium (70% and over) or Low.</summary>
    public static string ConfidenceInWords(double confidence)
    {
        var percent = (int)Math.Round(confidence * 100, MidpointRounding.AwayFromZero);
        var word = confidence >= 0.9 ? "High" : confidence >= 0.7 ? "Medium" : "Low";
        return string.Create(CultureInfo.InvariantCulture, $"{word} ({percent}%)");
    }
}

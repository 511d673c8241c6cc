using Evenhand.Common;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Evenhand.Web.Pages.SocialMedia.SocialMediaFormat;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>A reviewer's mark on one sampled post, with the version of the item the page showed.</summary>
public sealed class VerdictInput
{
    public int ItemId { get; set; }
    public Guid Version { get; set; }
    public DipVerdict? Verdict { get; set; }
}

/// <summary>
/// Review a dip sample, 20 posts a page: each post with Evenhand's classification and a choice of operational or
/// non-operational. "Save and continue" saves the page's marks together; if someone else marked one of them since the page
/// was opened, nothing is saved and the page says so.
/// </summary>
public sealed class ReviewModel(SocialMediaReader reader, ForceScopeFilter forces, IAuthorizationService authz, TimeProvider time, DipSampleService samples) : SocialMediaPageModel(reader, forces, authz, time)
{
    public const int PageSize = 20;

    [FromRoute] public int SampleId { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "unreviewed")] public bool UnreviewedOnly { get; set; }
    [BindProperty] public List<VerdictInput> Verdicts { get; set; } = [];

    public override string Title => $"Dip sample: {Sample.Keyword} – {Dataset.Name}";

    public DipSample Sample { get; private set; } = null!;

    public IReadOnlyList<DipSampleItemView> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    public int Reviewed { get; private set; }

    public int Sampled { get; private set; }

    public DipPrecisionRow? Precision { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Saves the verdicts chosen on this page, then shows the next page (or the samples page once the last is done).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var reviews = Verdicts.Where(v => v.Verdict is not null).Select(v => new DipReview(v.ItemId, v.Version, v.Verdict!.Value)).ToList();
        var saved = 0;
        try
        {
            if (!await TryAsync(async () => saved = await samples.ReviewAsync(SampleId, reviews, Actor(), ct)))
            {
                await LoadAsync(ct);
                return Page();
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        var notice = $"Saved {saved:N0} mark{(saved == 1 ? "" : "s")}. {Reviewed:N0} of {Sampled:N0} posts reviewed.";
        if (Reviewed == Sampled)
        {
            return RedirectWithNotice($"{notice} The sample is complete: {SocialMediaFormat.Precision(Precision)}.", DatasetUrl("samples"));
        }

        if (UnreviewedOnly)
        {
            return RedirectWithNotice(notice, PageUrl(1));
        }

        return RedirectWithNotice(notice, PageNumber < Pages ? PageUrl(PageNumber + 1) : PageUrl(1, unreviewed: true));
    }

    /// <summary>The sample's posts with their verdicts, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = (await Reader.SampleItemsAsync(SampleId, ct)).Select(i => new
        {
            seq = i.Seq, post_id = i.PostId, handle = i.Handle, posted_at = Iso(i.PostedAt), engagement = i.Engagement,
            evenhand_classification = i.ClassifiedNonOperational ? "non-operational" : "operational",
            verdict = i.Verdict switch { DipVerdict.Operational => "operational", DipVerdict.NonOperational => "non-operational", _ => "" },
            reviewed_by = i.ReviewedBy ?? "", reviewed_at = Iso(i.ReviewedAt), text = i.Text,
        });
        var keyword = await Reader.SampleKeywordAsync(SampleId, ct);
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"social-media-{Dataset.Id}-dip-sample-{keyword}.csv");
    }

    /// <summary>Deletes the sample and its marks, so the keyword can be sampled again.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        await samples.DeleteAsync(SampleId, Actor(), ct);
        return RedirectWithNotice("The sample and its marks were deleted.", DatasetUrl("samples"));
    }

    public string PageUrl(int page, bool? unreviewed = null) =>
        SampleUrl(SampleId) + $"?page={page}" + ((unreviewed ?? UnreviewedOnly) ? "&unreviewed=true" : "");

    private async Task LoadAsync(CancellationToken ct)
    {
        var (sample, items, total) = await samples.PageAsync(SampleId, PageNumber, PageSize, UnreviewedOnly, ct);
        Sample = sample;
        Items = items;
        Total = total;
        var table = await samples.PrecisionAsync(Dataset.Id, ct);
        Precision = table.ByKeyword.FirstOrDefault(r => r.SampleId == SampleId);
        Sampled = Precision?.Sampled ?? 0;
        Reviewed = Precision?.Reviewed ?? 0;
        if (PageNumber > Pages && total > 0)
        {
            PageNumber = Pages;
            (_, Items, _) = await samples.PageAsync(SampleId, PageNumber, PageSize, UnreviewedOnly, ct);
        }
    }
}

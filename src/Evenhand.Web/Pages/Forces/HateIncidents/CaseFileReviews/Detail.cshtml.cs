using Evenhand.Common;
using Evenhand.HateIncidents.CaseFiles;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.CaseFileReviews;

/// <summary>One case-file review: the sampled incidents, a judgement form for each, and the error rate of each stage.</summary>
[Authorize(Policy = Policies.ReviewHateIncidents)]
public sealed class DetailModel(CaseFileReviewService reviews, TimeProvider time) : EvenhandPageModel
{
    public const string Right = "right";
    public const string Error = "error";

    public string Slug => CurrentForce.Slug;
    public CaseFileReport Report { get; private set; } = null!;

    /// <summary>The item whose form failed, to show its errors beside it.</summary>
    public int? FailedItemId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostJudgeAsync(
        int id, int itemId, string? recording, string? assessment, string? review, string? finalisation, string? notes, long? judgedAtTicks, CancellationToken ct)
    {
        var judgement = new StageJudgement(Parse(recording), Parse(assessment), Parse(review), Parse(finalisation), notes,
            judgedAtTicks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null);
        try
        {
            if (await TryAsync(() => reviews.JudgeAsync(CurrentForce.Id, id, itemId, judgement, Actor(time, "Case-file review judgement"), ct), $"item-{itemId}"))
            {
                return RedirectWithNotice("Judgement saved.", $"/forces/{Slug}/hate-incidents/case-file-reviews/{id}#item-{itemId}");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        FailedItemId = itemId;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public static string? Value(bool? judged) => judged switch { true => Right, false => Error, null => null };

    public static string Percent(double? rate) => Format.Percent(rate, "–");

    private static bool? Parse(string? value) => value switch { Right => true, Error => false, _ => null };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            Report = await reviews.GetAsync(CurrentForce.Id, id, ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

using System.Globalization;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Policies;

/// <summary>The force's policy register, filtered and paged, with the flags of each policy; and the whole register as CSV.</summary>
[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class IndexModel(PolicyRegisterService register, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery] public bool EqualityAct { get; set; }
    [FromQuery] public bool Overdue { get; set; }
    [FromQuery] public bool Flagged { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public PolicyPage Results { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Date(time.GetUtcNow());
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        Results = await register.ListAsync(Force.Id, new PolicyQuery(Search, EqualityAct, Overdue, Flagged, PageNumber, PageSize), ct);
    }

    /// <summary>The whole register as CSV, written to the response as the rows are read.</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var today = UkTime.Date(time.GetUtcNow());
        return Csv.StreamQueryAsync(HttpContext, $"{Force.Slug}-policies.csv", innerCt => register.StreamAll(Force.Id, innerCt), p => new
        {
            p.Reference,
            p.Title,
            p.Owner,
            RelatesToEqualityAct = p.RelatesToEqualityAct ? "yes" : "no",
            LastReviewedOn = p.LastReviewedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            p.ReviewIntervalMonths,
            NextReviewDueOn = p.NextReviewDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Overdue = p.IsOverdue(today) ? "yes" : "no",
            LatestAssessmentOn = p.LatestAssessment?.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AssessmentComplete = p.LatestAssessment is null ? "" : p.LatestAssessment.IsComplete ? "yes" : "no",
            AssessorTrained = p.LatestAssessment is null ? "" : p.LatestAssessment.AssessorTrained ? "yes" : "no",
            Flags = string.Join("; ", PolicyRegisterService.Flags(p, today)),
        }, ct);
    }

    public string PageUrl(int page) =>
        $"{GovernancePages.Policies(Force.Slug)}?page={page}" + (Search is null ? "" : $"&q={Uri.EscapeDataString(Search)}")
        + (EqualityAct ? "&EqualityAct=true" : "") + (Overdue ? "&Overdue=true" : "") + (Flagged ? "&Flagged=true" : "");
}

using System.Globalization;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.VisibleRepresentations;

/// <summary>The register of decisions on visible representations, filtered and paged; and as CSV.</summary>
[Authorize(Policy = Infrastructure.Policies.SeeRepresentations)]
public sealed class IndexModel(VisibleRepresentationService register, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery] public RepresentationItem? Item { get; set; }
    [FromQuery] public RepresentationDecision? Decision { get; set; }
    [FromQuery] public bool ReviewDue { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public RepresentationPage Results { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Date(time.GetUtcNow());
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRepresentations)).Succeeded;
        Results = await register.ListAsync(Force.Id, new RepresentationQuery(Item, Decision, ReviewDue, PageNumber), ct);
    }

    /// <summary>The whole register as CSV, written to the response as the rows are read.</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var today = UkTime.Date(time.GetUtcNow());
        return Csv.StreamQueryAsync(HttpContext, $"{Force.Slug}-visible-representations.csv", _ => register.StreamAll(Force.Id), r => new
        {
            Item = VisibleRepresentation.Describe(r.Item), r.Description, r.Cause, Decision = VisibleRepresentation.Describe(r.Decision),
            PermittedFrom = r.PermittedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PermittedTo = r.PermittedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Conditions,
            r.DecidedBy, DecidedOn = r.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Rationale, ReviewOn = r.ReviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReviewDue = r.IsReviewDue(today) ? "yes" : "no",
        }, ct);
    }

    public string PageUrl(int page) =>
        $"{GovernancePages.Representations(Force.Slug)}?page={page}" + (Item is null ? "" : $"&Item={Item}") + (Decision is null ? "" : $"&Decision={Decision}") + (ReviewDue ? "&ReviewDue=true" : "");
}

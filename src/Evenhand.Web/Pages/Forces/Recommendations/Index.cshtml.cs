using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Web.Api;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Recommendations;

/// <summary>
/// The force's recommendations and action plans, grouped by inspection, newest inspection first: five inspections a page,
/// read by key (<c>after</c>, <c>before</c>, <c>last</c>), so the page stays the same size however many inspections there are.
/// </summary>
public sealed class IndexModel(ForceResponseService plans, Section55Service responses, InspectionService inspections, TimeProvider time) : EvenhandPageModel
{
    public const int InspectionsPerPage = 5;

    [FromQuery(Name = "after")] public string? After { get; set; }
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "last")] public bool Last { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Force Force => CurrentForce;
    public List<(InspectionSummary Inspection, List<PlanRow> Plans)> Groups { get; private set; } = [];
    public KeysetPage<InspectionSummary> Inspections { get; private set; } = KeysetPage.Empty<InspectionSummary>(InspectionsPerPage);
    public PageLinks Links { get; private set; } = null!;
    public HashSet<int> Answered { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = EvenhandApi.Today(time);
        Inspections = await inspections.PageAsync(PageRequest.Parse(After, Before, Last, PageNumber, InspectionsPerPage, InspectionKey.Parse), ct);
        var ids = Inspections.Items.Select(i => i.Id).ToList();
        var rows = (await plans.RowsForInspectionsAsync(Force.Id, ids, ct)).ToLookup(p => p.Recommendation.InspectionId);
        Groups = Inspections.Items.Select(i => (i, rows[i.Id].ToList())).ToList();
        Answered = (await responses.ListForInspectionsAsync(Force.Id, ids, ct))
            .SelectMany(r => r.Items).Where(i => i.IsComplete).Select(i => i.RecommendationId).ToHashSet();
        Links = PageLinks.For(Inspections, i => i.Key.ToString(), paging => PageLinks.Join($"/forces/{Force.Slug}/recommendations", paging), Request.Path + Request.QueryString);
    }
}

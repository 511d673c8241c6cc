using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Web.Api;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Responses;

/// <summary>
/// The force's section 55 responses: one line per inspection, newest first, 25 a page read by key (<c>after</c>,
/// <c>before</c>, <c>last</c>), with the response (if any) to each inspection on the page.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.ReadSection55Drafts)]
public sealed class IndexModel(Section55Service responses, InspectionService inspections, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    public const int PageSize = 25;

    public sealed record Row(InspectionSummary Inspection, Section55Response? Response, int ForceRecommendations, int Answered, bool Late);

    [FromQuery(Name = "after")] public string? After { get; set; }
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "last")] public bool Last { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Force Force => CurrentForce;
    public List<Row> Rows { get; private set; } = [];
    public KeysetPage<InspectionSummary> Inspections { get; private set; } = KeysetPage.Empty<InspectionSummary>(PageSize);
    public PageLinks Links { get; private set; } = null!;
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanWrite = (await authz.AuthorizeAsync(User, Policies.WriteSection55)).Succeeded;
        var today = EvenhandApi.Today(time);
        Inspections = await inspections.PageAsync(PageRequest.Parse(After, Before, Last, PageNumber, PageSize, InspectionKey.Parse), ct);
        var ids = Inspections.Items.Select(i => i.Id).ToList();
        var mine = (await responses.ListForInspectionsAsync(Force.Id, ids, ct)).ToDictionary(r => r.InspectionId);
        var forceRecs = (await inspections.ForceRecommendationIdsAsync(ids, ct)).ToLookup(r => r.InspectionId, r => r.Id);
        foreach (var i in Inspections.Items)
        {
            var recs = forceRecs[i.Id].ToHashSet();
            mine.TryGetValue(i.Id, out var r);
            var answered = r?.Items.Count(x => x.IsComplete && recs.Contains(x.RecommendationId)) ?? 0;
            Rows.Add(new Row(i, r, recs.Count, answered, r?.IsLate(today) ?? today > i.Section55DueOn));
        }

        Links = PageLinks.For(Inspections, i => i.Key.ToString(), paging => PageLinks.Join($"/forces/{Force.Slug}/responses", paging), Request.Path + Request.QueryString);
    }
}

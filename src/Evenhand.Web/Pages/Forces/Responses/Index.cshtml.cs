using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Web.Api;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Forces.Responses;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.ReadSection55Drafts)]
public sealed class IndexModel(Section55Service responses, InspectionService inspections, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    public sealed record Row(Inspection Inspection, Section55Response? Response, int ForceRecommendations, int Answered, bool Late);

    public Force Force => CurrentForce;
    public List<Row> Rows { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanWrite = (await authz.AuthorizeAsync(User, Policies.WriteSection55)).Succeeded;
        var today = EvenhandApi.Today(time);
        var mine = (await responses.ListForForceAsync(Force.Id, ct)).ToDictionary(r => r.InspectionId);
        foreach (var i in await inspections.ListAsync(ct))
        {
            var forceRecs = i.Recommendations.Where(r => r.AppliesToForces).Select(r => r.Id).ToHashSet();
            mine.TryGetValue(i.Id, out var r);
            var answered = r?.Items.Count(x => x.IsComplete && forceRecs.Contains(x.RecommendationId)) ?? 0;
            Rows.Add(new Row(i, r, forceRecs.Count, answered, r?.IsLate(today) ?? today > i.Section55DueOn));
        }
    }
}

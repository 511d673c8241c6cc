using Evenhand.Forces;
using Evenhand.Responses;
using Evenhand.Web.Api;
using Evenhand.Web.Infrastructure;

namespace Evenhand.Web.Pages.Forces.Recommendations;

public sealed class IndexModel(ForceResponseService plans, Section55Service responses, TimeProvider time) : EvenhandPageModel
{
    public Force Force => CurrentForce;
    public List<IGrouping<string, ForceResponse>> Groups { get; private set; } = [];
    public HashSet<int> Answered { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = EvenhandApi.Today(time);
        var list = await plans.ListForForceAsync(Force.Id, ct);
        Groups = list.GroupBy(p => p.Recommendation!.Inspection!.Title).ToList();
        Answered = (await responses.ListForForceAsync(Force.Id, ct))
            .SelectMany(r => r.Items).Where(i => i.IsComplete).Select(i => i.RecommendationId).ToHashSet();
    }
}

using Evenhand.HateIncidents;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Forces.HateIncidents.ReviewQueue;

/// <summary>
/// The specialist review queue (every NCHI; immediate-risk ones after deployment), overdue items first, plus the other work
/// falling due: subjects to tell, replies to answer, retention reviews and systems to purge.
/// </summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, TimeProvider time) : EvenhandPageModel
{
    public Evenhand.Forces.Force Force => CurrentForce;
    public IReadOnlyList<HateIncident> Queue { get; private set; } = [];
    public IReadOnlyList<DueWorkItem> Due { get; private set; } = [];
    public ForceHatePolicy Policy { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Today = HateIncidentService.LondonDate(Now);
        Policy = await policies.GetAsync(Force.Id, ct);
        Queue = await incidents.ReviewQueueAsync(Force.Id, ct);
        Due = await incidents.DueWorkAsync(Force.Id, Now, ct);
    }
}

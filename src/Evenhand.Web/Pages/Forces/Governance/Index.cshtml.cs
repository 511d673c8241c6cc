using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Forces.Governance;

/// <summary>The force's governance registers, each with what it measures for the recommendations it answers.</summary>
[Authorize(Policy = Infrastructure.Policies.SeeRepresentations)]
public sealed class IndexModel(GovernanceEvidenceService evidence, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    public Evenhand.Forces.Force Force => CurrentForce;
    public IReadOnlyList<EvidenceIndicator> Indicators { get; private set; } = [];
    public bool SeesAllRegisters { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SeesAllRegisters = (await authz.AuthorizeAsync(User, Infrastructure.Policies.SeeRegisters)).Succeeded;
        Indicators = await evidence.ForForceAsync(Force.Id, time.Today(), ct);
    }
}

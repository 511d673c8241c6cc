using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evenhand.Web.Pages.Forces.Governance.VisibleRepresentations;

/// <summary>The force's policy on visible representations as the workforce reads it: what may and may not be worn, and why.</summary>
public sealed class PolicyModel(VisibleRepresentationService register) : EvenhandPageModel
{
    public Evenhand.Forces.Force Force => CurrentForce;
    public IReadOnlyList<VisibleRepresentation> Decisions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Decisions = await register.AllAsync(Force.Id, ct);
}

using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class DetailModel(StaffNetworkService register, IAuthorizationService authz) : EvenhandPageModel
{
    [FromRoute] public int Id { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public StaffNetwork Network { get; private set; } = null!;
    public IReadOnlyList<GovernanceHistoryEntry> History { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Network = await register.GetAsync(Force.Id, Id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        History = await register.HistoryAsync(Force.Id, Id, ct);
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        return Page();
    }
}

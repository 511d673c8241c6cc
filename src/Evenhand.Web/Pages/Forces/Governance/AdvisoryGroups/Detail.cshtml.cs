using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class DetailModel(AdvisoryGroupService register, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    [FromRoute] public int Id { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public AdvisoryGroup Group { get; private set; } = null!;
    public GovernanceSettings Limits { get; private set; } = null!;
    public IReadOnlyList<GovernanceHistoryEntry> History { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Group = await register.GetAsync(Force.Id, Id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Limits = await register.SettingsAsync(Force.Id, ct);
        History = await register.HistoryAsync(Force.Id, Id, ct);
        Today = UkTime.Date(time.GetUtcNow());
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        return Page();
    }
}

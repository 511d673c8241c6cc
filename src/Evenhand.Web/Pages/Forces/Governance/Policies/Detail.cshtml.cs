using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Policies;

/// <summary>One policy: its review dates, flags, equality impact assessments and history.</summary>
[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class DetailModel(PolicyRegisterService register, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    [FromRoute] public int Id { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public PolicyDocument Policy { get; private set; } = null!;
    public IReadOnlyList<GovernanceHistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<string> Flags { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Policy = await register.GetAsync(Force.Id, Id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        History = await register.HistoryAsync(Force.Id, Id, ct);
        Flags = PolicyRegisterService.Flags(Policy, UkTime.Date(time.GetUtcNow()));
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        return Page();
    }
}

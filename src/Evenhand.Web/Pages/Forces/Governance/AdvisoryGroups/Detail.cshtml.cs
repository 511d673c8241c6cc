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

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public int MeetingId { get; set; }
    [BindProperty] public string? WeDid { get; set; }

    /// <summary>"We did": the force's feedback on what the group raised at a meeting.</summary>
    public async Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            if (await TryAsync(() => register.RecordFeedbackAsync(Force.Id, Id, Version, MeetingId, WeDid, Actor(time), ct), nameof(WeDid)))
            {
                return RedirectWithNotice("Feedback recorded", GovernancePages.Group(Force.Slug, Id));
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await OnGetAsync(ct);
    }

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

        Version = Group.Version;
        Limits = await register.SettingsAsync(Force.Id, ct);
        History = await register.HistoryAsync(Force.Id, Id, ct);
        Today = UkTime.Date(time.GetUtcNow());
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        return Page();
    }
}

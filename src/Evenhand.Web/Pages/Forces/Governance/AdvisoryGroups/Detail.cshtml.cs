using Evenhand.Common;
using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class DetailModel(AdvisoryGroupService register, IAuthorizationService authz, TimeProvider time)
    : RegisterDetailModel<AdvisoryGroup>(authz, Infrastructure.Policies.EditRegisters, time)
{
    public AdvisoryGroup Group => Record;
    public GovernanceSettings Limits { get; private set; } = null!;

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public int MeetingId { get; set; }
    [BindProperty] public string? WeDid { get; set; }

    /// <summary>"We did": the force's feedback on what the group raised at a meeting.</summary>
    public async Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct)
    {
        if (!(await Authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            if (await TryAsync(() => register.RecordFeedbackAsync(Force.Id, Id, Version, MeetingId, WeDid, Actor(Time), ct), nameof(WeDid)))
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

    protected override Task<AdvisoryGroup> GetAsync(CancellationToken ct) => register.GetAsync(Force.Id, Id, ct);

    protected override Task<IReadOnlyList<GovernanceHistoryEntry>> HistoryAsync(CancellationToken ct) => register.HistoryAsync(Force.Id, Id, ct);

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Version = Record.Version;
        Limits = await register.SettingsAsync(Force.Id, ct);
    }
}

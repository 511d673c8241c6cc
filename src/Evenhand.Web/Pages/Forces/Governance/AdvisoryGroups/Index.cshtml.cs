using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

/// <summary>The force's advisory groups with their flags, the force's limits, and the register as CSV.</summary>
[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class IndexModel(AdvisoryGroupService register, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    [FromQuery] public AdvisoryGroupType? Type { get; set; }
    [FromQuery] public bool Flagged { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public IReadOnlyList<AdvisoryGroup> Groups { get; private set; } = [];
    public GovernanceSettings Limits { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public int? TermsOfReferenceMaxAgeMonths { get; set; }
    [BindProperty] public int? MemberTenureLimitYears { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Version = Limits.Version;
        TermsOfReferenceMaxAgeMonths = Limits.TermsOfReferenceMaxAgeMonths;
        MemberTenureLimitYears = Limits.MemberTenureLimitYears;
    }

    public async Task<IActionResult> OnPostLimitsAsync(CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded)
        {
            return Forbid();
        }

        if (await TryAsync(() => register.UpdateSettingsAsync(Force.Id, Version, TermsOfReferenceMaxAgeMonths, MemberTenureLimitYears, Actor(time), ct), nameof(MemberTenureLimitYears)))
        {
            return RedirectWithNotice("Limits saved", GovernancePages.Groups(Force.Slug));
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var rows = Groups.Select(g => new
        {
            g.Name, Type = AdvisoryGroup.Describe(g.Type), TermsOfReferenceReviewedOn = g.TermsOfReferenceReviewedOn?.ToString("yyyy-MM-dd"), g.Chair,
            ChairIs = AdvisoryGroup.Describe(g.ChairKind), Members = g.Members.Count(m => m.LeftOn is null),
            NotVetted = g.Members.Count(m => m.LeftOn is null && m.Vetting == VettingDecision.NotVetted), Flags = string.Join("; ", g.Flags(Today, Limits)),
        });
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"{Force.Slug}-advisory-groups.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = UkTime.Date(time.GetUtcNow());
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        Limits = await register.SettingsAsync(Force.Id, ct);
        // A force has a handful of groups: filtered here, where the flags are computed.
        Groups = [.. (await register.AllAsync(Force.Id, ct)).Where(g => (Type is null || g.Type == Type) && (!Flagged || g.Flags(Today, Limits).Count > 0))];
    }
}

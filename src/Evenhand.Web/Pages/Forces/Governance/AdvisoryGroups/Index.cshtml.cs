using System.Globalization;
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
    public const int PageSize = 25;

    [FromQuery] public AdvisoryGroupType? Type { get; set; }
    [FromQuery] public bool Flagged { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Evenhand.Forces.Force Force => CurrentForce;
    /// <summary>The page of groups shown (<see cref="PageSize"/> a page).</summary>
    public IReadOnlyList<AdvisoryGroup> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
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
        await LoadAsync(ct, all: true);
        var rows = Groups.Select(g => new
        {
            g.Name, Type = AdvisoryGroup.Describe(g.Type), TermsOfReferenceReviewedOn = g.TermsOfReferenceReviewedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Chair,
            ChairIs = AdvisoryGroup.Describe(g.ChairKind), Members = g.Members.Count(m => m.LeftOn is null),
            NotVetted = g.Members.Count(m => m.LeftOn is null && m.Vetting == VettingDecision.NotVetted), Flags = string.Join("; ", g.Flags(Today, Limits)),
        });
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"{Force.Slug}-advisory-groups.csv");
    }

    public string PageUrl(int page) => Infrastructure.PageLinks.Join(GovernancePages.Groups(Force.Slug),
        Type is { } t ? $"Type={t}" : null, Flagged ? "Flagged=true" : null, $"page={page}");

    private async Task LoadAsync(CancellationToken ct, bool all = false)
    {
        Today = UkTime.Date(time.GetUtcNow());
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        Limits = await register.SettingsAsync(Force.Id, ct);
        // A force has a handful of groups: filtered here, where the flags are computed.
        var matching = (await register.AllAsync(Force.Id, ct)).Where(g => (Type is null || g.Type == Type) && (!Flagged || g.Flags(Today, Limits).Count > 0)).ToList();
        Total = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Groups = all ? matching : matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }
}

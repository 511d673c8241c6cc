using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

/// <summary>Adds a member with the vetting decision: vetted, or not vetted with the mitigations and the rationale.</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class AddMemberModel(AdvisoryGroupService register, TimeProvider time) : RegisterFormModel<MemberDetails>
{
    [FromRoute] public int Id { get; set; }

    public string GroupName { get; private set; } = "";

    [BindProperty] public string? Name { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date joined")] public DateOnly? JoinedOn { get; set; }
    [BindProperty] public VettingDecision? Vetting { get; set; }
    [BindProperty] public bool BackgroundCheck { get; set; }
    [BindProperty] public bool ConfidentialityAgreement { get; set; }
    [BindProperty] public bool Escorted { get; set; }
    [BindProperty] public string? VettingRationale { get; set; }
    [BindProperty] public string? Training { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => register.GetAsync(Force.Id, Id, ct), g =>
    {
        Version = g.Version;
        GroupName = g.Name;
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => register.GetAsync(Force.Id, Id, ct), async d => { await register.AddMemberAsync(Force.Id, Id, Version, d, Actor(time), ct); return Id; }, "Member added", id => GovernancePages.Group(Force.Slug, id));

    protected override MemberDetails? ReadDetails()
    {
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter the member's name");
        RequireDate(JoinedOn, nameof(JoinedOn), "Enter the date the member joined");
        if (Vetting is null) ModelState.AddModelError(nameof(Vetting), "Record the vetting decision");
        return ModelState.ErrorCount > 0 ? null : new MemberDetails(Name, JoinedOn, Vetting, BackgroundCheck, ConfidentialityAgreement, Escorted, VettingRationale, Training);
    }
}

using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

/// <summary>A funding request with its assessment of local need and the decision (recommendation 22).</summary>
[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class AddFundingModel(StaffNetworkService register, TimeProvider time) : RegisterFormModel<FundingDetails>
{
    [FromRoute] public int Id { get; set; }

    public string NetworkName { get; private set; } = "";

    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of the request")] public DateOnly? RequestedOn { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public decimal? WorkforceSharePercent { get; set; }
    [BindProperty] public decimal? LocalPopulationSharePercent { get; set; }
    [BindProperty] public bool RecruitmentOrRetentionConcern { get; set; }
    [BindProperty] public FundingDecision? Decision { get; set; }
    [BindProperty] public decimal? AmountAwarded { get; set; }
    [BindProperty] public string? Rationale { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(() => register.GetAsync(Force.Id, Id, ct), n =>
    {
        Version = n.Version;
        NetworkName = n.Name;
    });

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(() => register.GetAsync(Force.Id, Id, ct), async d => { await register.AddFundingRequestAsync(Force.Id, Id, Version, d, Actor(time), ct); return Id; }, "Funding request recorded", id => GovernancePages.Network(Force.Slug, id));

    protected override FundingDetails? ReadDetails()
    {
        RequireDate(RequestedOn, nameof(RequestedOn), "Enter the date of the request");
        if (string.IsNullOrWhiteSpace(Purpose)) ModelState.AddModelError(nameof(Purpose), "Say what the funding is for");
        if (Amount is null && ModelState[nameof(Amount)]?.Errors.Count is null or 0) ModelState.AddModelError(nameof(Amount), "Enter the amount requested");
        if (Decision is null) ModelState.AddModelError(nameof(Decision), "Record the decision, or that it is pending");
        return ModelState.ErrorCount > 0 ? null
            : new FundingDetails(RequestedOn, Purpose, Amount, WorkforceSharePercent, LocalPopulationSharePercent, RecruitmentOrRetentionConcern, Decision, AmountAwarded, Rationale);
    }
}

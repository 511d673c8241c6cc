using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

/// <summary>
/// The fields of the funding-request forms (record and change). The rules live in <see cref="FundingRequest"/> only: the
/// form binds the fields and shows the domain's refusals against each one, in the form's order.
/// </summary>
public abstract class FundingFormModel : RegisterFormModel<FundingDetails>, IFormFieldOrder
{
    [FromRoute] public int Id { get; set; }

    public string NetworkName { get; protected set; } = "";

    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of the request")] public DateOnly? RequestedOn { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public decimal? WorkforceSharePercent { get; set; }
    [BindProperty] public decimal? LocalPopulationSharePercent { get; set; }
    [BindProperty] public bool RecruitmentOrRetentionConcern { get; set; }
    [BindProperty] public FundingDecision? Decision { get; set; }
    [BindProperty] public decimal? AmountAwarded { get; set; }
    [BindProperty] public string? Rationale { get; set; }

    public IReadOnlyList<string> FieldOrder =>
    [
        nameof(RequestedOn), nameof(Purpose), nameof(Amount), nameof(WorkforceSharePercent), nameof(LocalPopulationSharePercent),
        nameof(RecruitmentOrRetentionConcern), nameof(Decision), nameof(AmountAwarded), nameof(Rationale),
    ];

    /// <summary>The details as posted; a value the form could not read (a date, a number) has already been reported against its field.</summary>
    protected override FundingDetails? ReadDetails() =>
        ModelState.ErrorCount > 0 ? null
            : new FundingDetails(RequestedOn, Purpose, Amount, WorkforceSharePercent, LocalPopulationSharePercent, RecruitmentOrRetentionConcern, Decision, AmountAwarded, Rationale);

    protected void Fill(FundingRequest r)
    {
        RequestedOn = r.RequestedOn;
        Purpose = r.Purpose;
        Amount = r.Amount;
        WorkforceSharePercent = r.WorkforceSharePercent;
        LocalPopulationSharePercent = r.LocalPopulationSharePercent;
        RecruitmentOrRetentionConcern = r.RecruitmentOrRetentionConcern;
        Decision = r.Decision;
        AmountAwarded = r.AmountAwarded;
        Rationale = r.Rationale;
    }
}

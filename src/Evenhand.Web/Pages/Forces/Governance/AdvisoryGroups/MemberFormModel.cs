using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

/// <summary>
/// The fields of the add-member and change-member forms. The rules for them live in <see cref="AdvisoryGroup"/> only: the
/// form binds them and shows the domain's refusals against each field (in the form's order), so nothing is checked twice.
/// </summary>
public abstract class MemberFormModel : RegisterFormModel<MemberDetails>, IFormFieldOrder
{
    [FromRoute] public int Id { get; set; }

    public string GroupName { get; protected set; } = "";

    [BindProperty] public string? Name { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date joined")] public DateOnly? JoinedOn { get; set; }
    /// <summary>The day the member left (the change form only; blank while they are a member).</summary>
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date left")] public DateOnly? LeftOn { get; set; }

    /// <summary>Whether the form asks for the leaving date (a new member has not left).</summary>
    public abstract bool AsksLeftOn { get; }

    [BindProperty] public VettingDecision? Vetting { get; set; }
    [BindProperty] public bool BackgroundCheck { get; set; }
    [BindProperty] public bool ConfidentialityAgreement { get; set; }
    [BindProperty] public bool Escorted { get; set; }
    [BindProperty] public string? VettingRationale { get; set; }
    [BindProperty] public string? Training { get; set; }

    /// <summary>The form's fields in the order the page shows them (the error summary lists refusals in this order).</summary>
    public IReadOnlyList<string> FieldOrder =>
        [nameof(Name), nameof(JoinedOn), nameof(LeftOn), nameof(Vetting), nameof(BackgroundCheck), nameof(VettingRationale), nameof(Training)];

    /// <summary>The details as posted; a date the date input could not read has already been reported against its field.</summary>
    protected override MemberDetails? ReadDetails() =>
        ModelState.ErrorCount > 0 ? null : new MemberDetails(Name, JoinedOn, Vetting, BackgroundCheck, ConfidentialityAgreement, Escorted, VettingRationale, Training);

    protected void Fill(AdvisoryGroupMember m)
    {
        Name = m.Name;
        JoinedOn = m.JoinedOn;
        Vetting = m.Vetting;
        BackgroundCheck = m.BackgroundCheck;
        ConfidentialityAgreement = m.ConfidentialityAgreement;
        Escorted = m.Escorted;
        VettingRationale = m.VettingRationale;
        Training = m.Training;
        LeftOn = m.LeftOn;
    }
}

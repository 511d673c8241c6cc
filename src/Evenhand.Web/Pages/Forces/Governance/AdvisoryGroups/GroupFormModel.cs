using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.AdvisoryGroups;

public abstract class GroupFormModel : RegisterFormModel<AdvisoryGroupDetails>
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public AdvisoryGroupType? Type { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Terms of reference review date")] public DateOnly? TermsOfReferenceReviewedOn { get; set; }
    [BindProperty] public string? Chair { get; set; }
    [BindProperty] public ChairKind? ChairKind { get; set; }
    [BindProperty] public string? Payments { get; set; }

    protected override AdvisoryGroupDetails? ReadDetails()
    {
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Name the group");
        if (Type is null) ModelState.AddModelError(nameof(Type), "Choose the type of group");
        if (string.IsNullOrWhiteSpace(Chair)) ModelState.AddModelError(nameof(Chair), "Enter the chair's name");
        if (ChairKind is null) ModelState.AddModelError(nameof(ChairKind), "Say who the chair is");
        return ModelState.ErrorCount > 0 ? null : new AdvisoryGroupDetails(Name, Type, TermsOfReferenceReviewedOn, Chair, ChairKind, Payments);
    }

    protected void Fill(AdvisoryGroup g)
    {
        Version = g.Version;
        Name = g.Name;
        Type = g.Type;
        TermsOfReferenceReviewedOn = g.TermsOfReferenceReviewedOn;
        Chair = g.Chair;
        ChairKind = g.ChairKind;
        Payments = g.Payments;
    }
}

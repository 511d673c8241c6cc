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

    /// <inheritdoc/>
    protected override Action<AdvisoryGroupDetails>? DryRun => d => AdvisoryGroup.Create(0, d, Today);

    protected override AdvisoryGroupDetails? ReadDetails()
    {
        return new AdvisoryGroupDetails(Name, Type, TermsOfReferenceReviewedOn, Chair, ChairKind, Payments);
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

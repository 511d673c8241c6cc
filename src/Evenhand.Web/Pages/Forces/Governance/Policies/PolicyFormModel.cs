using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Policies;

/// <summary>The fields of a policy, shared by the add and change pages.</summary>
public abstract class PolicyFormModel : RegisterFormModel<PolicyDetails>
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public bool? RelatesToEqualityAct { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Last review date")] public DateOnly? LastReviewedOn { get; set; }
    [BindProperty] public int? ReviewIntervalMonths { get; set; } = PolicyDocument.DefaultReviewIntervalMonths;
    [BindProperty] public string? Notes { get; set; }

    /// <summary>Field-by-field checks, so the error summary links to each field; the domain checks the rest.</summary>
    protected override PolicyDetails? ReadDetails()
    {
        if (string.IsNullOrWhiteSpace(Title)) ModelState.AddModelError(nameof(Title), "Enter the policy's title");
        if (string.IsNullOrWhiteSpace(Owner)) ModelState.AddModelError(nameof(Owner), "Enter the policy's owner (a role or team)");
        if (RelatesToEqualityAct is null) ModelState.AddModelError(nameof(RelatesToEqualityAct), "Select whether the policy relates to the Equality Act 2010");
        if (ReviewIntervalMonths is null && ModelState[nameof(ReviewIntervalMonths)]?.Errors.Count is null or 0)
        {
            ModelState.AddModelError(nameof(ReviewIntervalMonths), "Enter the review interval in months");
        }

        return ModelState.ErrorCount > 0
            ? null
            : new PolicyDetails(Title, Reference, Owner, RelatesToEqualityAct!.Value, LastReviewedOn, ReviewIntervalMonths, Notes);
    }

    protected void Fill(PolicyDocument p)
    {
        Version = p.Version;
        Title = p.Title;
        Reference = p.Reference;
        Owner = p.Owner;
        RelatesToEqualityAct = p.RelatesToEqualityAct;
        LastReviewedOn = p.LastReviewedOn;
        ReviewIntervalMonths = p.ReviewIntervalMonths;
        Notes = p.Notes;
    }
}

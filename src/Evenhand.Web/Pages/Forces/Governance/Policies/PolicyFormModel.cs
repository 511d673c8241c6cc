using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The details as posted (the domain refuses what is missing or wrong, field by field); only whether the policy relates to the Equality Act is the form's own question.</summary>
    /// <inheritdoc/>
    protected override Action<PolicyDetails>? DryRun => d => PolicyDocument.Create(0, d, Today, Common.ProcessContext.System(HttpContext.RequestServices.GetRequiredService<TimeProvider>(), "Form check"));

    protected override PolicyDetails? ReadDetails()
    {
        if (RelatesToEqualityAct is null) ModelState.AddModelError(nameof(RelatesToEqualityAct), "Select whether the policy relates to the Equality Act 2010");
        // Unanswered, the question's error stops the save; "no" stands in so the domain's rules can still be checked at once.
        return new PolicyDetails(Title, Reference, Owner, RelatesToEqualityAct ?? false, LastReviewedOn, ReviewIntervalMonths, Notes);
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

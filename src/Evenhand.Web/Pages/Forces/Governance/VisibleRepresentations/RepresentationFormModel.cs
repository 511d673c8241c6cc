using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.VisibleRepresentations;

/// <summary>The fields of a decision on a visible representation, shared by the add and change pages.</summary>
public abstract class RepresentationFormModel : RegisterFormModel<RepresentationDetails>
{
    [BindProperty] public RepresentationItem? Item { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Cause { get; set; }
    [BindProperty] public RepresentationDecision? Decision { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "First day")] public DateOnly? PermittedFrom { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Last day")] public DateOnly? PermittedTo { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public string? DecidedBy { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of the decision")] public DateOnly? DecidedOn { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Review date")] public DateOnly? ReviewOn { get; set; }

    /// <inheritdoc/>
    protected override Action<RepresentationDetails>? DryRun => d => VisibleRepresentation.Create(0, d, Today);

    protected override RepresentationDetails? ReadDetails()
    {
        return new RepresentationDetails(Item, Description, Cause, Decision, PermittedFrom, PermittedTo, Conditions, DecidedBy, DecidedOn, Rationale, ReviewOn);
    }

    protected void Fill(VisibleRepresentation r)
    {
        Version = r.Version;
        Item = r.Item;
        Description = r.Description;
        Cause = r.Cause;
        Decision = r.Decision;
        PermittedFrom = r.PermittedFrom;
        PermittedTo = r.PermittedTo;
        Conditions = r.Conditions;
        DecidedBy = r.DecidedBy;
        DecidedOn = r.DecidedOn;
        Rationale = r.Rationale;
        ReviewOn = r.ReviewOn;
    }
}

using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.HorizonScan;

public abstract class IssueFormModel : RegisterFormModel<IssueDetails>
{
    [BindProperty] public string? Issue { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date first seen")] public DateOnly? FirstSeenOn { get; set; }
    [BindProperty] public RiskLevel? Risk { get; set; }
    [BindProperty] public string? RiskAssessment { get; set; }
    [BindProperty] public string? AgreedPosition { get; set; }
    [BindProperty] public string? CommunicationLines { get; set; }
    [BindProperty] public IssueStatus? Status { get; set; } = IssueStatus.Open;

    /// <inheritdoc/>
    protected override Action<IssueDetails>? DryRun => d => ContentiousIssue.Create(0, d, Today);

    protected override IssueDetails? ReadDetails()
    {
        return new IssueDetails(Issue, FirstSeenOn, Risk, RiskAssessment, AgreedPosition, CommunicationLines, Status);
    }

    protected void Fill(ContentiousIssue i)
    {
        Version = i.Version;
        Issue = i.Issue;
        FirstSeenOn = i.FirstSeenOn;
        Risk = i.Risk;
        RiskAssessment = i.RiskAssessment;
        AgreedPosition = i.AgreedPosition;
        CommunicationLines = i.CommunicationLines;
        Status = i.Status;
    }
}

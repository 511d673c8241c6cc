using System.ComponentModel.DataAnnotations;
using Evenhand.Common;

namespace Evenhand.Governance;

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

public enum IssueStatus
{
    Open,
    Monitoring,
    Closed,
}

public sealed record IssueDetails(string? Issue, DateOnly? FirstSeenOn, RiskLevel? Risk, string? RiskAssessment, string? AgreedPosition, string? CommunicationLines, IssueStatus? Status);

/// <summary>
/// A contentious issue on the force's horizon scan (recommendation 6): a matter on which the force may have to police, speak or
/// be seen, with its risk, the position agreed in advance and the lines the force will use.
/// </summary>
public sealed class ContentiousIssue : VersionedEntity
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    [MaxLength(200)]
    public string Issue { get; private set; } = "";
    public DateOnly FirstSeenOn { get; private set; }
    public RiskLevel Risk { get; private set; }
    [MaxLength(4000)]
    public string RiskAssessment { get; private set; } = "";
    [MaxLength(4000)]
    public string? AgreedPosition { get; private set; }
    [MaxLength(4000)]
    public string? CommunicationLines { get; private set; }
    public IssueStatus Status { get; private set; }

    /// <summary>Still live, but with no agreed position or no communication lines yet.</summary>
    public bool IsUnprepared => Status != IssueStatus.Closed && (AgreedPosition is null || CommunicationLines is null);

    public static ContentiousIssue Create(int forceId, IssueDetails d, DateOnly today)
    {
        var issue = new ContentiousIssue { ForceId = forceId };
        issue.Apply(d, today);
        return issue;
    }

    public IReadOnlyList<string> Apply(IssueDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        var name = Text.Clean(d.Issue);
        var assessment = Text.Clean(d.RiskAssessment);
        if (name is null) problems.Add("Issue", "Name the issue.");
        else problems.TooLong<ContentiousIssue>("Issue", name, "The issue's name");
        if (d.FirstSeenOn is null) problems.Add("FirstSeenOn", "Enter when the issue was first seen.");
        else if (d.FirstSeenOn > today) problems.Add("FirstSeenOn", "The date first seen cannot be in the future.");
        if (d.Risk is null) problems.Add("Risk", "Choose the level of risk.");
        if (assessment is null) problems.Add("RiskAssessment", "Write the risk assessment.");
        if (d.Status is null) problems.Add("Status", "Choose the status.");
        if (d.Status == IssueStatus.Closed && (Text.Clean(d.AgreedPosition) is null))
        {
            problems.Add("AgreedPosition", "Record the position the force took before closing the issue.");
        }

        problems.Lengths<ContentiousIssue>(d);
        problems.ThrowIfAny();

        var changes = new Changes();
        changes.Set("Issue", Issue, name!, v => Issue = v);
        changes.Set("First seen", FirstSeenOn, d.FirstSeenOn!.Value, v => FirstSeenOn = v);
        changes.Set("Risk", Risk, d.Risk!.Value, v => Risk = v);
        changes.Set("Risk assessment", RiskAssessment, assessment!, v => RiskAssessment = v);
        changes.Set("Agreed position", AgreedPosition, Text.Clean(d.AgreedPosition), v => AgreedPosition = v);
        changes.Set("Communication lines", CommunicationLines, Text.Clean(d.CommunicationLines), v => CommunicationLines = v);
        changes.Set("Status", Status, d.Status!.Value, v => Status = v);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }
}

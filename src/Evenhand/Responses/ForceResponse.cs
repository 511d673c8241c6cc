using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;

namespace Evenhand.Responses;

/// <summary>The force's own view of where its work stands.</summary>
public enum ForceProgress
{
    NotStarted,
    InProgress,
    AwaitingNationalGuidance,
    Complete,
}

/// <summary>The PCC office's or inspectorate's judgement of the force's evidence — kept apart from the force's own view.</summary>
public enum AssessmentStatus
{
    NotAssessed,
    EvidenceInsufficient,
    AcceptedAsClosed,
}

public enum ActionStatus
{
    Open,
    InProgress,
    Done,
}

/// <summary>
/// A force's action plan for one recommendation: its progress, the independent assessment, a definition of done,
/// leads, actions, evidence, governance decisions and a timeline of every update.
/// </summary>
public sealed class ForceResponse : VersionedEntity
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    public Force? Force { get; set; }
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }

    public ForceProgress Progress { get; private set; } = ForceProgress.NotStarted;
    public AssessmentStatus Assessment { get; private set; } = AssessmentStatus.NotAssessed;
    public string? AssessedBy { get; private set; }
    public DateTimeOffset? AssessedAt { get; private set; }
    public string? AssessmentNote { get; private set; }

    /// <summary>The evidence that will show the recommendation is met, written before the work is done.</summary>
    public string? DefinitionOfDone { get; private set; }
    [MaxLength(200)]
    public string? ExecutiveLead { get; private set; }
    [MaxLength(200)]
    public string? DeliveryLead { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    public List<PlanAction> Actions { get; set; } = [];
    public List<EvidenceItem> Evidence { get; set; } = [];
    public List<GovernanceMeeting> Meetings { get; set; } = [];
    public List<ForceResponseUpdate> Timeline { get; set; } = [];

    public bool IsOverdue(DateOnly today) =>
        DeadlineRules.IsOverdue(Recommendation?.EffectiveDueDate, today, Progress == ForceProgress.Complete);

    public void UpdatePlan(string? definitionOfDone, string? executiveLead, string? deliveryLead, ProcessContext ctx)
    {
        var problems = new FieldProblems();
        problems.TooLong<ForceResponse>(nameof(ExecutiveLead), Clean(executiveLead), "The executive lead");
        problems.TooLong<ForceResponse>(nameof(DeliveryLead), Clean(deliveryLead), "The delivery lead");
        problems.ThrowIfAny();
        var changes = new List<string>();
        Track(changes, "Definition of done", DefinitionOfDone, definitionOfDone);
        Track(changes, "Executive lead", ExecutiveLead, executiveLead);
        Track(changes, "Delivery lead", DeliveryLead, deliveryLead);
        DefinitionOfDone = Clean(definitionOfDone);
        ExecutiveLead = Clean(executiveLead);
        DeliveryLead = Clean(deliveryLead);
        Record(ctx, changes);
    }

    /// <summary>Changes the force's progress. "Complete" needs evidence: a claim of completion with nothing behind it is what the report criticises.</summary>
    public void SetProgress(ForceProgress progress, ProcessContext ctx)
    {
        if (progress == Progress)
        {
            return;
        }

        if (progress == ForceProgress.Complete && Evidence.Count == 0)
        {
            throw new DomainRuleException("Add evidence before marking the recommendation complete.");
        }

        var before = Progress;
        if (before == progress)
        {
            return; // Nothing changed: no history entry.
        }

        Progress = progress;
        if (Assessment == AssessmentStatus.AcceptedAsClosed && progress != ForceProgress.Complete)
        {
            // Reopening work withdraws an earlier acceptance.
            Assessment = AssessmentStatus.NotAssessed;
        }

        Record(ctx, [$"Progress: {Describe(before)} → {Describe(progress)}"]);
    }

    /// <summary>The PCC office's or inspectorate's assessment. Only complete work with evidence can be accepted as closed.</summary>
    public void Assess(AssessmentStatus assessment, string? note, ProcessContext ctx)
    {
        if (assessment == AssessmentStatus.AcceptedAsClosed)
        {
            if (Progress != ForceProgress.Complete)
            {
                throw new DomainRuleException("Only a recommendation the force has marked complete can be accepted as closed.");
            }

            if (Evidence.Count == 0)
            {
                throw new DomainRuleException("A recommendation cannot be accepted as closed without evidence.");
            }
        }

        var before = Assessment;
        Assessment = assessment;
        AssessmentNote = Clean(note);
        AssessedBy = ctx.UserName;
        AssessedAt = ctx.Now;
        Record(ctx, [$"Assessment: {Describe(before)} → {Describe(assessment)}" + (AssessmentNote is null ? "" : $" ({AssessmentNote})")]);
    }

    public EvidenceItem AddEvidence(EvidenceKind kind, string? text, string? url, string? fileName, string? contentType, byte[]? content, ProcessContext ctx)
    {
        var item = EvidenceItem.Create(kind, text, url, fileName, contentType, content, ctx);
        Evidence.Add(item);
        Record(ctx, [$"Evidence added: {item.Summary}"]);
        return item;
    }

    /// <param name="ownerUserId">The owner as a person who signs in to Evenhand (of this force, checked by the caller), who is then
    /// reminded of the action; <paramref name="owner"/> is the owner as shown (their name when left empty).</param>
    public PlanAction AddAction(string description, string? owner, DateOnly? dueOn, ProcessContext ctx, (string Id, string Name)? ownerUser = null)
    {
        var problems = new FieldProblems();
        if (string.IsNullOrWhiteSpace(description))
        {
            problems.Add(nameof(PlanAction.Description), "Describe the action.");
        }

        problems.TooLong<PlanAction>(nameof(PlanAction.Owner), Clean(owner), "Owner");
        problems.ThrowIfAny();
        var action = new PlanAction
        {
            Description = description.Trim(), Owner = Clean(owner) ?? ownerUser?.Name, OwnerUserId = ownerUser?.Id, DueOn = dueOn, Status = ActionStatus.Open,
        };
        Actions.Add(action);
        Record(ctx, [$"Action added: {action.Description}"]);
        return action;
    }

    public void SetActionStatus(PlanAction action, ActionStatus status, ProcessContext ctx)
    {
        if (!Actions.Contains(action))
        {
            throw new DomainRuleException("That action belongs to another plan.");
        }

        var before = action.Status;
        if (before == status)
        {
            return; // Nothing changed: no history entry.
        }

        action.Status = status;
        Record(ctx, [$"Action '{action.Description}': {Describe(before)} → {Describe(status)}"]);
    }

    /// <remarks>Refusals name <see cref="GovernanceMeeting"/>'s fields, in the form's order: board, date, decision.</remarks>
    public GovernanceMeeting AddMeeting(string board, DateOnly? held, string decision, ProcessContext ctx)
    {
        var problems = new FieldProblems();
        if (string.IsNullOrWhiteSpace(board))
        {
            problems.Add(nameof(GovernanceMeeting.Board), "Give the board that met.");
        }
        else
        {
            problems.TooLong<GovernanceMeeting>(nameof(GovernanceMeeting.Board), board.Trim(), "The board's name");
        }

        if (held is null)
        {
            problems.Add(nameof(GovernanceMeeting.HeldOn), "Enter the date of the meeting.");
        }

        if (string.IsNullOrWhiteSpace(decision))
        {
            problems.Add(nameof(GovernanceMeeting.Decision), "Give the decision the board made.");
        }

        problems.ThrowIfAny();
        var heldOn = held!.Value;
        var meeting = new GovernanceMeeting { Board = board.Trim(), HeldOn = heldOn, Decision = decision.Trim() };
        Meetings.Add(meeting);
        Record(ctx, [$"Governance: {meeting.Board} on {Format.Date(heldOn)} — {meeting.Decision}"]);
        return meeting;
    }

    public static string Describe(ForceProgress p) => p switch
    {
        ForceProgress.NotStarted => "Not started",
        ForceProgress.InProgress => "In progress",
        ForceProgress.AwaitingNationalGuidance => "Awaiting national guidance",
        ForceProgress.Complete => "Complete",
        _ => p.ToString(),
    };

    public static string Describe(ActionStatus s) => s switch
    {
        ActionStatus.Open => "Open",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Done => "Done",
        _ => s.ToString(),
    };

    public static string Describe(AssessmentStatus a) => a switch
    {
        AssessmentStatus.NotAssessed => "Not assessed",
        AssessmentStatus.EvidenceInsufficient => "Evidence insufficient",
        AssessmentStatus.AcceptedAsClosed => "Accepted as closed",
        _ => a.ToString(),
    };

    private void Record(ProcessContext ctx, List<string> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        Timeline.Add(new ForceResponseUpdate { At = ctx.Now, By = ctx.UserName, Change = string.Join("; ", changes) });
        UpdatedAt = ctx.Now;
        Bump();
    }

    private static void Track(List<string> changes, string field, string? before, string? after)
    {
        if (!string.Equals(Clean(before), Clean(after), StringComparison.Ordinal))
        {
            changes.Add($"{field} changed");
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class PlanAction
{
    public int Id { get; set; }
    public int ForceResponseId { get; set; }
    public required string Description { get; set; }
    [MaxLength(200)]
    public string? Owner { get; set; }

    /// <summary>The owner as a user of Evenhand, when one is named: the action is in their work and reminders, not the team's.</summary>
    public string? OwnerUserId { get; set; }
    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; }

    public bool IsOverdue(DateOnly today) => DeadlineRules.IsOverdue(DueOn, today, Status == ActionStatus.Done);
}

public sealed class GovernanceMeeting
{
    public int Id { get; set; }
    public int ForceResponseId { get; set; }
    [MaxLength(200)]
    public required string Board { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Decision { get; set; }
}

/// <summary>One line of a plan's timeline: who changed what, and when.</summary>
public sealed class ForceResponseUpdate
{
    public int Id { get; set; }
    public int ForceResponseId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public required string Change { get; set; }
}

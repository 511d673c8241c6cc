using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Responses;

public sealed record UpdateProgressOptions(Guid Version, ForceProgress Progress, string? EvidenceText, string? EvidenceUrl, UploadedFile? EvidenceFile);

public sealed record UpdatePlanOptions(Guid Version, string? DefinitionOfDone, string? ExecutiveLead, string? DeliveryLead);

public sealed record AssessOptions(Guid Version, AssessmentStatus Assessment, string? Note);

/// <param name="OwnerUserId">The owner as a user of the same force, who is then reminded of the action (optional).</param>
public sealed record AddActionOptions(Guid Version, string Description, string? Owner, DateOnly? DueOn, string? OwnerUserId = null);

/// <summary>A governance board's decision on the plan; a null date is refused by the domain, against <c>HeldOn</c>.</summary>
public sealed record AddMeetingOptions(Guid Version, string Board, DateOnly? HeldOn, string Decision);

/// <summary>One line of a force's list of plans: the recommendation, the force's progress, the assessment and how much evidence there is.</summary>
public sealed record PlanRow(Recommendation Recommendation, ForceProgress Progress, AssessmentStatus Assessment, int Evidence)
{
    public bool IsOverdue(DateOnly today) => DeadlineRules.IsOverdue(Recommendation.EffectiveDueDate, today, Progress == ForceProgress.Complete);
}

/// <summary>Reads and changes force action plans. Every change is audited and checked against the version the user saw.</summary>
public sealed class ForceResponseService(EvenhandDbContext db, MyWork.ReminderService? reminders = null)
{
    /// <summary>One force's plans for the recommendations of one inspection, with their evidence, by recommendation number.</summary>
    public Task<List<ForceResponse>> ListForInspectionAsync(int forceId, int inspectionId, CancellationToken ct = default) =>
        db.ForceResponses.AsNoTracking()
            .Where(r => r.ForceId == forceId && r.Recommendation!.InspectionId == inspectionId)
            .Include(r => r.Recommendation!).ThenInclude(r => r.Inspection)
            .Include(r => r.Evidence)
            .OrderBy(r => r.Recommendation!.Number)
            .AsSplitQuery()
            .ToListAsync(ct);

    /// <summary>
    /// One force's plans for the recommendations of some inspections (a page of them), with the number of evidence items
    /// counted in the database rather than loaded; newest inspection first, then by recommendation number.
    /// </summary>
    public async Task<List<PlanRow>> RowsForInspectionsAsync(int forceId, IReadOnlyCollection<int> inspectionIds, CancellationToken ct = default) =>
        await db.ForceResponses.AsNoTracking()
            .Where(r => r.ForceId == forceId && inspectionIds.Contains(r.Recommendation!.InspectionId))
            .OrderByDescending(r => r.Recommendation!.Inspection!.PublishedOn).ThenByDescending(r => r.Recommendation!.InspectionId).ThenBy(r => r.Recommendation!.Number)
            .Select(r => new PlanRow(r.Recommendation!, r.Progress, r.Assessment, r.Evidence.Count))
            .ToListAsync(ct);

    /// <summary>The people an action can be assigned to: the force's enabled users, by name.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> AssignableUsersAsync(int forceId, CancellationToken ct = default) =>
        (await db.Users.AsNoTracking().Where(u => u.ForceId == forceId && !u.IsDisabled).OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
        .Select(u => (u.Id, $"{u.DisplayName} ({u.Email})")).ToList();

    /// <summary>All plans of one force for force-applicable recommendations, newest inspection first.</summary>
    public Task<List<ForceResponse>> ListForForceAsync(int forceId, CancellationToken ct = default) =>
        db.ForceResponses.AsNoTracking()
            .Where(r => r.ForceId == forceId)
            .Include(r => r.Recommendation!).ThenInclude(r => r.Inspection)
            .Include(r => r.Evidence)
            .OrderByDescending(r => r.Recommendation!.Inspection!.PublishedOn).ThenBy(r => r.Recommendation!.Number)
            .AsSplitQuery()
            .ToListAsync(ct);

    public async Task<ForceResponse> GetAsync(int forceId, int recommendationId, CancellationToken ct = default)
    {
        var plan = await db.ForceResponses
            .Include(r => r.Force)
            .Include(r => r.Recommendation!).ThenInclude(r => r.Inspection)
            .Include(r => r.Actions)
            .Include(r => r.Evidence)
            .Include(r => r.Meetings)
            .Include(r => r.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.ForceId == forceId && r.RecommendationId == recommendationId, ct);
        return plan ?? throw new NotFoundException("That recommendation does not apply to this force, or does not exist.");
    }

    public Task<EvidenceItem?> GetEvidenceFileAsync(int forceId, int evidenceId, CancellationToken ct = default) =>
        db.Evidence.Include(e => e.File).Where(e => e.Id == evidenceId && db.ForceResponses.Any(r => r.Id == e.ForceResponseId && r.ForceId == forceId))
            .SingleOrDefaultAsync(ct);

    public Task<ForceResponse> UpdateProgressAsync(int forceId, int recommendationId, UpdateProgressOptions o, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, recommendationId, o.Version, "ProgressUpdated", ctx, plan =>
        {
            // Evidence first, so that "Complete" with evidence supplied in the same update is allowed. A file and a link given
            // together are two pieces of evidence, each kept (the description goes with the first).
            var text = o.EvidenceText;
            if (o.EvidenceFile is { } f)
            {
                plan.AddEvidence(EvidenceKind.File, text, null, f.FileName, f.ContentType, f.Content, ctx);
                text = null;
            }

            if (!string.IsNullOrWhiteSpace(o.EvidenceUrl))
            {
                plan.AddEvidence(EvidenceKind.Link, text, o.EvidenceUrl, null, null, null, ctx);
            }
            else if (o.EvidenceFile is null && !string.IsNullOrWhiteSpace(o.EvidenceText))
            {
                plan.AddEvidence(EvidenceKind.Text, o.EvidenceText, null, null, null, null, ctx);
            }

            plan.SetProgress(o.Progress, ctx);
        }, ct);

    public Task<ForceResponse> UpdatePlanAsync(int forceId, int recommendationId, UpdatePlanOptions o, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, recommendationId, o.Version, "PlanUpdated", ctx,
            plan => plan.UpdatePlan(o.DefinitionOfDone, o.ExecutiveLead, o.DeliveryLead, ctx), ct);

    public Task<ForceResponse> AssessAsync(int forceId, int recommendationId, AssessOptions o, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, recommendationId, o.Version, "Assessed", ctx, plan => plan.Assess(o.Assessment, o.Note, ctx), ct);

    /// <summary>Adds an action; an owner named as a user of the force is told at once if they asked for immediate emails.</summary>
    public async Task<ForceResponse> AddActionAsync(int forceId, int recommendationId, AddActionOptions o, ProcessContext ctx, CancellationToken ct = default)
    {
        (string Id, string Name)? owner = null;
        if (!string.IsNullOrEmpty(o.OwnerUserId))
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == o.OwnerUserId && u.ForceId == forceId && !u.IsDisabled)
                .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct)
                ?? throw new DomainRuleException([new FieldError("OwnerUserId", "Choose a person in this force, or nobody")]);
            owner = (user.Id, user.DisplayName);
        }

        PlanAction? added = null;
        var plan = await ChangeAsync(forceId, recommendationId, o.Version, "ActionAdded", ctx, p => added = p.AddAction(o.Description, o.Owner, o.DueOn, ctx, owner), ct);
        if (owner is { } assigned && reminders is not null && added is not null)
        {
            var item = (await new ActionPlanWorkSource(db).ItemsAsync(plan.Force!, Common.UkTime.Date(ctx.Now), ctx.Now, ct)).FirstOrDefault(i => i.Key == $"action:{added.Id}")
                ?? new MyWork.WorkItem(MyWork.WorkKinds.Action, $"action:{added.Id}", $"Recommendation {plan.Recommendation!.Number} action: {added.Description}",
                    added.DueOn, false, $"/forces/{plan.Force!.Slug}/recommendations/{recommendationId}", plan.Force!, [], assigned.Id);
            await reminders.NotifyAssignedAsync(assigned.Id, item, ct);
        }

        return plan;
    }

    public Task<ForceResponse> SetActionStatusAsync(int forceId, int recommendationId, int actionId, ActionStatus status, Guid version, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, recommendationId, version, "ActionUpdated", ctx, plan =>
        {
            var action = plan.Actions.SingleOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("That action does not exist.");
            plan.SetActionStatus(action, status, ctx);
        }, ct);

    public Task<ForceResponse> AddMeetingAsync(int forceId, int recommendationId, AddMeetingOptions o, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, recommendationId, o.Version, "MeetingAdded", ctx, plan => plan.AddMeeting(o.Board, o.HeldOn, o.Decision, ctx), ct);

    /// <summary>Loads the plan, refuses a stale version, applies the change, and saves it with its audit entry.</summary>
    private async Task<ForceResponse> ChangeAsync(int forceId, int recommendationId, Guid version, string action, ProcessContext ctx, Action<ForceResponse> change, CancellationToken ct)
    {
        return await db.ChangeAsync(await GetAsync(forceId, recommendationId, ct), version, action, Audit, change, ctx, ct);
    }

    private static readonly AuditShape<ForceResponse> Audit = new(nameof(ForceResponse), p => p.Id, p => p.ForceId, Snapshot);

    private static object Snapshot(ForceResponse p) => new
    {
        Progress = p.Progress.ToString(),
        Assessment = p.Assessment.ToString(),
        p.DefinitionOfDone,
        p.ExecutiveLead,
        p.DeliveryLead,
        Actions = p.Actions.Count,
        Evidence = p.Evidence.Count,
        Meetings = p.Meetings.Count,
    };
}

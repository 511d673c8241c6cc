using Evenhand.Accounts;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Responses;

/// <summary>
/// Section 55 work for the PCC office: comments to publish by the last of the 56 days (s.55(5A), from
/// <see cref="Section55Response.DueOn"/> / <see cref="Inspection.Section55DueOn"/>), the chief officer's comments awaited by the
/// date the body gave (s.55(4)), and copies of what was published to send (s.55(6)).
/// </summary>
public sealed class Section55WorkSource(EvenhandDbContext db) : IDueWorkSource
{
    private static readonly string[] Team = [Roles.PccOffice];

    public IReadOnlyCollection<string> Teams => Team;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(Force force, DateOnly today, DateTimeOffset now, CancellationToken ct = default)
    {
        // Every inspection asks every force's body for comments, as the national section 55 view counts them.
        var inspections = await db.Inspections.AsNoTracking().OrderBy(i => i.PublishedOn).ThenBy(i => i.Id).ToListAsync(ct);
        var responses = await db.Section55Responses.AsNoTracking().Where(r => r.ForceId == force.Id).ToDictionaryAsync(r => r.InspectionId, ct);
        var items = new List<WorkItem>();
        foreach (var inspection in inspections)
        {
            var url = $"/forces/{force.Slug}/responses/{inspection.Id}";
            var r = responses.GetValueOrDefault(inspection.Id);
            if (r?.PublishedOn is not { } published)
            {
                var due = inspection.Section55DueOn;
                items.Add(new(WorkKinds.Section55Publish, $"s55:{inspection.Id}", $"Publish the section 55 comments on \u2018{inspection.Title}\u2019",
                    due, today > due, url, force, Team));
                if (r is { ChiefOfficerCommentsDueOn: { } coDue, ChiefOfficerCommentsReceivedOn: null, ChiefOfficerComments: null, ChiefOfficerNoCommentsNote: null })
                {
                    items.Add(new(WorkKinds.Section55ChiefOfficerComments, $"s55-chief-officer:{inspection.Id}",
                        $"The chief officer's comments on \u2018{inspection.Title}\u2019 are due", coDue, DeadlineRules.IsOverdue(coDue, today, false), url, force, Team));
                }

                continue;
            }

            // s.55(6) sets no date of its own: the copies go with publication, so they are due on the day it was published.
            var missing = new[] { r.SentToInspectorateOn is null ? "HM Inspectors" : null, r.SentToHomeSecretaryOn is null ? "the Home Secretary" : null }
                .OfType<string>().ToList();
            if (missing.Count > 0)
            {
                items.Add(new(WorkKinds.Section55Copies, $"s55-copies:{inspection.Id}",
                    $"Send a copy of the published comments on \u2018{inspection.Title}\u2019 to {string.Join(" and ", missing)}",
                    published, DeadlineRules.IsOverdue(published, today, false), url, force, Team));
            }
        }

        return items;
    }
}

/// <summary>
/// The force's action plans: recommendations not complete by their due date (<see cref="Recommendation.EffectiveDueDate"/>,
/// <see cref="ForceResponse.IsOverdue"/>) for the governance team, and open actions with a due date for their owner (a person
/// named in Evenhand) or, when none is named, the governance team.
/// </summary>
public sealed class ActionPlanWorkSource(EvenhandDbContext db) : IDueWorkSource
{
    private static readonly string[] Team = [Roles.ForceGovernance];

    public IReadOnlyCollection<string> Teams => Team;

    /// <summary>Actions name their owner.</summary>
    public bool AssignsPeople => true;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(Force force, DateOnly today, DateTimeOffset now, CancellationToken ct = default)
    {
        var plans = await db.ForceResponses.AsNoTracking()
            .Where(p => p.ForceId == force.Id)
            .Include(p => p.Recommendation!).ThenInclude(r => r.Inspection)
            .Include(p => p.Actions)
            .AsSplitQuery()
            .ToListAsync(ct);
        var items = new List<WorkItem>();
        foreach (var plan in plans.OrderBy(p => p.Recommendation!.Inspection!.PublishedOn).ThenBy(p => p.Recommendation!.Number))
        {
            var rec = plan.Recommendation!;
            var url = $"/forces/{force.Slug}/recommendations/{rec.Id}";
            if (plan.Progress != ForceProgress.Complete && rec.EffectiveDueDate is { } due)
            {
                items.Add(new(WorkKinds.Recommendation, $"recommendation:{plan.Id}", $"Recommendation {rec.Number}: complete the action plan",
                    due, plan.IsOverdue(today), url, force, Team));
            }

            foreach (var action in plan.Actions.Where(a => a.Status != ActionStatus.Done && a.DueOn is not null).OrderBy(a => a.DueOn).ThenBy(a => a.Id))
            {
                items.Add(new(WorkKinds.Action, $"action:{action.Id}", $"Recommendation {rec.Number} action: {action.Description}",
                    action.DueOn, action.IsOverdue(today), url, force, Team, action.OwnerUserId));
            }
        }

        return items;
    }
}

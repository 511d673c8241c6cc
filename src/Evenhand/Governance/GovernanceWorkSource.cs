using Evenhand.Accounts;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

/// <summary>
/// Review dates kept by the governance registers, each from its record's own rule: policies (<see cref="PolicyDocument.NextReviewDueOn"/>,
/// <see cref="PolicyDocument.IsOverdue"/>), post-event learning reviews (<see cref="PolicedEvent.LearningReviewDueOn"/>), advisory
/// groups' terms of reference and members' tenure (<see cref="AdvisoryGroup.TermsOfReferenceReviewDueOn"/>,
/// <see cref="AdvisoryGroupMember.TenureEndsOn"/>) for the governance team, and decisions on visible representations
/// (<see cref="VisibleRepresentation.ReviewOn"/>) for those who may change them (communications and governance).
/// </summary>
public sealed class GovernanceWorkSource(EvenhandDbContext db) : IDueWorkSource
{
    private static readonly string[] Governance = [Roles.ForceGovernance];
    private static readonly string[] Representations = [Roles.Communications, Roles.ForceGovernance];

    public IReadOnlyCollection<string> Teams => Representations;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(Force force, DateOnly today, DateTimeOffset now, CancellationToken ct = default)
    {
        var slug = force.Slug;
        var items = new List<WorkItem>();
        var policies = await db.PolicyDocuments.AsNoTracking().Where(p => p.ForceId == force.Id).OrderBy(p => p.NextReviewDueOn).ThenBy(p => p.Id).ToListAsync(ct);
        items.AddRange(policies.Select(p => new WorkItem(WorkKinds.PolicyReview, $"policy:{p.Id}",
            p.NextReviewDueOn is null ? $"Review the policy \u2018{p.Title}\u2019 (never reviewed)" : $"Review the policy \u2018{p.Title}\u2019",
            p.NextReviewDueOn, p.IsOverdue(today), $"/forces/{slug}/governance/policies/{p.Id}/edit", force, Governance)));

        // A learning review follows every event the force attended (recommendation 5); none is asked of an event it did not attend.
        var events = await db.PolicedEvents.AsNoTracking().Where(e => e.ForceId == force.Id && e.ReviewedOn == null).OrderBy(e => e.EndsOn).ThenBy(e => e.Id).ToListAsync(ct);
        items.AddRange(events.Where(e => e.Attended).Select(e => new WorkItem(WorkKinds.EventLearningReview, $"event:{e.Id}",
            $"Post-event learning review of \u2018{e.Name}\u2019", e.LearningReviewDueOn, e.IsReviewOverdue(today),
            $"/forces/{slug}/governance/events/{e.Id}/review", force, Governance)));

        var limits = await db.GovernanceSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ForceId == force.Id, ct) ?? new GovernanceSettings { ForceId = force.Id };
        var groups = await db.AdvisoryGroups.AsNoTracking().Where(g => g.ForceId == force.Id).Include(g => g.Members).OrderBy(g => g.Name).ThenBy(g => g.Id).ToListAsync(ct);
        foreach (var g in groups)
        {
            var url = $"/forces/{slug}/governance/advisory-groups/{g.Id}";
            items.Add(new(WorkKinds.TermsOfReference, $"advisory-tor:{g.Id}",
                g.TermsOfReferenceReviewedOn is null ? $"Review the terms of reference of \u2018{g.Name}\u2019 (never reviewed)" : $"Review the terms of reference of \u2018{g.Name}\u2019",
                g.TermsOfReferenceReviewDueOn(limits), g.TermsOfReferenceOutOfDate(today, limits), $"{url}/edit", force, Governance));
            var pastTenure = g.MembersPastTenure(today, limits);
            // Members by their record only: the title says which group, not who.
            items.AddRange(g.Members.Where(m => m.LeftOn is null).OrderBy(m => m.TenureEndsOn(limits)).ThenBy(m => m.Id).Select(m => new WorkItem(WorkKinds.MemberTenure, $"advisory-tenure:{m.Id}",
                $"A member of \u2018{g.Name}\u2019 reaches the {limits.MemberTenureLimitYears}-year tenure limit", m.TenureEndsOn(limits), pastTenure.Contains(m), url, force, Governance)));
        }

        var representations = await db.VisibleRepresentations.AsNoTracking().Where(r => r.ForceId == force.Id).OrderBy(r => r.ReviewOn).ThenBy(r => r.Id).ToListAsync(ct);
        items.AddRange(representations.Select(r => new WorkItem(WorkKinds.RepresentationReview, $"representation:{r.Id}",
            $"Review the decision on \u2018{r.Description}\u2019", r.ReviewOn, DeadlineRules.IsOverdue(r.ReviewOn, today, false),
            $"/forces/{slug}/governance/visible-representations/{r.Id}/edit", force, Representations)));
        return items;
    }
}

using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Responses;
using Evenhand.Web.Api;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Recommendations;

public sealed class DetailModel(ForceResponseService plans, Evenhand.Governance.GovernanceEvidenceService registers, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    [FromRoute] public int RecommendationId { get; set; }

    public Force Force => CurrentForce;
    public ForceResponse Plan { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanAssess { get; private set; }

    /// <summary>What the governance registers measure for this recommendation.</summary>
    public IReadOnlyList<Evenhand.Governance.EvidenceIndicator> Indicators { get; private set; } = [];

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public ForceProgress? Progress { get; set; }
    [BindProperty] public string? EvidenceText { get; set; }
    [BindProperty] public string? EvidenceUrl { get; set; }
    [BindProperty] public IFormFile? EvidenceFile { get; set; }
    [BindProperty] public string? DefinitionOfDone { get; set; }
    [BindProperty] public string? ExecutiveLead { get; set; }
    [BindProperty] public string? DeliveryLead { get; set; }
    [BindProperty] public AssessmentStatus? Assessment { get; set; }
    [BindProperty] public string? AssessmentNote { get; set; }
    [BindProperty] public string? ActionDescription { get; set; }
    [BindProperty] public string? ActionOwner { get; set; }
    [BindProperty] public string? ActionOwnerUserId { get; set; }

    /// <summary>The force's people an action can be assigned to (they are then reminded of it).</summary>
    public IReadOnlyList<(string Id, string Name)> Assignable { get; private set; } = [];
    [BindProperty, DateInput] public DateOnly? ActionDueOn { get; set; }
    [BindProperty] public int ActionId { get; set; }
    [BindProperty] public ActionStatus? ActionStatus { get; set; }
    [BindProperty] public string? MeetingBoard { get; set; }
    [BindProperty, DateInput] public DateOnly? MeetingHeldOn { get; set; }
    [BindProperty] public string? MeetingDecision { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetEvidenceAsync(int evidenceId, CancellationToken ct)
    {
        var e = await plans.GetEvidenceFileAsync(Force.Id, evidenceId, ct);
        return e?.File is null ? NotFound() : File(e.File.Content, e.ContentType ?? "application/octet-stream", e.FileName);
    }

    public Task<IActionResult> OnPostProgressAsync(CancellationToken ct) => EditAsync(Policies.EditPlans, nameof(Progress), async () =>
    {
        if (Progress is null)
        {
            throw new DomainRuleException("Choose the force's progress.");
        }

        UploadedFile? file = null;
        if (EvidenceFile is { Length: > 0 })
        {
            if (EvidenceFile.Length > EvidenceItem.MaxFileBytes)
            {
                throw new DomainRuleException($"The file must be smaller than {EvidenceItem.MaxFileBytes / 1024 / 1024} MB.");
            }

            using var ms = new MemoryStream();
            await EvidenceFile.CopyToAsync(ms, ct);
            file = new UploadedFile(EvidenceFile.FileName, EvidenceFile.ContentType, ms.ToArray());
        }

        await plans.UpdateProgressAsync(Force.Id, RecommendationId, new UpdateProgressOptions(Version, Progress.Value, EvidenceText, EvidenceUrl, file), Actor(time), ct);
    }, "Progress updated", ct);

    public Task<IActionResult> OnPostPlanAsync(CancellationToken ct) => EditAsync(Policies.EditPlans, nameof(DefinitionOfDone), () =>
        plans.UpdatePlanAsync(Force.Id, RecommendationId, new UpdatePlanOptions(Version, DefinitionOfDone, ExecutiveLead, DeliveryLead), Actor(time), ct),
        "Plan saved", ct);

    public Task<IActionResult> OnPostAssessAsync(CancellationToken ct) => EditAsync(Policies.Assess, nameof(Assessment), async () =>
    {
        if (Assessment is null)
        {
            throw new DomainRuleException("Choose an assessment.");
        }

        await plans.AssessAsync(Force.Id, RecommendationId, new AssessOptions(Version, Assessment.Value, AssessmentNote), Actor(time), ct);
    }, "Assessment saved", ct);

    public Task<IActionResult> OnPostActionAsync(CancellationToken ct) => EditAsync(Policies.EditPlans, nameof(ActionDescription), () =>
        plans.AddActionAsync(Force.Id, RecommendationId, new AddActionOptions(Version, ActionDescription ?? "", ActionOwner, ActionDueOn, ActionOwnerUserId), Actor(time), ct),
        "Action added", ct);

    public Task<IActionResult> OnPostActionStatusAsync(CancellationToken ct) => EditAsync(Policies.EditPlans, nameof(ActionStatus), () =>
        plans.SetActionStatusAsync(Force.Id, RecommendationId, ActionId, ActionStatus ?? global::Evenhand.Responses.ActionStatus.Open, Version, Actor(time), ct),
        "Action updated", ct);

    public Task<IActionResult> OnPostMeetingAsync(CancellationToken ct) => EditAsync(Policies.EditPlans, nameof(MeetingBoard), () =>
        plans.AddMeetingAsync(Force.Id, RecommendationId, new AddMeetingOptions(Version, MeetingBoard ?? "", MeetingHeldOn, MeetingDecision ?? ""), Actor(time), ct),
        "Governance decision recorded", ct);

    /// <summary>The model's names for the action and meeting fields, as this page's form fields.</summary>
    protected override string FieldFor(string domainField) => domainField switch
    {
        "Description" => nameof(ActionDescription),
        "Owner" => nameof(ActionOwner),
        "OwnerUserId" => nameof(ActionOwnerUserId),
        "Url" => nameof(EvidenceUrl),
        "Board" => nameof(MeetingBoard),
        "HeldOn" => nameof(MeetingHeldOn),
        "Decision" => nameof(MeetingDecision),
        _ => domainField,
    };

    private async Task<IActionResult> EditAsync(string policy, string field, Func<Task> change, string notice, CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }

        if (ModelState.ErrorCount == 0 && await TryAsync(change, field))
        {
            return RedirectWithNotice(notice, $"/forces/{Force.Slug}/recommendations/{RecommendationId}");
        }

        // The refused form as typed; the page's other forms as stored.
        return await RedisplayAsync(() => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Plan = await plans.GetAsync(Force.Id, RecommendationId, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Today = time.Today();
        CanEdit = (await authz.AuthorizeAsync(User, Policies.EditPlans)).Succeeded;
        CanAssess = (await authz.AuthorizeAsync(User, Policies.Assess)).Succeeded;
        Assignable = CanEdit ? await plans.AssignableUsersAsync(Force.Id, ct) : [];
        Indicators = await registers.ForRecommendationAsync(Force.Id, Plan.Recommendation!.Number, Today, ct);
        Version = Plan.Version;
        Progress = Plan.Progress;
        Assessment = Plan.Assessment;
        DefinitionOfDone = Plan.DefinitionOfDone;
        ExecutiveLead = Plan.ExecutiveLead;
        DeliveryLead = Plan.DeliveryLead;
        return true;
    }
}

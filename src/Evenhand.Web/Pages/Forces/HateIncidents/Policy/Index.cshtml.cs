using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.Policy;

/// <summary>The force's hate-incident policy beside the Code's defaults, each difference with its rationale (recommendations 16 and 20).</summary>
[Authorize(Policy = Policies.SeeHateAnalysis)]
public sealed class IndexModel(HatePolicyService policies, IAuthorizationService authz) : EvenhandPageModel
{
    public Evenhand.Forces.Force Force => CurrentForce;
    public ForceHatePolicy Policy { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public AssessorPolicy Assessors { get; set; }
    [BindProperty] public string? AssessorsRationale { get; set; }
    [BindProperty] public int? ReviewTargetHours { get; set; }
    [BindProperty] public string? ReviewTargetRationale { get; set; }
    [BindProperty] public string? AdditionalCharacteristics { get; set; }
    [BindProperty] public string? AdditionalCharacteristicsRationale { get; set; }
    [BindProperty] public int? RetentionReviewMonths { get; set; }
    [BindProperty] public string? RetentionRationale { get; set; }
    [BindProperty] public bool TellSubject { get; set; }
    [BindProperty] public string? TellSubjectRationale { get; set; }
    [BindProperty] public int? TellSubjectWithinDays { get; set; }
    [BindProperty] public string? TellSubjectWithinDaysRationale { get; set; }
    [BindProperty] public int? SubjectReplyDays { get; set; }
    [BindProperty] public string? SubjectReplyRationale { get; set; }
    [BindProperty] public bool CallTakersMaySeePersonalData { get; set; }
    [BindProperty] public string? PersonalDataVisibilityRationale { get; set; }
    [BindProperty] public string RuleSetId { get; set; } = RuleSetRegistry.DefaultId;
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Rule set from")] public DateOnly? RuleSetFrom { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var p = Policy;
        Version = p.Version;
        Assessors = p.Assessors;
        AssessorsRationale = p.AssessorsRationale;
        ReviewTargetHours = p.ReviewTargetHours;
        ReviewTargetRationale = p.ReviewTargetRationale;
        AdditionalCharacteristics = string.Join(", ", p.AdditionalCharacteristics);
        AdditionalCharacteristicsRationale = p.AdditionalCharacteristicsRationale;
        RetentionReviewMonths = p.RetentionReviewMonths;
        RetentionRationale = p.RetentionRationale;
        TellSubject = p.TellSubject;
        TellSubjectRationale = p.TellSubjectRationale;
        TellSubjectWithinDays = p.TellSubjectWithinDays;
        TellSubjectWithinDaysRationale = p.TellSubjectWithinDaysRationale;
        SubjectReplyDays = p.SubjectReplyDays;
        SubjectReplyRationale = p.SubjectReplyRationale;
        CallTakersMaySeePersonalData = p.CallTakersMaySeePersonalData;
        PersonalDataVisibilityRationale = p.PersonalDataVisibilityRationale;
        RuleSetId = p.RuleSetId;
        RuleSetFrom = p.RuleSetFrom;
    }

    public async Task<IActionResult> OnPostAsync([FromServices] TimeProvider time, CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, Policies.ManageHatePolicy)).Succeeded)
        {
            return Forbid();
        }

        if (ReviewTargetHours is null) ModelState.AddModelError(nameof(ReviewTargetHours), "Enter the review target in hours");
        if (RetentionReviewMonths is null) ModelState.AddModelError(nameof(RetentionReviewMonths), "Enter the retention review period in months");
        if (TellSubjectWithinDays is null) ModelState.AddModelError(nameof(TellSubjectWithinDays), "Enter the days within which a subject is told");
        if (SubjectReplyDays is null) ModelState.AddModelError(nameof(SubjectReplyDays), "Enter the days within which a subject is answered");
        if (ModelState.ErrorCount == 0)
        {
            var settings = new HatePolicySettings(Assessors, AssessorsRationale, ReviewTargetHours!.Value, ReviewTargetRationale,
                (AdditionalCharacteristics ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                AdditionalCharacteristicsRationale, RetentionReviewMonths!.Value, RetentionRationale, TellSubject, TellSubjectRationale,
                SubjectReplyDays!.Value, SubjectReplyRationale, CallTakersMaySeePersonalData, PersonalDataVisibilityRationale, RuleSetId, RuleSetFrom)
            {
                TellSubjectWithinDays = TellSubjectWithinDays!.Value,
                TellSubjectWithinDaysRationale = TellSubjectWithinDaysRationale,
            };
            if (await TryAsync(() => policies.UpdateAsync(Force.Id, new UpdateHatePolicyOptions(Version, settings), Actor(time), ct)))
            {
                return RedirectWithNotice("Policy saved", $"{HateIncidentPages.Base(Force.Slug)}/policy");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Policy = await policies.GetAsync(Force.Id, ct);
        CanEdit = (await authz.AuthorizeAsync(User, Policies.ManageHatePolicy)).Succeeded;
    }
}

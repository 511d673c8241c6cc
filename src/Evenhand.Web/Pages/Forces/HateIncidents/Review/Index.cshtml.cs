using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.Review;

/// <summary>
/// The specialist review (NCHI APP; recommendation 18): confirm or change the classification and codes, close trivial,
/// irrational or malicious reports, and delete personal data recorded without a lawful basis.
/// </summary>
[Authorize(Policy = Policies.ReviewHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, IAuthorizationService authz, TimeProvider time)
    : IncidentPageModel(incidents, policies, authz, time)
{
    [BindProperty] public AssessmentOutcome? Outcome { get; set; }
    [BindProperty] public string? FinalisingCode { get; set; }
    [BindProperty] public bool CloseAsTrivial { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    [BindProperty] public bool DeleteSubjectData { get; set; }
    [BindProperty] public string? DeletionReason { get; set; }

    public SupportingInformation Supporting { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => PageOrNotFoundAsync(ct, () =>
    {
        Outcome = Incident.Outcome;
        Rationale = Incident.PersonalDataRationale;
        DeleteSubjectData = Incident.SubjectDataWithoutLawfulBasis;
    });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Outcome is null && !CloseAsTrivial)
        {
            ModelState.AddModelError(nameof(Outcome), "Select the classification");
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        var decision = new ReviewDecision(Outcome ?? AssessmentOutcome.NoRecord, FinalisingCode, CloseAsTrivial, Note, Rationale);
        return await ChangeAsync(Policies.ReviewHateIncidents, nameof(Outcome), () =>
            Incidents.ReviewAsync(Force.Id, Id, new ReviewOptions(Version, decision, DeleteSubjectData, DeletionReason),
                Role ?? IncidentStaffRole.CallTaker, Actor(), ct),
            "Review saved", IncidentUrl(), ct);
    }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Supporting = await Incidents.SupportingInformationAsync(Incident, CanSeeSubject, ct);
        await Incidents.RecordSubjectDataShownAsync(Incident, "review", new SubjectDataShown(
            Rationale: Incident.PersonalDataRationale is not null && CanSeeSubject, SameSubjectIncidents: Supporting.SameSubject?.Count ?? 0), Actor(), ct);
    }
}

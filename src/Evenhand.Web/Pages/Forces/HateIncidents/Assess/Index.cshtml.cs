using Evenhand.Web.TagHelpers;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.Assess;

/// <summary>The structured assessment, in the APP's order, under the rule set the force's policy has in force; the outcome and why.</summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, IAuthorizationService authz, TimeProvider time)
    : IncidentPageModel(incidents, policies, authz, time), IFormFieldOrder
{
    [BindProperty] public Dictionary<string, bool?> Answers { get; set; } = [];

    /// <summary>The questions in the rule set's order (the form's), then the rationale.</summary>
    public IReadOnlyList<string> FieldOrder => [.. (RuleSet?.Questions ?? []).Select(q => $"Answers[{q.Key}]"), nameof(Rationale)];
    [BindProperty] public string? Rationale { get; set; }

    public IAssessmentRuleSet RuleSet { get; private set; } = null!;
    public AssessmentDecision? Preview { get; private set; }
    public SupportingInformation Supporting { get; private set; } = null!;

    /// <summary>Under a specialist-triage policy, a call taker sees the questions but cannot save.</summary>
    public bool MayAssess => Policy.Assessors == AssessorPolicy.CallTaker || Role == IncidentStaffRole.Specialist;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => PageOrNotFoundAsync(ct, () =>
    {
        // The rationale is about the subject: shown (and so audited, below) only to a role that may see the subject's data.
        Rationale = CanSeeSubject ? Incident.PersonalDataRationale : null;
        if (Incident.Assessment is { } a)
        {
            Answers = new()
            {
                ["isCrime"] = a.IsCrime, ["perceivedHostility"] = a.PerceivedHostility, ["trivialIrrationalOrMalicious"] = a.TrivialIrrationalOrMalicious,
                ["basisToConcludeIntentionalHostility"] = a.BasisToConcludeIntentionalHostility,
                ["schoolChildrenOnSchoolPremises"] = a.SchoolChildrenOnSchoolPremises, ["lawfulFreedomOfExpression"] = a.LawfulFreedomOfExpression,
                ["realRiskOfSignificantHarm"] = a.RealRiskOfSignificantHarm, ["realRiskOfFutureOffence"] = a.RealRiskOfFutureOffence,
                ["immediateRisk"] = Incident.ImmediateRisk,
            };
        }
        else
        {
            Answers = new() { ["immediateRisk"] = Incident.ImmediateRisk };
        }
    });

    /// <summary>Shows the outcome these answers give, and why, without saving.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (ReadAnswers() is { } answers)
        {
            await TryAsync(async () => Preview = await Incidents.DecideAsync(Force.Id, Incident, answers, Now, ct));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (ReadAnswers() is not { } answers)
        {
            return Page();
        }

        return await ChangeAsync(Policies.RecordHateIncidents, "", () =>
            Incidents.AssessAsync(Force.Id, Id, new AssessIncidentOptions(Version, answers, Rationale), Role ?? IncidentStaffRole.CallTaker, Actor(), ct),
            "Assessment saved", IncidentUrl(), ct);
    }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        RuleSet = RuleSetRegistry.Get(Policy.RuleSetOn(HateIncidentService.LondonDate(Now)));
        Supporting = await Incidents.SupportingInformationAsync(Incident, CanSeeSubject, ct);
        await Incidents.RecordSubjectDataShownAsync(Incident, "assess", new SubjectDataShown(
            Rationale: Incident.PersonalDataRationale is not null && CanSeeSubject, SameSubjectIncidents: Supporting.SameSubject?.Count ?? 0), Actor(), ct);
    }

    private AssessmentAnswers? ReadAnswers()
    {
        foreach (var q in RuleSet.Questions)
        {
            if (!Answers.TryGetValue(q.Key, out var v) || v is null)
            {
                ModelState.AddModelError($"Answers[{q.Key}]", $"Answer: {q.Text}");
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            return null;
        }

        bool A(string key) => Answers.TryGetValue(key, out var v) && v == true;
        return new AssessmentAnswers(Incident.Characteristics, A("perceivedHostility"), A("isCrime"), A("trivialIrrationalOrMalicious"),
            A("schoolChildrenOnSchoolPremises"), A("lawfulFreedomOfExpression"), A("realRiskOfSignificantHarm"), A("realRiskOfFutureOffence"), A("immediateRisk"))
        {
            // Required on the form when the rule set asks it (every question is); null for one that does not.
            BasisToConcludeIntentionalHostility = Answers.TryGetValue("basisToConcludeIntentionalHostility", out var basis) ? basis : null,
        };
    }
}

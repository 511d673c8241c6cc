using Evenhand.HateIncidents;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.Deployment;

/// <summary>The deployment decision against PLANE: proportionality, lawfulness, accountability, necessity, ethics (NCHI APP).</summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, IAuthorizationService authz, TimeProvider time)
    : IncidentPageModel(incidents, policies, authz, time)
{
    public static readonly IReadOnlyList<(string Field, string Label, string Hint)> Considerations =
    [
        (nameof(Proportionality), "Proportionality", "Is deploying officers a proportionate response to what was reported?"),
        (nameof(Lawfulness), "Lawfulness", "What is the legal basis for the police to act? Consider freedom of expression."),
        (nameof(Accountability), "Accountability", "Who is making the decision, and how is it recorded and reviewed?"),
        (nameof(Necessity), "Necessity", "Is attendance needed, or would a call back, advice or referral do?"),
        (nameof(Ethics), "Ethics", "Is the decision fair and consistent with the Code of Ethics?"),
    ];

    [BindProperty] public bool? Deploy { get; set; }
    [BindProperty] public string? Proportionality { get; set; }
    [BindProperty] public string? Lawfulness { get; set; }
    [BindProperty] public string? Accountability { get; set; }
    [BindProperty] public string? Necessity { get; set; }
    [BindProperty] public string? Ethics { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => PageOrNotFoundAsync(ct, () =>
    {
        Deploy = Incident.Deployed;
        Proportionality = Incident.Plane?.Proportionality;
        Lawfulness = Incident.Plane?.Lawfulness;
        Accountability = Incident.Plane?.Accountability;
        Necessity = Incident.Plane?.Necessity;
        Ethics = Incident.Plane?.Ethics;
    });

    public string? Value(string field) => field switch
    {
        nameof(Proportionality) => Proportionality,
        nameof(Lawfulness) => Lawfulness,
        nameof(Accountability) => Accountability,
        nameof(Necessity) => Necessity,
        _ => Ethics,
    };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Deploy is null)
        {
            ModelState.AddModelError(nameof(Deploy), "Select whether to deploy");
        }

        foreach (var (field, label, _) in Considerations)
        {
            if (string.IsNullOrWhiteSpace(Value(field)))
            {
                ModelState.AddModelError(field, $"Record the {label.ToLowerInvariant()} consideration");
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        var plane = new PlaneDecision
        {
            Proportionality = Proportionality!, Lawfulness = Lawfulness!, Accountability = Accountability!, Necessity = Necessity!, Ethics = Ethics!,
        };
        return await ChangeAsync(Policies.RecordHateIncidents, nameof(Deploy), () =>
            Incidents.DecideDeploymentAsync(Force.Id, Id, new DeploymentOptions(Version, Deploy!.Value, plane), Actor(), ct),
            "Deployment decision saved", IncidentUrl(), ct);
    }
}

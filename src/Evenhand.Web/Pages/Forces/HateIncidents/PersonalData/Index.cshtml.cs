using System.Text.Json;
using Evenhand.HateIncidents;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.PersonalData;

/// <summary>
/// The "show personal data" action: the only page that shows names and contact details, to the roles that may see them, and
/// every time it is shown (or downloaded) it leaves a "Viewed" audit entry. Also where personal data is added.
/// </summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, IAuthorizationService authz, TimeProvider time)
    : IncidentPageModel(incidents, policies, authz, time)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public IReadOnlyList<IncidentPerson> People { get; private set; } = [];
    public bool SubjectHidden { get; private set; }

    [BindProperty] public PersonRole? PersonRole { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Date of birth")] public DateOnly? DateOfBirth { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Description { get; set; }

    public bool MayAddSubject => Incident.Assessment?.SubjectPersonalDataAllowed == true && CanSeeSubject;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Incident.Version;
        return Page();
    }

    /// <summary>The personal data the user may see, as JSON: generated from the record each time, so a deletion removes it from every later download.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            Incident.Reference,
            People = People.Select(p => new { Role = p.Role.ToString(), p.Name, p.DateOfBirth, p.Address, p.Contact, p.Description }),
            SubjectWithheld = SubjectHidden,
        }, Indented);
        return File(json, "application/json", $"{Incident.Reference}-personal-data.json");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = new PersonDetails(Name, DateOfBirth, Address, Contact, Description);
        if (ModelState.ErrorCount > 0)
        {
            // A date of birth that is not a date: nothing is saved, and the domain's refusals of the rest come in this round.
            await TryAsync(() =>
            {
                HateIncident.CheckNewPerson(PersonRole, details);
                return Task.CompletedTask;
            });
        }

        return await ChangeAsync(Policies.RecordHateIncidents, nameof(Name), () =>
            Incidents.AddPersonAsync(Force.Id, Id, new AddPersonOptions(Version, PersonRole, details),
                Role ?? IncidentStaffRole.CallTaker, Actor(), ct),
            PersonRole == Evenhand.HateIncidents.PersonRole.Subject ? "The subject's personal data was recorded" : "The complainant's details were recorded",
            IncidentUrl("personal-data"), ct);
    }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        var (_, people, hidden) = await Incidents.ViewPersonalDataAsync(Force.Id, Id, Role, Actor(), ct);
        People = people;
        SubjectHidden = hidden;
    }
}

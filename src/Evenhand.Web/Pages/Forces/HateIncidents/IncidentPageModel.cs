using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.HateIncidents;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents;

/// <summary>
/// Base for the pages of one incident (/forces/{slug}/hate-incidents/{id}/…): loads the incident of the current force (404
/// otherwise), the force's policy and the user's part in the process, and turns refused changes into form errors.
/// </summary>
public abstract class IncidentPageModel(HateIncidentService incidents, HatePolicyService policies, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    [FromRoute] public int Id { get; set; }

    [BindProperty] public Guid Version { get; set; }

    public Force Force => CurrentForce;
    public HateIncident Incident { get; private set; } = null!;
    public ForceHatePolicy Policy { get; private set; } = null!;
    public IncidentStaffRole? Role => User.IncidentRole();
    public bool CanReview { get; private set; }
    public bool CanSeeSubject => PersonalDataAccess.CanSeeSubject(Role, Policy);
    public DateTimeOffset Now { get; private set; }

    protected HateIncidentService Incidents => incidents;
    protected HatePolicyService PolicyService => policies;
    protected TimeProvider Time => time;
    protected IAuthorizationService Authz => authz;

    protected string IncidentUrl(string? step = null) => HateIncidentPages.Url(Force.Slug, Id, step);

    /// <summary>Loads the incident; false when it does not exist for this force.</summary>
    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Incident = await incidents.GetAsync(Force.Id, Id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Policy = await policies.GetAsync(Force.Id, ct);
        CanReview = (await authz.AuthorizeAsync(User, Policies.ReviewHateIncidents)).Succeeded;
        Now = time.GetUtcNow();
        await OnLoadedAsync(ct);
        return true;
    }

    /// <summary>Extra loading a page needs once the incident is there.</summary>
    protected virtual Task OnLoadedAsync(CancellationToken ct) => Task.CompletedTask;

    protected async Task<IActionResult> PageOrNotFoundAsync(CancellationToken ct, Action? fill = null)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Incident.Version;
        fill?.Invoke();
        return Page();
    }

    /// <summary>
    /// Runs a change under a policy; on success redirects with a notice, otherwise shows the form again with the error. A form
    /// with a value that could not be read (a date that is not a date) changes nothing: the change would see it as blank.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(string policy, string field, Func<Task> change, string notice, string redirectTo, CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }

        if (ModelState.ErrorCount > 0)
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        try
        {
            if (await TryAsync(change, field))
            {
                return RedirectWithNotice(notice, redirectTo);
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    protected ProcessContext Actor() => Actor(time);
}

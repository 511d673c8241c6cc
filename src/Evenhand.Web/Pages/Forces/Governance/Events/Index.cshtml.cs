using System.Globalization;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.Events;

[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class IndexModel(PolicedEventService register, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery] public bool Contentious { get; set; }
    [FromQuery] public bool ReviewOverdue { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public EventPage Results { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Date(time.GetUtcNow());
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        Results = await register.ListAsync(Force.Id, Contentious, ReviewOverdue, PageNumber, ct: ct);
    }

    /// <summary>The whole register as CSV, written to the response as the rows are read.</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var today = UkTime.Date(time.GetUtcNow());
        return Csv.StreamQueryAsync(HttpContext, $"{Force.Slug}-events.csv", _ => register.StreamAll(Force.Id), e => new
        {
            e.Name, Category = PolicedEvent.Describe(e.Category), StartsOn = e.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EndsOn = e.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Contentious = e.Contentious ? "yes" : "no", Attendance = PolicedEvent.Describe(e.Attendance), e.Reasons, e.CommunicatedToPublic, e.CommunicatedToWorkforce,
            e.DressCode, ConductBriefing = e.ConductBriefing ? "yes" : "no", OnDuty = e.OnDuty ? "yes" : "no", ReviewedOn = e.ReviewedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.PolicingStyleEffectiveness, e.ImpartialityAllegations, ReviewOverdue = e.IsReviewOverdue(today) ? "yes" : "no",
        }, ct);
    }

    public string PageUrl(int page) => $"{GovernancePages.Events(Force.Slug)}?page={page}" + (Contentious ? "&Contentious=true" : "") + (ReviewOverdue ? "&ReviewOverdue=true" : "");
}

using System.Globalization;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.HorizonScan;

[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class IndexModel(ContentiousIssueService register, IAuthorizationService authz) : EvenhandPageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery] public IssueStatus? Status { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public IssuePage Results { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        Results = await register.ListAsync(Force.Id, Status, PageNumber, ct: ct);
    }

    /// <summary>The whole register as CSV, written to the response as the rows are read.</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        return Csv.StreamQueryAsync(HttpContext, $"{Force.Slug}-horizon-scan.csv", _ => register.StreamAll(Force.Id), i => new
        {
            i.Issue, FirstSeenOn = i.FirstSeenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Risk = i.Risk.ToString(), i.RiskAssessment, i.AgreedPosition, i.CommunicationLines,
            Status = i.Status.ToString(), Unprepared = i.IsUnprepared ? "yes" : "no",
        }, ct);
    }

    public string PageUrl(int page) => $"{GovernancePages.Issues(Force.Slug)}?page={page}" + (Status is null ? "" : $"&Status={Status}");
}

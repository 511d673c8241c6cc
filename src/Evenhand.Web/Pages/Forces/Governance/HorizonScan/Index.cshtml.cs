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

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = (await register.AllAsync(Force.Id, ct)).Select(i => new
        {
            i.Issue, FirstSeenOn = i.FirstSeenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Risk = i.Risk.ToString(), i.RiskAssessment, i.AgreedPosition, i.CommunicationLines,
            Status = i.Status.ToString(), Unprepared = i.IsUnprepared ? "yes" : "no",
        });
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"{Force.Slug}-horizon-scan.csv");
    }

    public string PageUrl(int page) => $"{GovernancePages.Issues(Force.Slug)}?page={page}" + (Status is null ? "" : $"&Status={Status}");
}

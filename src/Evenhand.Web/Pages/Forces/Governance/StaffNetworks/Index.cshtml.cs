using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

/// <summary>The force's staff networks with their flags and budgets, funding requests in order of assessed need, and CSV.</summary>
[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class IndexModel(StaffNetworkService register, IAuthorizationService authz) : EvenhandPageModel
{
    [FromQuery] public NetworkScope? Scope { get; set; }
    [FromQuery] public bool Flagged { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public IReadOnlyList<StaffNetwork> Networks { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>Every funding request, the most need first (unassessed last).</summary>
    public IReadOnlyList<(StaffNetwork Network, FundingRequest Request)> ByNeed =>
        [.. Networks.SelectMany(n => n.FundingRequests.Select(r => (n, r))).OrderByDescending(x => x.r.NeedScore ?? -1).ThenBy(x => x.r.RequestedOn)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        Networks = [.. (await register.AllAsync(Force.Id, ct)).Where(n => (Scope is null || n.Scope == Scope) && (!Flagged || n.Flags().Count > 0))];
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = (await register.AllAsync(Force.Id, ct)).Select(n => new
        {
            n.Name, Scope = n.Scope == NetworkScope.Local ? "local" : "national branch", Characteristic = n.Characteristic is { } c ? EqualityImpactAssessment.Describe(c) : "none",
            n.NoCharacteristicRationale, n.Chair, ChairElected = n.ChairElected ? "yes" : "no", TermsOfReferenceOn = n.TermsOfReferenceOn?.ToString("yyyy-MM-dd"),
            NpccCriteriaMet = 10 - n.CriteriaNotMet.Count, n.DutyHoursPerMonth, n.AnnualBudget, n.SpendToDate, FundingRequests = n.FundingRequests.Count, Flags = string.Join("; ", n.Flags()),
        });
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"{Force.Slug}-staff-networks.csv");
    }
}

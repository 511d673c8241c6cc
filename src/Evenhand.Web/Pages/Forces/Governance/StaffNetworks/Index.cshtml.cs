using System.Globalization;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

/// <summary>The force's staff networks with their flags and budgets, funding requests in order of assessed need, and CSV.</summary>
[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class IndexModel(StaffNetworkService register, IAuthorizationService authz) : EvenhandPageModel
{
    public const int PageSize = 25;

    [FromQuery] public NetworkScope? Scope { get; set; }
    [FromQuery] public bool Flagged { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Evenhand.Forces.Force Force => CurrentForce;
    /// <summary>The page of networks shown (<see cref="PageSize"/> a page).</summary>
    public IReadOnlyList<StaffNetwork> Networks { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>How many funding requests the matching networks have in all.</summary>
    public int Requests { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>The matching networks' funding requests with the most need (unassessed last), a page's worth.</summary>
    public IReadOnlyList<(StaffNetwork Network, FundingRequest Request)> ByNeed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        var matching = (await register.AllAsync(Force.Id, ct)).Where(n => (Scope is null || n.Scope == Scope) && (!Flagged || n.Flags().Count > 0)).ToList();
        Total = matching.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Networks = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        var requests = matching.SelectMany(n => n.FundingRequests.Select(r => (n, r))).ToList();
        Requests = requests.Count;
        ByNeed = [.. requests.OrderByDescending(x => x.r.NeedScore ?? -1).ThenBy(x => x.r.RequestedOn).Take(PageSize)];
    }

    public string PageUrl(int page) => Infrastructure.PageLinks.Join(GovernancePages.Networks(Force.Slug),
        Scope is { } s ? $"Scope={s}" : null, Flagged ? "Flagged=true" : null, $"page={page}");

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = (await register.AllAsync(Force.Id, ct)).Select(n => new
        {
            n.Name, Scope = n.Scope == NetworkScope.Local ? "local" : "national branch", Characteristic = n.Characteristic is { } c ? EqualityImpactAssessment.Describe(c) : "none",
            n.NoCharacteristicRationale, n.Chair, ChairElected = n.ChairElected ? "yes" : "no", TermsOfReferenceOn = n.TermsOfReferenceOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            NpccCriteriaMet = 10 - n.CriteriaNotMet.Count, n.DutyHoursPerMonth, n.AnnualBudget, n.SpendToDate, FundingRequests = n.FundingRequests.Count, Flags = string.Join("; ", n.Flags()),
        });
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"{Force.Slug}-staff-networks.csv");
    }
}

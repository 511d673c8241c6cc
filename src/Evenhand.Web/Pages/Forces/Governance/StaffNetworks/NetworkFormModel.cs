using Evenhand.Governance;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.StaffNetworks;

public abstract class NetworkFormModel : RegisterFormModel<NetworkDetails>
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public NetworkScope? Scope { get; set; }
    [BindProperty] public ProtectedCharacteristic? Characteristic { get; set; }
    [BindProperty] public string? NoCharacteristicRationale { get; set; }
    [BindProperty] public string? Chair { get; set; }
    [BindProperty] public bool ChairElected { get; set; }
    [BindProperty, DateInput, System.ComponentModel.DataAnnotations.Display(Name = "Terms of reference date")] public DateOnly? TermsOfReferenceOn { get; set; }
    [BindProperty] public List<NpccCriteria> CriteriaMet { get; set; } = [];
    [BindProperty] public int? DutyHoursPerMonth { get; set; } = 0;
    [BindProperty] public decimal? AnnualBudget { get; set; } = 0;
    [BindProperty] public decimal? SpendToDate { get; set; } = 0;

    public static IReadOnlyList<NpccCriteria> AllCriteria { get; } = [.. Enum.GetValues<NpccCriteria>().Where(c => c is not (NpccCriteria.None or NpccCriteria.All))];

    /// <inheritdoc/>
    protected override Action<NetworkDetails>? DryRun => d => StaffNetwork.Create(0, d, Today);

    protected override NetworkDetails? ReadDetails()
    {
        var criteria = CriteriaMet.Aggregate(NpccCriteria.None, (all, c) => all | c);
        return new NetworkDetails(Name, Scope, Characteristic, NoCharacteristicRationale, Chair, ChairElected, TermsOfReferenceOn, criteria, DutyHoursPerMonth, AnnualBudget, SpendToDate);
    }

    protected void Fill(StaffNetwork n)
    {
        Version = n.Version;
        Name = n.Name;
        Scope = n.Scope;
        Characteristic = n.Characteristic;
        NoCharacteristicRationale = n.NoCharacteristicRationale;
        Chair = n.Chair;
        ChairElected = n.ChairElected;
        TermsOfReferenceOn = n.TermsOfReferenceOn;
        CriteriaMet = [.. AllCriteria.Where(c => n.Criteria.HasFlag(c))];
        DutyHoursPerMonth = n.DutyHoursPerMonth;
        AnnualBudget = n.AnnualBudget;
        SpendToDate = n.SpendToDate;
    }
}

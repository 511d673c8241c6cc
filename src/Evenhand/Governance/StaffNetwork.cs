using System.ComponentModel.DataAnnotations;
using Evenhand.Common;

namespace Evenhand.Governance;

public enum NetworkScope
{
    Local,
    NationalBranch,
}

/// <summary>
/// The criteria the NPCC applies to a national network, as HMICFRS lists them (2024 report, chapter 7), as a checklist.
/// </summary>
[Flags]
public enum NpccCriteria
{
    None = 0,
    LinksToAProtectedCharacteristic = 1,
    ElectedChair = 2,
    OpenToAllOfficersAndStaff = 4,
    RaisesAwareness = 8,
    SupportsAFairService = 16,
    SupportsProfessionalDevelopment = 32,
    RecognisesIntersectionality = 64,
    NationalStakeholderWithLocalFootprint = 128,
    NotAStatutoryAssociation = 256,
    DoesNotDuplicateANationalNetwork = 512,
    All = 1023,
}

public enum FundingDecision
{
    Pending,
    Approved,
    Refused,
}

public sealed record NetworkDetails(
    string? Name, NetworkScope? Scope, ProtectedCharacteristic? Characteristic, string? NoCharacteristicRationale, string? Chair, bool ChairElected,
    DateOnly? TermsOfReferenceOn, NpccCriteria Criteria, int? DutyHoursPerMonth, decimal? AnnualBudget, decimal? SpendToDate);

public sealed record FundingDetails(
    DateOnly? RequestedOn, string? Purpose, decimal? Amount, decimal? WorkforceSharePercent, decimal? LocalPopulationSharePercent, bool RecruitmentOrRetentionConcern,
    FundingDecision? Decision, decimal? AmountAwarded, string? Rationale);

/// <summary>A staff network (recommendations 21 and 22): its link to a protected characteristic, governance, time and money.</summary>
public sealed class StaffNetwork : VersionedEntity
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    [MaxLength(200)]
    public string Name { get; private set; } = "";
    public NetworkScope Scope { get; private set; }
    public ProtectedCharacteristic? Characteristic { get; private set; }
    [MaxLength(2000)]
    public string? NoCharacteristicRationale { get; private set; }
    [MaxLength(200)]
    public string Chair { get; private set; } = "";
    public bool ChairElected { get; private set; }
    public DateOnly? TermsOfReferenceOn { get; private set; }
    public NpccCriteria Criteria { get; private set; }
    public int DutyHoursPerMonth { get; private set; }
    public decimal AnnualBudget { get; private set; }
    public decimal SpendToDate { get; private set; }
    public List<FundingRequest> FundingRequests { get; set; } = [];

    public IReadOnlyList<NpccCriteria> CriteriaNotMet => NotMet(Criteria);

    /// <summary>The NPCC criteria missing from <paramref name="criteria"/>.</summary>
    public static IReadOnlyList<NpccCriteria> NotMet(NpccCriteria criteria) =>
        [.. Enum.GetValues<NpccCriteria>().Where(c => c is not (NpccCriteria.None or NpccCriteria.All) && !criteria.HasFlag(c))];

    public IReadOnlyList<string> Flags()
    {
        var flags = new List<string>();
        if (CriteriaNotMet.Count > 0) flags.Add($"{CriteriaNotMet.Count} of the NPCC's ten criteria not met");
        if (!ChairElected) flags.Add("Chair not elected");
        if (TermsOfReferenceOn is null) flags.Add("No terms of reference");
        if (SpendToDate > AnnualBudget) flags.Add("Spend is over the annual budget");
        return flags;
    }

    public static StaffNetwork Create(int forceId, NetworkDetails d, DateOnly today)
    {
        var n = new StaffNetwork { ForceId = forceId };
        n.Apply(d, today);
        return n;
    }

    public IReadOnlyList<string> Apply(NetworkDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new FieldProblems();
        var name = Text.Clean(d.Name);
        var chair = Text.Clean(d.Chair);
        var rationale = Text.Clean(d.NoCharacteristicRationale);
        if (name is null) problems.Add("Name", "Name the network.");
        else problems.TooLong<StaffNetwork>("Name", name, "The network's name");
        if (d.Scope is null) problems.Add("Scope", "Say whether it is a local network or a branch of a national one.");
        if (d.Characteristic is null && rationale is null) problems.Add("Characteristic", "Choose the protected characteristic it links to, or give the rationale for a network linked to none.");
        if (chair is null) problems.Add("Chair", "Enter the chair's name.");
        else problems.TooLong<StaffNetwork>("Chair", chair, "The chair's name");
        if (d.TermsOfReferenceOn > today) problems.Add("TermsOfReferenceOn", "The terms of reference date cannot be in the future.");
        if (d.DutyHoursPerMonth is not (>= 0 and <= 200)) problems.Add("DutyHoursPerMonth", "Enter the duty hours allowed per month, from 0 to 200.");
        if (d.AnnualBudget is not >= 0) problems.Add("AnnualBudget", "Enter the annual budget in pounds (0 or more).");
        if (d.SpendToDate is not >= 0) problems.Add("SpendToDate", "Enter the spend to date in pounds (0 or more).");
        problems.Lengths<StaffNetwork>(d with { NoCharacteristicRationale = d.Characteristic is null ? d.NoCharacteristicRationale : null }); // kept only without a characteristic
        problems.ThrowIfAny();

        var changes = new Changes();
        changes.Set("Name", Name, name!, v => Name = v);
        changes.Set("Scope", Scope, d.Scope!.Value, v => Scope = v);
        changes.Set("Protected characteristic", Characteristic, d.Characteristic, v => Characteristic = v);
        changes.Set("Rationale for no characteristic", NoCharacteristicRationale, d.Characteristic is null ? rationale : null, v => NoCharacteristicRationale = v);
        changes.Set("Chair", Chair, chair!, v => Chair = v);
        changes.Set("Chair elected", ChairElected, d.ChairElected, v => ChairElected = v);
        changes.Set("Terms of reference", TermsOfReferenceOn, d.TermsOfReferenceOn, v => TermsOfReferenceOn = v);
        changes.Set("NPCC criteria met", Criteria, d.Criteria & NpccCriteria.All, v => Criteria = v);
        changes.Set("Duty hours per month", DutyHoursPerMonth, d.DutyHoursPerMonth!.Value, v => DutyHoursPerMonth = v);
        changes.Set("Annual budget (£)", AnnualBudget, d.AnnualBudget!.Value, v => AnnualBudget = v);
        changes.Set("Spend to date (£)", SpendToDate, d.SpendToDate!.Value, v => SpendToDate = v);
        if (changes.List.Count > 0)
        {
            Bump();
        }

        return changes.List;
    }

    public FundingRequest AddFundingRequest(FundingDetails d, DateOnly today)
    {
        var request = FundingRequest.Create(d, today);
        FundingRequests.Add(request);
        Bump();
        return request;
    }

    /// <summary>Changes a funding request (a pending one decided, say); returns the changes in words for the history.</summary>
    public IReadOnlyList<string> ChangeFundingRequest(int requestId, FundingDetails d, DateOnly today)
    {
        var request = FundingRequests.FirstOrDefault(r => r.Id == requestId) ?? throw new NotFoundException("There is no such funding request for this network.");
        var changes = request.Change(d, today);
        if (changes.Count > 0)
        {
            Bump();
        }

        return changes;
    }

    public static string Describe(NpccCriteria c) => c switch
    {
        NpccCriteria.LinksToAProtectedCharacteristic => "Links to a protected characteristic of the Equality Act 2010",
        NpccCriteria.ElectedChair => "Has an elected chair",
        NpccCriteria.OpenToAllOfficersAndStaff => "Membership open to all officers and staff",
        NpccCriteria.RaisesAwareness => "Raises awareness of issues affecting people who share the characteristic",
        NpccCriteria.SupportsAFairService => "Supports a fair and equitable service to all communities",
        NpccCriteria.SupportsProfessionalDevelopment => "Supports the professional development of people who share the characteristic",
        NpccCriteria.RecognisesIntersectionality => "Recognises intersectionality and works across networks",
        NpccCriteria.NationalStakeholderWithLocalFootprint => "A national stakeholder with a local footprint",
        NpccCriteria.NotAStatutoryAssociation => "Not a statutory association",
        NpccCriteria.DoesNotDuplicateANationalNetwork => "Does not duplicate an existing national network",
        _ => c.ToString(),
    };
}

/// <summary>
/// A network's request for funding, with the assessment of local need the report asks for (recommendation 22): how far the
/// group is under-represented in the workforce against the local population, and any recruitment or retention concern.
/// </summary>
public sealed class FundingRequest
{
    public int Id { get; set; }
    public int StaffNetworkId { get; set; }
    public DateOnly RequestedOn { get; set; }
    [MaxLength(1000)]
    public string Purpose { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal? WorkforceSharePercent { get; set; }
    public decimal? LocalPopulationSharePercent { get; set; }
    public bool RecruitmentOrRetentionConcern { get; set; }
    public FundingDecision Decision { get; set; }
    public decimal? AmountAwarded { get; set; }
    [MaxLength(2000)]
    public string? Rationale { get; set; }

    public bool NeedAssessed => WorkforceSharePercent is not null && LocalPopulationSharePercent is not null;

    /// <summary>
    /// 0–100: under-representation (the shortfall of the workforce share against the local population share, as a share of
    /// the latter) counts up to 80, a recruitment or retention concern 20. Null when need was not assessed.
    /// </summary>
    public int? NeedScore =>
        NeedAssessed
            ? (int)Math.Round((LocalPopulationSharePercent > 0 ? Math.Clamp((LocalPopulationSharePercent!.Value - WorkforceSharePercent!.Value) / LocalPopulationSharePercent.Value, 0m, 1m) * 80m : 0m)
                + (RecruitmentOrRetentionConcern ? 20m : 0m), MidpointRounding.AwayFromZero)
            : null;

    internal static FundingRequest Create(FundingDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        Check(d, today);
        var request = new FundingRequest();
        request.Change(d, today);
        return request;
    }

    /// <summary>
    /// Changes the request to <paramref name="d"/> (a pending request decided, an amount corrected); returns the changes in
    /// words for the network's history, none when nothing changed.
    /// </summary>
    internal IReadOnlyList<string> Change(FundingDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        Check(d, today);
        var changes = new Changes();
        changes.Set("Requested on", RequestedOn, d.RequestedOn!.Value, v => RequestedOn = v);
        changes.Set("Purpose", Purpose, Text.Clean(d.Purpose)!, v => Purpose = v);
        changes.Set("Amount (£)", Amount, d.Amount!.Value, v => Amount = v);
        changes.Set("Workforce share (%)", WorkforceSharePercent, d.WorkforceSharePercent, v => WorkforceSharePercent = v);
        changes.Set("Local population share (%)", LocalPopulationSharePercent, d.LocalPopulationSharePercent, v => LocalPopulationSharePercent = v);
        changes.Set("Recruitment or retention concern", RecruitmentOrRetentionConcern, d.RecruitmentOrRetentionConcern, v => RecruitmentOrRetentionConcern = v);
        changes.Set("Decision", Decision, d.Decision!.Value, v => Decision = v);
        changes.Set("Amount awarded (£)", AmountAwarded, d.Decision == FundingDecision.Approved ? d.AmountAwarded : null, v => AmountAwarded = v);
        changes.Set("Rationale", Rationale, Text.Clean(d.Rationale), v => Rationale = v);
        return changes.List;
    }

    /// <summary>
    /// The rules for a request, each refusal keyed to its field in the form's order. A decision (approved or refused) rests
    /// on an assessment of local need and a rationale, as recommendation 22 asks.
    /// </summary>
    private static void Check(FundingDetails d, DateOnly today)
    {
        var problems = new FieldProblems();
        if (d.RequestedOn is null) problems.Add(nameof(d.RequestedOn), "Enter the date of the request.");
        else if (d.RequestedOn > today) problems.Add(nameof(d.RequestedOn), "The date of the request cannot be in the future.");
        if (Text.Clean(d.Purpose) is null) problems.Add(nameof(d.Purpose), "Say what the funding is for.");
        if (d.Amount is not > 0) problems.Add(nameof(d.Amount), "Enter the amount requested in pounds.");
        if (d.WorkforceSharePercent is < 0 or > 100) problems.Add(nameof(d.WorkforceSharePercent), "Shares are percentages from 0 to 100.");
        if (d.LocalPopulationSharePercent is < 0 or > 100) problems.Add(nameof(d.LocalPopulationSharePercent), "Shares are percentages from 0 to 100.");
        if (d.Decision is null) problems.Add(nameof(d.Decision), "Record the decision (or that it is pending).");
        if (d.Decision is FundingDecision.Approved or FundingDecision.Refused)
        {
            if (d.WorkforceSharePercent is null || d.LocalPopulationSharePercent is null)
            {
                problems.Add(d.WorkforceSharePercent is null ? nameof(d.WorkforceSharePercent) : nameof(d.LocalPopulationSharePercent),
                    "Assess local need before deciding: the group's share of the workforce and of the local population.");
            }

            if (Text.Clean(d.Rationale) is null) problems.Add(nameof(d.Rationale), "Give the rationale for the decision.");
        }

        if (d.Decision == FundingDecision.Approved && d.AmountAwarded is not > 0) problems.Add(nameof(d.AmountAwarded), "Enter the amount awarded.");
        problems.Lengths<FundingRequest>(d);
        problems.ThrowIfAny(FieldOrder);
    }

    /// <summary>The request's fields in the order the form shows them.</summary>
    private static readonly string[] FieldOrder =
    [
        nameof(FundingDetails.RequestedOn), nameof(FundingDetails.Purpose), nameof(FundingDetails.Amount), nameof(FundingDetails.WorkforceSharePercent),
        nameof(FundingDetails.LocalPopulationSharePercent), nameof(FundingDetails.RecruitmentOrRetentionConcern), nameof(FundingDetails.Decision),
        nameof(FundingDetails.AmountAwarded), nameof(FundingDetails.Rationale),
    ];
}

using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

/// <summary>The register of staff networks and their funding (recommendations 21 and 22).</summary>
public sealed class StaffNetworkService(EvenhandDbContext db, TimeProvider time) : GovernanceRegister(db, time), IEvidenceSource
{
    public const string Type = "StaffNetwork";
    public const string Register = "governance/staff-networks";

    protected override string RecordType => Type;

    private IQueryable<StaffNetwork> OfForce(int forceId) => Db.StaffNetworks.Where(n => n.ForceId == forceId).Include(n => n.FundingRequests);

    public async Task<IReadOnlyList<StaffNetwork>> AllAsync(int forceId, CancellationToken ct = default) =>
        await OfForce(forceId).AsNoTracking().OrderBy(n => n.Name).ThenBy(n => n.Id).ToListAsync(ct);

    public async Task<StaffNetwork> GetAsync(int forceId, int id, CancellationToken ct = default) =>
        await OfForce(forceId).SingleOrDefaultAsync(n => n.Id == id, ct)
        ?? throw new NotFoundException("There is no such staff network in this force's register.");

    public async Task<StaffNetwork> CreateAsync(int forceId, NetworkDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var network = await AddRecordAsync(() => StaffNetwork.Create(forceId, details, Time.Today()), forceId, n => n.Id, Snapshot, ctx, ct);
        return network;
    }

    public async Task<StaffNetwork> UpdateAsync(int forceId, int id, Guid version, NetworkDetails details, ProcessContext ctx, CancellationToken ct = default) =>
        await UpdateRecordAsync(await GetAsync(forceId, id, ct), forceId, id, version, r => r.Apply(details, Time.Today()), Snapshot, ctx, ct);

    public async Task<FundingRequest> AddFundingRequestAsync(int forceId, int id, Guid version, FundingDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var network = await GetAsync(forceId, id, ct);
        network.EnsureVersion(version);
        var request = network.AddFundingRequest(details, Time.Today());
        await SaveChangeAsync(forceId, id, "FundingRequestAdded",
            $"Funding request of {Format.Date(request.RequestedOn)} for £{request.Amount:N0} ({request.Purpose}): {request.Decision}" +
            (request.NeedScore is { } score ? $", need score {score}" : ", need not assessed") + (request.Rationale is null ? "" : $". {request.Rationale}"),
            null, new { request.RequestedOn, request.Amount, Decision = request.Decision.ToString(), request.AmountAwarded, request.NeedScore }, ctx, ct);
        return request;
    }

    /// <summary>Changes a funding request (a pending request decided, an amount corrected); the network's history says what changed.</summary>
    public async Task<FundingRequest> ChangeFundingRequestAsync(int forceId, int id, Guid version, int requestId, FundingDetails details, ProcessContext ctx,
        CancellationToken ct = default)
    {
        var network = await GetAsync(forceId, id, ct);
        network.EnsureVersion(version);
        var request = network.FundingRequests.FirstOrDefault(r => r.Id == requestId) ?? throw new NotFoundException("There is no such funding request for this network.");
        var before = RequestSnapshot(request);
        var changes = network.ChangeFundingRequest(requestId, details, Time.Today());
        if (changes.Count > 0)
        {
            await SaveChangeAsync(forceId, id, "FundingRequestChanged", $"Funding request of {Format.Date(request.RequestedOn)}: " + string.Join("; ", changes),
                before, RequestSnapshot(request), ctx, ct);
        }

        return request;
    }

    private static object RequestSnapshot(FundingRequest r) =>
        new { r.Id, r.RequestedOn, r.Amount, Decision = r.Decision.ToString(), r.AmountAwarded, r.NeedScore };


    /// <summary>Recommendation 21 (networks meeting the NPCC's criteria) and 22 (funding decided on an assessment of need, with a rationale).</summary>
    /// <inheritdoc/>
    public IReadOnlyCollection<int> Recommendations { get; } = [21, 22];

    public async Task<IReadOnlyList<EvidenceIndicator>> IndicatorsAsync(int forceId, DateOnly today, CancellationToken ct = default)
    {
        // Only the values the measures need: each network's criteria, and its requests counted in the database.
        var networks = await Db.StaffNetworks.AsNoTracking().Where(n => n.ForceId == forceId)
            .Select(n => new
            {
                n.Criteria,
                Requests = n.FundingRequests.Count,
                Decided = n.FundingRequests.Count(r => r.Decision != FundingDecision.Pending && r.WorkforceSharePercent != null && r.LocalPopulationSharePercent != null),
            })
            .ToListAsync(ct);
        var requests = networks.Sum(n => n.Requests);
        return
        [
            new(21, "Staff networks meeting all ten of the NPCC's criteria", EvidenceIndicator.Share(networks.Count(n => StaffNetwork.NotMet(n.Criteria).Count == 0), networks.Count), networks.Count, Register),
            // A request can only be decided on an assessment of need with a rationale (FundingRequest.Create), so the measure is
            // how many requests have been assessed and decided rather than left pending.
            new(22, "Funding requests decided on a recorded assessment of need",
                EvidenceIndicator.Share(networks.Sum(n => n.Decided), requests), requests, Register),
        ];
    }

    private static object Snapshot(StaffNetwork n) => new
    {
        n.Name, Scope = n.Scope.ToString(), Characteristic = n.Characteristic?.ToString(), n.NoCharacteristicRationale, n.Chair, n.ChairElected, n.TermsOfReferenceOn,
        Criteria = n.Criteria.ToString(), n.DutyHoursPerMonth, n.AnnualBudget, n.SpendToDate, FundingRequests = n.FundingRequests.Count,
    };
}

namespace Evenhand.Governance;

/// <summary>
/// One change to a governance register record (any register): who, when, and what changed, in words. Shown on the record's
/// page; the audit trail keeps the same change as data.
/// </summary>
public sealed class GovernanceHistoryEntry
{
    public int Id { get; set; }
    public int ForceId { get; set; }

    /// <summary>The register, e.g. "Policy".</summary>
    public required string RecordType { get; set; }
    public int RecordId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public required string Change { get; set; }
}

/// <summary>One measure a register computes for a recommendation (issue: evidence on recommendations).</summary>
/// <param name="Recommendation">The recommendation number it evidences.</param>
/// <param name="Name">What is measured, in words.</param>
/// <param name="Value">The measure, e.g. "7 of 9 (78%)".</param>
/// <param name="Records">How many records it was computed from.</param>
/// <param name="Register">The register's path under the force, e.g. "governance/policies".</param>
public sealed record EvidenceIndicator(int Recommendation, string Name, string Value, int Records, string Register)
{
    public static string Share(int part, int whole) =>
        whole == 0 ? "no records yet" : $"{part} of {whole} ({Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero):0}%)";
}

/// <summary>A register that evidences recommendations. Every register implements it; <see cref="GovernanceEvidenceService"/> asks them all.</summary>
public interface IEvidenceSource
{
    /// <summary>The report's recommendations this register measures (the numbers its indicators carry).</summary>
    IReadOnlyCollection<int> Recommendations { get; }

    Task<IReadOnlyList<EvidenceIndicator>> IndicatorsAsync(int forceId, DateOnly today, CancellationToken ct = default);
}

/// <summary>Every register's indicators for one force, by recommendation.</summary>
public sealed class GovernanceEvidenceService(IEnumerable<IEvidenceSource> sources)
{
    /// <summary>The service over every register: the one list of registers, for the web app and the CLI alike.</summary>
    public static GovernanceEvidenceService For(Data.EvenhandDbContext db, TimeProvider time) =>
        new([new PolicyRegisterService(db, time), new VisibleRepresentationService(db, time), new PoliticalContactService(db, time), new ContentiousIssueService(db, time), new PolicedEventService(db, time), new AdvisoryGroupService(db, time), new StaffNetworkService(db, time)]);

    public async Task<IReadOnlyList<EvidenceIndicator>> ForForceAsync(int forceId, DateOnly today, CancellationToken ct = default)
    {
        var all = new List<EvidenceIndicator>();
        foreach (var source in sources)
        {
            all.AddRange(await source.IndicatorsAsync(forceId, today, ct));
        }

        return [.. all.OrderBy(i => i.Recommendation)];
    }

    /// <summary>The indicators for one recommendation, asking only the registers that measure it.</summary>
    public async Task<IReadOnlyList<EvidenceIndicator>> ForRecommendationAsync(int forceId, int recommendation, DateOnly today, CancellationToken ct = default)
    {
        var all = new List<EvidenceIndicator>();
        foreach (var source in sources.Where(s => s.Recommendations.Contains(recommendation)))
        {
            all.AddRange((await source.IndicatorsAsync(forceId, today, ct)).Where(i => i.Recommendation == recommendation));
        }

        return all;
    }
}

namespace Evenhand.HateIncidents.Analysis;

/// <summary>
/// What to analyse: incidents reported from <see cref="From"/> to <see cref="To"/> (whole days, Europe/London), optionally
/// only one current outcome ("hate-crime", "nchi", "nchi-with-personal-data", "no-record", or "not-assessed") and one characteristic.
/// </summary>
public sealed record HateAnalysisFilter(DateOnly From, DateOnly To, string? Outcome = null, string? Characteristic = null)
{
    public const string NotAssessed = "not-assessed";

    /// <summary>The last twelve whole months and the current month to date.</summary>
    public static HateAnalysisFilter Default(DateOnly today) => new(new DateOnly(today.Year, today.Month, 1).AddMonths(-12), today);

    /// <summary>Whether the filter narrows the period's reports by classification or characteristic.</summary>
    public bool Narrows => !string.IsNullOrEmpty(Outcome) || !string.IsNullOrEmpty(Characteristic);
}

/// <summary>A count for one key (an outcome, characteristic or area), split by current outcome.</summary>
public sealed record OutcomeSplit(int HateCrime, int Nchi, int NchiWithPersonalData, int NoRecord, int NotAssessed)
{
    public int Total => HateCrime + Nchi + NchiWithPersonalData + NoRecord + NotAssessed;

    public static OutcomeSplit Empty { get; } = new(0, 0, 0, 0, 0);

    public OutcomeSplit Add(string? outcome, int count) => outcome switch
    {
        "hate-crime" => this with { HateCrime = HateCrime + count },
        "nchi" => this with { Nchi = Nchi + count },
        "nchi-with-personal-data" => this with { NchiWithPersonalData = NchiWithPersonalData + count },
        "no-record" => this with { NoRecord = NoRecord + count },
        _ => this with { NotAssessed = NotAssessed + count },
    };
}

public sealed record KeyedCount(string Key, OutcomeSplit Counts)
{
    public int Total => Counts.Total;
}

/// <summary>One calendar month (Europe/London): incidents by outcome.</summary>
public sealed record MonthCount(DateOnly Month, OutcomeSplit Counts)
{
    public int Total => Counts.Total;
}

/// <summary>A place with more than one incident in the period, and the references of its most recent ones.</summary>
public sealed record RepeatLocation(string Area, string Location, int Count, IReadOnlyList<string> References);

/// <summary>
/// A complainant or subject named on more than one incident in the period. Identified by a label ("Complainant A"), never by
/// name: the analysis is for people who may not see personal data. Subjects appear only where their personal data is lawfully held.
/// </summary>
public sealed record RepeatPerson(string Label, int Count, IReadOnlyList<string> References);

/// <summary>How quickly NCHIs were reviewed (recommendation 18), and what is waiting now.</summary>
public sealed record ReviewTimeliness(
    int Reviewed,
    double? MedianHours,
    double? Percentile90Hours,
    int WithinTarget,
    int AwaitingReview,
    int OverdueNow)
{
    public double? ShareWithinTarget => Reviewed == 0 ? null : (double)WithinTarget / Reviewed;
}

/// <summary>Deployment decisions by outcome; NCHIs deployed before the specialist review without an immediate risk are counted apart.</summary>
public sealed record DeploymentRow(string Outcome, int Decisions, int Deployed)
{
    public double? Rate => Decisions == 0 ? null : (double)Deployed / Decisions;
}

public sealed record DeploymentSummary(IReadOnlyList<DeploymentRow> ByOutcome, int NchiDeployedBeforeReview)
{
    public int Decisions => ByOutcome.Sum(r => r.Decisions);
    public int Deployed => ByOutcome.Sum(r => r.Deployed);
    public double? Rate => Decisions == 0 ? null : (double)Deployed / Decisions;
}

/// <summary>One kind of change of classification in the incidents' history (e.g. NCHI → no record).</summary>
public sealed record ReclassificationCount(string From, string To, int Count);

public sealed record ReclassificationSummary(IReadOnlyList<ReclassificationCount> Changes, int IncidentsReclassified);

/// <summary>The parts of the analysis page, each shown on its own (the period's totals are on every one).</summary>
public enum AnalysisSection
{
    /// <summary>Outcomes and the trend by month.</summary>
    Overview,
    Characteristics,
    Areas,

    /// <summary>Repeat locations, complainants and subjects.</summary>
    Repeats,
    ReviewTimeliness,

    /// <summary>Deployment and reclassifications.</summary>
    Deployment,
}

/// <summary>Everything on the analysis page for one force and filter.</summary>
public sealed record HateIncidentAnalysis(
    HateAnalysisFilter Filter,
    int ReviewTargetHours,
    OutcomeSplit Totals,
    IReadOnlyList<KeyedCount> ByCharacteristic,
    IReadOnlyList<MonthCount> ByMonth,
    IReadOnlyList<KeyedCount> ByArea,
    IReadOnlyList<RepeatLocation> RepeatLocations,
    IReadOnlyList<RepeatPerson> RepeatComplainants,
    IReadOnlyList<RepeatPerson> RepeatSubjects,
    ReviewTimeliness Timeliness,
    DeploymentSummary Deployment,
    ReclassificationSummary Reclassifications)
{
    /// <summary>Whether the repeat complainants carry their incidents' references (the viewer may see complainants' details).</summary>
    public bool ComplainantReferencesShown { get; init; } = true;

    /// <summary>Whether the repeat subjects carry their incidents' references (the viewer may see subjects' personal data under the force's policy).</summary>
    public bool SubjectReferencesShown { get; init; } = true;
}

namespace Evenhand.SocialMedia.Datasets;

/// <summary>A sample's items as (classified non-operational, verdict if reviewed).</summary>
public sealed record DipSampleTally(int SampleId, string Keyword, string Group, bool IsTopic, int PostsWithKeyword, IReadOnlyList<(bool ClassifiedNonOperational, DipVerdict? Verdict)> Items);

/// <summary>
/// How far to trust a keyword, from its reviewed sample.
/// <see cref="KeywordPrecision"/>: of the reviewed posts containing the keyword, the share reviewers marked non-operational
/// (what a plain keyword search would get right). <see cref="ClassifierPrecision"/>: of the reviewed posts Evenhand classified
/// non-operational, the share reviewers agreed were. Each share has a 95% Wilson interval, wide when few posts are reviewed.
/// </summary>
public sealed record DipPrecisionRow(
    string Name,
    string Group,
    bool IsTopic,
    int? SampleId,
    int PostsWithKeyword,
    int Sampled,
    int Reviewed,
    int MarkedNonOperational,
    double? KeywordPrecision,
    double? KeywordLower,
    double? KeywordUpper,
    int ClassifiedNonOperational,
    int ClassifiedAndMarkedNonOperational,
    double? ClassifierPrecision,
    double? ClassifierLower,
    double? ClassifierUpper,
    int MissedNonOperational);

public sealed record DipPrecisionTable(IReadOnlyList<DipPrecisionRow> ByKeyword, IReadOnlyList<DipPrecisionRow> ByGroup);

public static class DipPrecision
{
    public static DipPrecisionTable Table(IReadOnlyList<DipSampleTally> samples)
    {
        var byKeyword = samples.Select(s => Row(s.Keyword, s.Group, s.IsTopic, s.SampleId, s.PostsWithKeyword, s.Items)).ToList();
        var byGroup = samples.GroupBy(s => (s.Group, s.IsTopic))
            .Select(g => Row(g.Key.Group, g.Key.Group, g.Key.IsTopic, null, g.Sum(s => s.PostsWithKeyword), g.SelectMany(s => s.Items).ToList()))
            .OrderByDescending(r => r.IsTopic).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new DipPrecisionTable(byKeyword, byGroup);
    }

    private static DipPrecisionRow Row(string name, string group, bool isTopic, int? sampleId, int posts, IReadOnlyList<(bool Classified, DipVerdict? Verdict)> items)
    {
        var reviewed = items.Where(i => i.Verdict is not null).ToList();
        var marked = reviewed.Count(i => i.Verdict == DipVerdict.NonOperational);
        var classified = reviewed.Count(i => i.Classified);
        var agreed = reviewed.Count(i => i.Classified && i.Verdict == DipVerdict.NonOperational);
        var missed = reviewed.Count(i => !i.Classified && i.Verdict == DipVerdict.NonOperational);
        var (kl, ku) = Wilson(marked, reviewed.Count);
        var (cl, cu) = Wilson(agreed, classified);
        return new DipPrecisionRow(name, group, isTopic, sampleId, posts, items.Count, reviewed.Count, marked,
            reviewed.Count == 0 ? null : (double)marked / reviewed.Count, kl, ku,
            classified, agreed, classified == 0 ? null : (double)agreed / classified, cl, cu, missed);
    }

    /// <summary>The Wilson score interval for a proportion at 95% (z = 1.96); null when there are no trials.</summary>
    public static (double? Lower, double? Upper) Wilson(int successes, int trials)
    {
        if (trials == 0)
        {
            return (null, null);
        }

        const double z = 1.959963984540054;
        var n = (double)trials;
        var p = successes / n;
        var denominator = 1 + (z * z / n);
        var centre = (p + (z * z / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

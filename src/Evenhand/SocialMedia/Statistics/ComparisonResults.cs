namespace Evenhand.SocialMedia.Statistics;

/// <summary>
/// Two-sample Poisson test of equal engagement per post. Group A is operational, group B non-operational.
/// </summary>
/// <param name="RateA">Mean engagement per operational post.</param>
/// <param name="RateB">Mean engagement per non-operational post.</param>
/// <param name="RateRatio">RateB / RateA (infinite when only A has no engagement, NaN when neither has any).</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="ZOrExact">The signed, continuity-corrected z statistic when the normal approximation was used;
/// NaN when the p-value came from the exact binomial test (see <see cref="IsExact"/>).</param>
public sealed record PoissonTestResult(double RateA, double RateB, double RateRatio, double PValue, double ZOrExact)
{
    /// <summary>True when the p-value is the exact binomial one (total engagement up to 1,000,000).</summary>
    public bool IsExact { get; init; }

    /// <summary>The larger of the two groups' dispersion indices (variance / mean); 1 for Poisson data.</summary>
    public double DispersionIndex { get; init; } = double.NaN;

    /// <summary>One plain-English sentence (plus a warning when engagement is over-dispersed).</summary>
    public string Reading { get; init; } = "";
}

/// <summary>Mann–Whitney U test (Wilcoxon rank-sum) of engagement per post.</summary>
/// <param name="U">U for group B: the number of (A, B) pairs where B is higher, counting ties as half.</param>
/// <param name="Z">Signed z statistic with tie and continuity corrections (positive when B tends to be higher).</param>
/// <param name="PValue">Two-sided p-value from the normal approximation.</param>
/// <param name="ProbabilityBGreater">U / (nA × nB): the chance that a random B post beats a random A post, ties counting half.</param>
public sealed record MannWhitneyResult(double U, double Z, double PValue, double ProbabilityBGreater)
{
    /// <summary>One plain-English sentence.</summary>
    public string Reading { get; init; } = "";
}

/// <summary>Negative binomial (NB2) regression of engagement on a single operational / non-operational indicator.</summary>
/// <param name="RateRatio">Mean of B over mean of A (the maximum-likelihood estimate is exactly this).</param>
/// <param name="Lower95">Lower end of the Wald 95% confidence interval for the rate ratio.</param>
/// <param name="Upper95">Upper end of the Wald 95% confidence interval.</param>
/// <param name="PValue">Two-sided Wald p-value for a rate ratio of 1; when a group has no engagement at all this is the Mann–Whitney p-value instead.</param>
/// <param name="Dispersion">The NB2 dispersion α, where variance = μ + α μ² (so α = 0 is Poisson; the "size" k is 1 / α).</param>
public sealed record NegativeBinomialResult(double RateRatio, double Lower95, double Upper95, double PValue, double Dispersion)
{
    /// <summary>One plain-English sentence.</summary>
    public string Reading { get; init; } = "";
}

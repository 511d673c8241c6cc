using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Evenhand.SocialMedia.Statistics;

/// <summary>
/// Compares engagement per post between operational posts (group A) and non-operational posts (group B),
/// working only from histograms so the cost depends on the number of distinct values, not posts.
/// None of these methods throws for empty groups: they return NaN figures and say so in the reading.
/// </summary>
public static class EngagementComparison
{
    /// <summary>Total engagement up to which the Poisson test uses the exact binomial p-value.</summary>
    public const long ExactPoissonLimit = 1_000_000;

    /// <summary>Dispersion index above which the Poisson test's p-value is flagged as untrustworthy.</summary>
    public const double OverdispersionThreshold = 2;

    /// <summary>Reading for a comparison where a group has no posts.</summary>
    public const string NotEnoughPosts = "Not enough posts in both groups to compare.";

    /// <summary>
    /// The fewest posts each group needs before a reading says whether a difference is likely to be chance. The p-values of
    /// the Mann–Whitney and negative binomial tests rest on large-sample approximations (normal and Wald), which are not
    /// reliable for small groups, and in a small group one or two posts with unusual engagement can decide any of the three
    /// tests; 30 is the usual rule of thumb for the normal approximation. Below it the figures are still given, and the
    /// reading says why no verdict is drawn (<see cref="TooFewPosts"/>).
    /// </summary>
    public const int MinimumPostsForVerdict = 30;

    private const string NoEngagement = "Neither group's posts got any engagement, so there is nothing to compare.";
    private const double Z975 = 1.959963984540054;

    // Search range for the negative binomial dispersion α (searched on log α).
    private const double MinDispersion = 1e-8;
    private const double MaxDispersion = 1e4;

    // From this size r = 1/α upwards, ln Γ differences use Stirling's series (see LogRisingFactorialOverPower).
    private const double StirlingFrom = 50;

    /// <summary>
    /// Two-sample Poisson test of equal engagement per post. Given the total engagement N of both groups,
    /// B's share is Binomial(N, nB / (nA + nB)) when the rates are equal. Up to <see cref="ExactPoissonLimit"/>
    /// the p-value is exact and two-sided by the "as likely or less likely" rule (the sum of the probabilities
    /// of every outcome no more likely than the one observed, allowing a relative 1e-7 for rounding, as R's
    /// binom.test and poisson.test do); above it, a normal approximation with continuity correction.
    /// </summary>
    public static PoissonTestResult PoissonRateTest(CountHistogram a, CountHistogram b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return new PoissonTestResult(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN) { Reading = NotEnoughPosts };
        }

        var sumA = a.ExactSum;
        var sumB = b.ExactSum;
        var rateA = (double)sumA / a.Count;
        var rateB = (double)sumB / b.Count;
        var ratio = rateB / rateA;
        var dispersion = MaxOrNaN(DispersionIndex(a), DispersionIndex(b));
        var total = sumA + sumB;
        if (total == 0)
        {
            return new PoissonTestResult(0, 0, double.NaN, 1, double.NaN) { IsExact = true, DispersionIndex = dispersion, Reading = NoEngagement };
        }

        // Share of posts in group B: B's expected share of the engagement when rates are equal.
        var share = (double)b.Count / ((double)a.Count + b.Count);
        double p, z;
        var exact = total <= ExactPoissonLimit;
        if (exact)
        {
            p = ExactBinomialTwoSided((int)total, (int)sumB, share);
            z = double.NaN;
        }
        else
        {
            var n = (double)total;
            var difference = (double)sumB - (n * share);
            var sd = Math.Sqrt(n * share * (1 - share));
            z = Math.Sign(difference) * Math.Max(0, Math.Abs(difference) - 0.5) / sd;
            p = TwoSidedNormal(z);
        }

        var reading = PoissonReading(rateA, rateB, ratio, p, TooFewPosts(a, b));
        if (DispersionWarning(dispersion) is { } warning)
        {
            reading += " " + warning;
        }

        return new PoissonTestResult(rateA, rateB, ratio, p, z) { IsExact = exact, DispersionIndex = dispersion, Reading = reading };
    }

    /// <summary>
    /// Mann–Whitney U test, computed exactly from the two histograms: distinct values are merged in order and
    /// tied values share their mid-rank. The p-value uses the normal approximation with the tie-corrected
    /// variance σ² = nA nB / 12 × ((n + 1) − Σ(t³ − t) / (n (n − 1))) and a continuity correction of ½.
    /// </summary>
    public static MannWhitneyResult MannWhitneyU(CountHistogram a, CountHistogram b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return new MannWhitneyResult(double.NaN, double.NaN, double.NaN, double.NaN) { Reading = NotEnoughPosts };
        }

        var (valuesA, countsA) = a.ToArrays();
        var (valuesB, countsB) = b.ToArrays();

        // U for B counts, for each B post, the A posts below it plus half the A posts equal to it.
        // Twice U is a whole number; it is summed exactly (it can pass 2^53 when nA nB is large).
        Int128 twiceU = 0;
        double ties = 0;
        long aBelow = 0;
        var distinct = 0;
        int i = 0, j = 0;
        while (i < valuesA.Length || j < valuesB.Length)
        {
            long inA = 0, inB = 0;
            if (j == valuesB.Length || (i < valuesA.Length && valuesA[i] < valuesB[j]))
            {
                inA = countsA[i++];
            }
            else if (i == valuesA.Length || valuesB[j] < valuesA[i])
            {
                inB = countsB[j++];
            }
            else
            {
                inA = countsA[i++];
                inB = countsB[j++];
            }

            twiceU += (Int128)inB * ((2 * (Int128)aBelow) + inA);
            double t = inA + inB;
            ties += (t - 1) * t * (t + 1); // t³ − t, in double because t³ overflows a long for t near 10^7
            aBelow += inA;
            distinct++;
        }

        double nA = a.Count, nB = b.Count;
        var n = nA + nB;
        var u = (double)twiceU / 2;
        var pairs = nA * nB;
        var variance = distinct < 2 ? 0 : pairs / 12 * ((n + 1) - (ties / (n * (n - 1))));
        double z, p;
        if (variance <= 0)
        {
            // Every post has the same engagement: no evidence of any difference.
            z = 0;
            p = 1;
        }
        else
        {
            var difference = u - (pairs / 2);
            z = Math.Sign(difference) * Math.Max(0, Math.Abs(difference) - 0.5) / Math.Sqrt(variance);
            p = TwoSidedNormal(z);
        }

        var probability = u / pairs;
        return new MannWhitneyResult(u, z, p, probability) { Reading = MannWhitneyReading(probability, p, TooFewPosts(a, b)) };
    }

    /// <summary>
    /// Negative binomial (NB2: variance = μ + α μ²) regression of engagement on a single group indicator, by
    /// maximum likelihood. With one indicator the fitted means are the group means whatever α is, so the rate
    /// ratio is exactly meanB / meanA; α is then found by maximising the likelihood over log α. The confidence
    /// interval and p-value are Wald ones on the log rate ratio. When one group has no engagement at all the
    /// rate ratio is 0 or infinite, the interval is NaN and the p-value is taken from the Mann–Whitney test.
    /// </summary>
    public static NegativeBinomialResult NegativeBinomialRateRatio(CountHistogram a, CountHistogram b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return new NegativeBinomialResult(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN) { Reading = NotEnoughPosts };
        }

        var groupA = new NbGroup(a);
        var groupB = new NbGroup(b);
        if (groupA.Sum == 0 && groupB.Sum == 0)
        {
            return new NegativeBinomialResult(double.NaN, double.NaN, double.NaN, 1, double.NaN) { Reading = NoEngagement };
        }

        var alpha = FitDispersion(groupA, groupB);
        var ratio = groupB.Mean / groupA.Mean;
        if (groupA.Sum == 0 || groupB.Sum == 0)
        {
            var mannWhitney = MannWhitneyU(a, b);
            return new NegativeBinomialResult(ratio, double.NaN, double.NaN, mannWhitney.PValue, alpha)
            {
                Reading = NegativeBinomialZeroReading(groupA, groupB, mannWhitney.PValue),
            };
        }

        // Standard error of log(μB / μA). With a log link, the NB2 Fisher information for log μ in a group of
        // n posts is Σ μ / (1 + α μ) = n μ / (1 + α μ), so Var(log μ̂) = (1 + α μ) / (n μ) = (1/n)(1/μ + α).
        // The means are orthogonal to α (their cross information is zero) and the groups are independent,
        // so the two variances add.
        var variance = (1 / groupA.N * ((1 / groupA.Mean) + alpha)) + (1 / groupB.N * ((1 / groupB.Mean) + alpha));
        var se = Math.Sqrt(variance);
        var logRatio = Math.Log(groupB.Mean) - Math.Log(groupA.Mean);
        var lower = Math.Exp(logRatio - (Z975 * se));
        var upper = Math.Exp(logRatio + (Z975 * se));
        var p = TwoSidedNormal(logRatio / se);
        return new NegativeBinomialResult(ratio, lower, upper, p, alpha) { Reading = NegativeBinomialReading(ratio, lower, upper, p, alpha, TooFewPosts(a, b)) };
    }

    /// <summary>
    /// Null when both groups have at least <see cref="MinimumPostsForVerdict"/> posts; otherwise the sentence that replaces a
    /// verdict: how few posts the smaller group has and why that is too few. <paramref name="a"/> is the operational group.
    /// </summary>
    public static string? TooFewPosts(CountHistogram a, CountHistogram b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (fewest, group) = a.Count <= b.Count ? (a.Count, "operational") : (b.Count, "non-operational");
        return fewest >= MinimumPostsForVerdict ? null
            : $"With only {fewest.ToString("#,0", CultureInfo.InvariantCulture)} {group} post{(fewest == 1 ? "" : "s")} (fewer than {MinimumPostsForVerdict} in a group), "
              + "the test's approximations are not reliable and a few posts can decide it, so no verdict on chance is drawn.";
    }

    /// <summary>Variance / mean: 1 for Poisson data, far above 1 when engagement is over-dispersed. NaN when the mean is 0 or there are fewer than two posts.</summary>
    public static double DispersionIndex(CountHistogram h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.Count < 2)
        {
            return double.NaN;
        }

        var mean = h.Mean;
        return mean > 0 ? h.Variance / mean : double.NaN;
    }

    /// <summary>A warning sentence when the dispersion index is far above 1 (above <see cref="OverdispersionThreshold"/>); otherwise null.</summary>
    public static string? DispersionWarning(double dispersionIndex)
    {
        if (!(dispersionIndex > OverdispersionThreshold))
        {
            return null;
        }

        return $"Warning: engagement is over-dispersed (its variance is {FormatNumber(dispersionIndex)} times its mean, where a Poisson model assumes 1), so the Poisson test's p-value is not trustworthy; rely on the Mann-Whitney and negative binomial results instead.";
    }

    /// <summary>A p-value for display: "&lt; 0.001" below 0.001, otherwise 3 significant digits (invariant culture).</summary>
    public static string FormatPValue(double p)
    {
        if (double.IsNaN(p))
        {
            return "n/a";
        }

        return p < 0.001 ? "< 0.001" : p.ToString("G3", CultureInfo.InvariantCulture);
    }

    // "p < 0.001" or "p = 0.12".
    private static string PClause(double p) => p < 0.001 ? "p < 0.001" : "p = " + FormatPValue(p);

    // Three significant digits, without exponents for everyday sizes.
    internal static string FormatNumber(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return x.ToString(CultureInfo.InvariantCulture);
        }

        var size = Math.Abs(x);
        if (size >= 1000 && size < 1e15)
        {
            return x.ToString("#,0", CultureInfo.InvariantCulture);
        }

        if (size >= 100 || size == 0)
        {
            return x.ToString("0", CultureInfo.InvariantCulture);
        }

        return size >= 1e-4 ? x.ToString("G3", CultureInfo.InvariantCulture) : x < 0 ? "more than -0.0001" : "less than 0.0001";
    }

    private static string PoissonReading(double rateA, double rateB, double ratio, double p, string? tooFew)
    {
        var chance = tooFew is not null ? "" : p < 0.001 ? "this difference would be very unlikely by chance"
            : p < 0.05 ? "this difference would be unlikely by chance"
            : "a difference this size could well arise by chance";
        string comparison;
        if (rateA == 0)
        {
            comparison = $"Operational posts got no engagement, while non-operational posts averaged {FormatNumber(rateB)} engagements each";
        }
        else if (rateB == 0)
        {
            comparison = $"Non-operational posts got no engagement, while operational posts averaged {FormatNumber(rateA)} engagements each";
        }
        else
        {
            comparison = $"Non-operational posts got {FormatNumber(ratio)} times the engagement per post of operational posts";
        }

        return tooFew is not null
            ? $"{comparison} (Poisson model, {PClause(p)}). {tooFew}"
            : $"{comparison}; under a Poisson model {chance} ({PClause(p)}).";
    }

    private static string MannWhitneyReading(double probability, double p, string? tooFew)
    {
        var percent = (probability * 100).ToString("0", CultureInfo.InvariantCulture);
        var verdict = p >= 0.05 ? "no clear difference"
            : probability > 0.5 ? "non-operational posts tended to get more engagement"
            : "non-operational posts tended to get less engagement";
        var sentence = $"A randomly chosen non-operational post had more engagement than a randomly chosen operational post {percent}% of the time, counting ties as half ({PClause(p)})";
        return tooFew is not null ? $"{sentence}. {tooFew}" : $"{sentence}: {verdict}.";
    }

    private static string NegativeBinomialReading(double ratio, double lower, double upper, double p, double alpha, string? tooFew)
    {
        var verdict = p < 0.05 ? "a difference unlikely to be chance" : "no clear difference";
        var figures = $"Allowing for over-dispersion (negative binomial, α = {FormatNumber(alpha)}), non-operational posts got {FormatNumber(ratio)} times the engagement per post of operational posts (95% CI {FormatNumber(lower)} to {FormatNumber(upper)}; {PClause(p)})";
        return tooFew is not null ? $"{figures}. {tooFew}" : $"{figures}: {verdict}.";
    }

    private static string NegativeBinomialZeroReading(NbGroup a, NbGroup b, double p)
    {
        var (none, some, mean) = a.Sum == 0 ? ("Operational", "non-operational", b.Mean) : ("Non-operational", "operational", a.Mean);
        return $"{none} posts got no engagement at all while {some} posts averaged {FormatNumber(mean)}, so no confidence interval for the rate ratio can be given; the p-value is the Mann-Whitney one ({PClause(p)}).";
    }

    private static double MaxOrNaN(double x, double y) => double.IsNaN(x) ? y : double.IsNaN(y) ? x : Math.Max(x, y);

    // Two-sided normal tail probability, 2 × (1 − Φ(|z|)); Erfc keeps accuracy far into the tail and underflows to 0.
    private static double TwoSidedNormal(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>
    /// Exact two-sided binomial p-value: the total probability of every k whose probability is at most
    /// P(X = x) × (1 + 1e-7). The binomial is unimodal, so those k form two tails found by binary search,
    /// and each tail is summed outward from its inner end by the term-to-term ratio until terms vanish.
    /// </summary>
    internal static double ExactBinomialTwoSided(int n, int x, double p)
    {
        var mode = (int)Math.Min(n, Math.Floor((n + 1) * p));
        var cutoff = Binomial.PMFLn(p, n, x) + Math.Log(1 + 1e-7);
        if (Binomial.PMFLn(p, n, mode) <= cutoff)
        {
            // The observed count is (within rounding) the most likely one, so every outcome counts.
            return 1;
        }

        // Below the mode probabilities rise with k: find the last k in [0, mode) that is no more likely than x.
        int lo = 0, hi = mode; // answer in [lo − 1, hi − 1]
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Binomial.PMFLn(p, n, mid) <= cutoff)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var lowerEnd = lo - 1;

        // Above the mode probabilities fall: find the first k in (mode, n] that is no more likely than x.
        lo = mode + 1;
        hi = n + 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Binomial.PMFLn(p, n, mid) <= cutoff)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var upperStart = lo;
        var total = 0.0;
        if (lowerEnd >= 0)
        {
            total += TailSum(n, lowerEnd, p, downward: true);
        }

        if (upperStart <= n)
        {
            total += TailSum(n, upperStart, p, downward: false);
        }

        return Math.Min(1, total);
    }

    // P(X ≤ start) when downward, else P(X ≥ start). Terms are scaled by P(X = start) while summing, so
    // nothing underflows until the final multiplication (which may underflow to 0 for an extreme tail).
    private static double TailSum(int n, int start, double p, bool downward)
    {
        var odds = p / (1 - p);
        double sum = 1, term = 1;
        if (downward)
        {
            for (var k = start; k > 0; k--)
            {
                // P(k − 1) / P(k) = k / (n − k + 1) × (1 − p) / p
                term *= k / ((n - k + 1) * odds);
                sum += term;
                if (term < sum * 1e-17)
                {
                    break;
                }
            }
        }
        else
        {
            for (var k = start; k < n; k++)
            {
                // P(k + 1) / P(k) = (n − k) / (k + 1) × p / (1 − p)
                term *= (double)(n - k) / (k + 1) * odds;
                sum += term;
                if (term < sum * 1e-17)
                {
                    break;
                }
            }
        }

        return Math.Exp(Binomial.PMFLn(p, n, start) + Math.Log(sum));
    }

    // ---- Negative binomial fit ----

    /// <summary>One group's histogram in the shape the likelihood needs.</summary>
    private sealed class NbGroup
    {
        public NbGroup(CountHistogram h)
        {
            var (values, counts) = h.ToArrays();
            Values = values;
            Counts = counts;
            N = h.Count;
            Sum = (double)h.ExactSum;
            Mean = Sum / N;
        }

        public long[] Values { get; }

        public long[] Counts { get; }

        public double N { get; }

        public double Sum { get; }

        public double Mean { get; }
    }

    // Maximum-likelihood α given both groups (means fixed at the group means, which are their MLEs for any α).
    private static double FitDispersion(NbGroup a, NbGroup b)
    {
        // The slope of the log-likelihood in α at α = 0 is ½ Σ ((y − μ)² − y). If it is not positive the data
        // are no more spread out than Poisson and the likelihood falls as α leaves 0, so the fit is Poisson (α = 0).
        if (ScoreAtZero(a) + ScoreAtZero(b) <= 0)
        {
            return 0;
        }

        double LogLikelihood(double logAlpha)
        {
            var r = Math.Exp(-logAlpha);
            return GroupLogLikelihood(a, r) + GroupLogLikelihood(b, r);
        }

        // Coarse scan over log α to find the best neighbourhood, then golden-section search inside it.
        const int GridPoints = 15;
        double lowU = Math.Log(MinDispersion), highU = Math.Log(MaxDispersion);
        var step = (highU - lowU) / (GridPoints - 1);
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var g = 0; g < GridPoints; g++)
        {
            var value = LogLikelihood(lowU + (g * step));
            if (value > bestValue)
            {
                bestValue = value;
                best = g;
            }
        }

        var left = lowU + (Math.Max(0, best - 1) * step);
        var right = lowU + (Math.Min(GridPoints - 1, best + 1) * step);
        var u = GoldenSectionMaximum(LogLikelihood, left, right, 1e-7);
        var fitted = LogLikelihood(u);

        // The Poisson limit (α → 0) is the log-likelihood with r infinite: −Σy for each group.
        var poisson = -(a.Sum + b.Sum);
        return fitted > poisson ? Math.Exp(u) : 0;
    }

    private static double ScoreAtZero(NbGroup g)
    {
        double score = 0;
        for (var i = 0; i < g.Values.Length; i++)
        {
            var d = g.Values[i] - g.Mean;
            score += g.Counts[i] * ((d * d) - g.Values[i]);
        }

        return score;
    }

    /// <summary>
    /// The NB2 log-likelihood of one group at size r = 1/α with mean fixed at the group mean, leaving out the
    /// parts that do not depend on α (−ln y! and y ln μ). Per post it is
    /// [lnΓ(y + r) − lnΓ(r) − y ln r] − (y + r) ln(1 + μ / r), which tends to −μ as r → ∞ (the Poisson limit).
    /// </summary>
    internal static double GroupLogLikelihood(long[] values, long[] counts, double n, double sum, double r)
    {
        if (sum == 0)
        {
            return 0;
        }

        double total = 0;
        if (r < StirlingFrom)
        {
            // Values come in ascending order and are mostly close together, so walk the recurrence
            // ln[Γ(k + 1 + r) / (Γ(k + r) r)] = ln(k + r) − ln r across small gaps (one log per step)
            // and only call GammaLn across big ones. This is several times faster than GammaLn per value.
            var logR = Math.Log(r);
            var lnGammaR = SpecialFunctions.GammaLn(r);
            long previous = 0;
            double term = 0; // the bracket at y = previous
            for (var i = 0; i < values.Length; i++)
            {
                var y = values[i];
                if (y == 0)
                {
                    continue;
                }

                if (y - previous <= 16)
                {
                    for (var k = previous; k < y; k++)
                    {
                        term += Math.Log(k + r) - logR;
                    }
                }
                else
                {
                    term = SpecialFunctions.GammaLn(y + r) - lnGammaR - (y * logR);
                }

                previous = y;
                total += counts[i] * term;
            }
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                var y = values[i];
                if (y != 0)
                {
                    total += counts[i] * LogRisingFactorialOverPower(y, r);
                }
            }
        }

        return total - ((sum + (n * r)) * Log1P(sum / n / r));
    }

    private static double GroupLogLikelihood(NbGroup g, double r) => GroupLogLikelihood(g.Values, g.Counts, g.N, g.Sum, r);

    /// <summary>
    /// ln[Γ(y + r) / (Γ(r) r^y)], which tends to 0 as r grows. For large r the two log-gammas are huge and
    /// nearly equal, so their difference is taken from Stirling's series instead, where it can be formed
    /// without cancellation: (y + r − ½) ln(1 + y/r) − y + S(y + r) − S(r).
    /// </summary>
    internal static double LogRisingFactorialOverPower(long y, double r)
    {
        if (r < StirlingFrom)
        {
            return SpecialFunctions.GammaLn(y + r) - SpecialFunctions.GammaLn(r) - (y * Math.Log(r));
        }

        return ((y + r - 0.5) * Log1P(y / r)) - y + StirlingTail(y + r) - StirlingTail(r);
    }

    // lnΓ(z) − [(z − ½) ln z − z + ½ ln 2π]; four terms are accurate to about 1e-18 for z ≥ 50.
    private static double StirlingTail(double z)
    {
        var inv = 1 / z;
        var inv2 = inv * inv;
        return inv * ((1.0 / 12) - (inv2 * ((1.0 / 360) - (inv2 * ((1.0 / 1260) - (inv2 / 1680))))));
    }

    /// <summary>ln(1 + x), accurate for small x (Math.Log(1 + x) loses the digits of x).</summary>
    internal static double Log1P(double x)
    {
        var u = 1 + x;
        if (u == 1)
        {
            return x;
        }

        // The rounding in u cancels: ln(u) / (u − 1) varies slowly, so it is accurate to use it for x.
        return Math.Log(u) * x / (u - 1);
    }

    private static double GoldenSectionMaximum(Func<double, double> f, double left, double right, double tolerance)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var c = right - (ratio * (right - left));
        var d = left + (ratio * (right - left));
        double fc = f(c), fd = f(d);
        while (right - left > tolerance)
        {
            if (fc >= fd)
            {
                right = d;
                d = c;
                fd = fc;
                c = right - (ratio * (right - left));
                fc = f(c);
            }
            else
            {
                left = c;
                c = d;
                fc = fd;
                d = left + (ratio * (right - left));
                fd = f(d);
            }
        }

        return (left + right) / 2;
    }
}

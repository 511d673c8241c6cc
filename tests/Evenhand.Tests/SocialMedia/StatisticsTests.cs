using System.Globalization;
using System.Numerics;
using Evenhand.SocialMedia.Statistics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Xunit.Abstractions;

namespace Evenhand.Tests.SocialMedia;

public sealed class StatisticsTests(ITestOutputHelper output)
{
    // ---- CountHistogram ----

    [Fact]
    public void CountHistogram_MatchesDirectSums_AcrossDenseAndSparseValues()
    {
        var rng = new Random(7);
        var values = new List<long>();
        var h = new CountHistogram();
        for (var i = 0; i < 5000; i++)
        {
            long v = rng.Next(4) == 0 ? rng.NextInt64(60_000, 5_000_000) : rng.Next(50);
            values.Add(v);
            h.Add(v);
        }

        h.Add(CountHistogram.DenseLimit - 1, 3);
        h.Add(CountHistogram.DenseLimit, 2);
        values.AddRange([CountHistogram.DenseLimit - 1, CountHistogram.DenseLimit - 1, CountHistogram.DenseLimit - 1, CountHistogram.DenseLimit, CountHistogram.DenseLimit]);

        Assert.Equal(values.Count, h.Count);
        Assert.Equal(values.Sum(), h.Sum);
        Assert.Equal(values.Sum(v => (double)v * v), h.SumOfSquares, 1e-12 * h.SumOfSquares);
        var asDoubles = values.Select(v => (double)v).ToArray();
        Assert.Equal(asDoubles.Average(), h.Mean, 1e-9);
        Assert.Equal(ArrayStatistics.Variance(asDoubles), h.Variance, 1e-9 * h.Variance);

        var expected = values.GroupBy(v => v).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())).ToList();
        Assert.Equal(expected, h.Ascending().ToList());
        Assert.Equal(expected.Count, h.DistinctCount);
    }

    [Fact]
    public void CountHistogram_Merge_AddsCounts_IncludingIntoItself()
    {
        var a = new CountHistogram();
        var b = new CountHistogram();
        a.Add(1);
        a.Add(1);
        a.Add(100_000);
        b.Add(1);
        b.Add(3);
        b.Add(100_000, 4);
        b.Add(7_000_000);

        a.Merge(b);
        Assert.Equal([(1L, 3L), (3L, 1L), (100_000L, 5L), (7_000_000L, 1L)], a.Ascending().ToList());
        Assert.Equal(10, a.Count);
        Assert.Equal(1 + 1 + 100_000 + 1 + 3 + 400_000 + 7_000_000, a.Sum);

        a.Merge(a);
        Assert.Equal([(1L, 6L), (3L, 2L), (100_000L, 10L), (7_000_000L, 2L)], a.Ascending().ToList());
        Assert.Equal(20, a.Count);
        Assert.Equal(2.0 * (1 + 1 + 100_000 + 1 + 3 + 400_000 + 7_000_000), a.Sum);
    }

    [Fact]
    public void CountHistogram_RejectsNegatives_AndEmptyStatsAreNaN()
    {
        var h = new CountHistogram();
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Add(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Add(-5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Add(5, -2));
        Assert.Equal(0, h.Count);
        Assert.Equal(0, h.Sum);
        Assert.True(double.IsNaN(h.Mean));
        Assert.True(double.IsNaN(h.Variance));
        h.Add(4);
        Assert.True(double.IsNaN(h.Variance)); // needs two values
        h.Add(6);
        Assert.Equal(5, h.Mean);
        Assert.Equal(2, h.Variance);
    }

    [Fact]
    public void DispersionIndex_IsVarianceOverMean()
    {
        var h = Histogram([0, 0, 1, 5, 10]);
        // mean 3.2; sample variance = (10.24 + 10.24 + 4.84 + 3.24 + 46.24) / 4 = 18.7
        Assert.Equal(18.7 / 3.2, EngagementComparison.DispersionIndex(h), 1e-12);
        Assert.True(double.IsNaN(EngagementComparison.DispersionIndex(new CountHistogram())));
        Assert.True(double.IsNaN(EngagementComparison.DispersionIndex(Histogram([0, 0, 0]))));
    }

    // ---- RatioHistogram ----

    [Fact]
    public void RatioHistogram_Quantile_EqualsMathNetR7_OnRandomSmallArrays()
    {
        double[] ps = [0, 0.01, 0.1, 0.25, 1.0 / 3, 0.5, 0.75, 0.9, 0.99, 1];
        for (var seed = 0; seed < 300; seed++)
        {
            var rng = new Random(seed);
            var size = rng.Next(1, 40);
            var h = new RatioHistogram();
            var data = new List<double>();
            for (var i = 0; i < size; i++)
            {
                // Small numbers so that equal ratios (1/2 and 2/4) and exact repeats are common.
                long numerator = rng.Next(0, 12);
                long denominator = rng.Next(1, 8);
                h.Add(numerator, denominator);
                data.Add((double)numerator / denominator);
            }

            foreach (var p in ps)
            {
                var expected = Statistics.QuantileCustom(data, p, QuantileDefinition.R7);
                Assert.Equal(expected, h.Quantile(p), 1e-12);
            }
        }
    }

    [Fact]
    public void RatioHistogram_Quantile_HandExample_AndEmpty()
    {
        var h = new RatioHistogram();
        Assert.True(double.IsNaN(h.Quantile(0.5)));
        h.Add(1, 4);
        h.Add(1, 2);
        h.Add(2, 4); // the same value as 1/2
        h.Add(3, 1);
        // Sorted: 0.25, 0.5, 0.5, 3. Median: h = 1.5 → halfway between 0.5 and 0.5.
        Assert.Equal(0.5, h.Quantile(0.5));
        // p = 0.9: h = 2.7 → 0.5 + 0.7 × (3 − 0.5) = 2.25
        Assert.Equal(2.25, h.Quantile(0.9), 1e-12);
        Assert.Equal(0.25, h.Quantile(0));
        Assert.Equal(3, h.Quantile(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Quantile(1.5));
    }

    [Fact]
    public void RatioHistogram_CountBelowOne_IsExact()
    {
        var h = new RatioHistogram();
        h.Add(5, 5);
        h.Add(4, 5);
        h.Add(0, 9);
        h.Add(long.MaxValue - 1, long.MaxValue); // 1 − 1e-19: a double division would say 1
        h.Add(long.MaxValue, long.MaxValue - 1);
        h.Add(7, 3);
        Assert.Equal(3, h.CountBelow(1));
        Assert.Equal(6, h.Count);
    }

    [Fact]
    public void RatioHistogram_CountBelow_MatchesExactRationalComparison()
    {
        // The double 0.1 is slightly more than 1/10, and 0.3 slightly less than 3/10.
        var tenth = new RatioHistogram();
        tenth.Add(1, 10);
        Assert.Equal(1, tenth.CountBelow(0.1));
        var threeTenths = new RatioHistogram();
        threeTenths.Add(3, 10);
        Assert.Equal(0, threeTenths.CountBelow(0.3));
        var half = new RatioHistogram();
        half.Add(1, 2);
        half.Add(50, 100);
        Assert.Equal(0, half.CountBelow(0.5));

        double[] thresholds = [0.1, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 2.5, 7, 1e-3, 1e-300, 1e300, 123456.789, double.Epsilon];
        var rng = new Random(11);
        foreach (var t in thresholds)
        {
            var h = new RatioHistogram();
            var expected = 0;
            for (var i = 0; i < 400; i++)
            {
                var d = rng.Next(3) == 0 ? rng.NextInt64(1, long.MaxValue / 4) : rng.Next(1, 10_000);
                // Numerators right at, just under and just over t × d, plus random ones.
                var near = t * d;
                long n;
                if (near < 4e18 && rng.Next(4) != 0)
                {
                    n = Math.Max(0, (long)Math.Round(near) + rng.Next(-1, 2));
                }
                else
                {
                    n = rng.NextInt64(0, 1_000_000);
                }

                h.Add(n, d);
                if (IsBelowExactly(n, d, t))
                {
                    expected++;
                }
            }

            Assert.Equal(expected, h.CountBelow(t));
        }

        var any = new RatioHistogram();
        any.Add(0, 3);
        any.Add(4, 3);
        Assert.Equal(0, any.CountBelow(0));
        Assert.Equal(0, any.CountBelow(-1));
        Assert.Equal(0, any.CountBelow(double.NaN));
        Assert.Equal(2, any.CountBelow(double.PositiveInfinity));
        Assert.Equal(1, any.CountBelow(double.Epsilon));
    }

    [Fact]
    public void RatioHistogram_Merge_AddsCounts()
    {
        var a = new RatioHistogram();
        var b = new RatioHistogram();
        a.Add(1, 2);
        a.Add(3, 4);
        b.Add(1, 2);
        b.Add(9, 1);
        a.Merge(b);
        Assert.Equal(4, a.Count);
        Assert.Equal(3, a.DistinctCount);
        Assert.Equal(3, a.CountBelow(1));
        Assert.Equal(Statistics.QuantileCustom([0.5, 0.75, 0.5, 9], 0.6, QuantileDefinition.R7), a.Quantile(0.6), 1e-12);
        a.Merge(a);
        Assert.Equal(8, a.Count);
        Assert.Equal(6, a.CountBelow(1));
    }

    // ---- Poisson test ----

    [Fact]
    public void PoissonTest_HandExample_MatchesExplicitBinomialSum()
    {
        // A: 10 posts with 20 engagements in all; B: 10 posts with 40.
        var a = Histogram([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
        var b = Histogram([0, 1, 3, 4, 4, 5, 5, 6, 6, 6]);
        Assert.Equal(40, b.Sum);

        var result = EngagementComparison.PoissonRateTest(a, b);
        Assert.Equal(2, result.RateA);
        Assert.Equal(4, result.RateB);
        Assert.Equal(2, result.RateRatio);
        Assert.True(result.IsExact);
        Assert.True(double.IsNaN(result.ZOrExact));

        // Given 60 engagements in all, B's share is Binomial(60, ½). With p = ½ the two tails are mirror images.
        var expected = ExplicitTwoSidedBinomial(60, 40, 0.5);
        var upperTail = Enumerable.Range(40, 21).Sum(k => Binomial.PMF(0.5, 60, k));
        Assert.Equal(2 * upperTail, expected, 1e-14);
        Assert.Equal(expected, result.PValue, 1e-12);
        // And in exact whole numbers: 2 × Σ_{k ≥ 40} C(60, k) / 2^60.
        var choose = BigInteger.One;
        var tail = BigInteger.Zero;
        for (var k = 0; k <= 60; k++)
        {
            if (k >= 40)
            {
                tail += choose;
            }

            choose = choose * (60 - k) / (k + 1);
        }

        Assert.Equal((double)(2 * tail) / Math.Pow(2, 60), result.PValue, 1e-15);
        // Ten posts a group is below the minimum for a verdict: the figures are given, the verdict is withheld, and why.
        Assert.Equal("Non-operational posts got 2 times the engagement per post of operational posts (Poisson model, p = 0.0135). "
            + "With only 10 operational posts (fewer than 30 in a group), the test's approximations are not reliable and a few posts can decide it, so no verdict on chance is drawn.", result.Reading);
    }

    [Fact]
    public void OneNonOperationalPost_GivesFiguresButNoVerdict_InEveryTest()
    {
        // The case found on the dashboard: one non-operational post with high engagement beside many operational ones gives
        // small p-values, which must not be read as "unlikely to be chance".
        var operational = Histogram(Enumerable.Range(0, 400).Select(i => (long)(i % 7)));
        var nonOperational = Histogram([60]);
        var poisson = EngagementComparison.PoissonRateTest(operational, nonOperational);
        var mw = EngagementComparison.MannWhitneyU(operational, nonOperational);
        var nb = EngagementComparison.NegativeBinomialRateRatio(operational, nonOperational);
        Assert.True(poisson.PValue < 0.05 && nb.PValue < 0.05, $"p = {poisson.PValue}, {nb.PValue}");
        foreach (var reading in new[] { poisson.Reading, mw.Reading, nb.Reading })
        {
            Assert.Contains("With only 1 non-operational post (fewer than 30 in a group)", reading, StringComparison.Ordinal);
            Assert.DoesNotContain("unlikely", reading, StringComparison.Ordinal);
            Assert.DoesNotContain("no clear difference", reading, StringComparison.Ordinal);
            Assert.DoesNotContain("tended to get", reading, StringComparison.Ordinal);
        }

        Assert.Contains("times the engagement per post", nb.Reading, StringComparison.Ordinal);
    }

    [Fact]
    public void ThirtyPostsInEachGroup_GetAVerdict()
    {
        var a = Histogram(Enumerable.Range(0, EngagementComparison.MinimumPostsForVerdict).Select(i => (long)(i % 3)));
        var b = Histogram(Enumerable.Range(0, EngagementComparison.MinimumPostsForVerdict).Select(i => (long)(10 + (i % 5))));
        Assert.Null(EngagementComparison.TooFewPosts(a, b));
        Assert.Contains("would be very unlikely by chance", EngagementComparison.PoissonRateTest(a, b).Reading, StringComparison.Ordinal);
        Assert.EndsWith("a difference unlikely to be chance.", EngagementComparison.NegativeBinomialRateRatio(a, b).Reading, StringComparison.Ordinal);
        Assert.NotNull(EngagementComparison.TooFewPosts(a, Histogram(Enumerable.Range(0, EngagementComparison.MinimumPostsForVerdict - 1).Select(i => (long)i))));
    }

    [Fact]
    public void PoissonTest_UnequalGroupSizes_MatchesExplicitBinomialSum()
    {
        var rng = new Random(3);
        for (var trial = 0; trial < 40; trial++)
        {
            var a = new CountHistogram();
            var b = new CountHistogram();
            var nA = rng.Next(1, 60);
            var nB = rng.Next(1, 60);
            for (var i = 0; i < nA; i++)
            {
                a.Add(rng.Next(0, 6));
            }

            for (var i = 0; i < nB; i++)
            {
                b.Add(rng.Next(0, 9));
            }

            var result = EngagementComparison.PoissonRateTest(a, b);
            var total = (int)(a.Sum + b.Sum);
            var expected = total == 0 ? 1 : ExplicitTwoSidedBinomial(total, (int)b.Sum, (double)nB / (nA + nB));
            Assert.Equal(expected, result.PValue, 1e-12);
        }
    }

    [Fact]
    public void PoissonTest_ExactAtTheLimit_AndNormalApproximationAbove()
    {
        // 1,000,000 engagements in all: still exact, checked against a full explicit sum.
        var a = new CountHistogram();
        var b = new CountHistogram();
        a.Add(5, 120_000); // 600,000
        b.Add(4, 100_000); // 400,000, where 1,000,000 × 100/220 ≈ 454,545 would be expected
        b.Add(0, 100_000);
        var exact = EngagementComparison.PoissonRateTest(a, b);
        Assert.True(exact.IsExact);
        Assert.Equal(0, exact.PValue); // far beyond double range

        var c = new CountHistogram();
        var d = new CountHistogram();
        c.Add(1, 500_000);
        d.Add(1, 499_000);
        d.Add(2, 500);
        var close = EngagementComparison.PoissonRateTest(c, d);
        Assert.True(close.IsExact);
        var pi = 499_500.0 / 999_500;
        Assert.Equal(ExplicitTwoSidedBinomial(1_000_000, 500_000, pi), close.PValue, 1e-9);

        // One more engagement: the normal approximation with continuity correction.
        d.Add(1);
        var approx = EngagementComparison.PoissonRateTest(c, d);
        Assert.False(approx.IsExact);
        pi = 499_501.0 / 999_501;
        var n = 1_000_001.0;
        var z = (Math.Abs(500_001 - (n * pi)) - 0.5) / Math.Sqrt(n * pi * (1 - pi));
        Assert.Equal(z, approx.ZOrExact, 1e-9);
        Assert.Equal(2 * (1 - Normal.CDF(0, 1, z)), approx.PValue, 1e-9);
        // And the approximation is close to the exact answer there.
        Assert.Equal(ExplicitTwoSidedBinomial(1_000_001, 500_001, pi), approx.PValue, 2e-3);
    }

    [Fact]
    public void PoissonTest_WarnsWhenOverDispersed()
    {
        var a = Histogram([0, 0, 0, 0, 0, 0, 0, 0, 1, 200]);
        var b = Histogram([0, 0, 0, 1, 2, 3, 150, 0, 0, 0]);
        var result = EngagementComparison.PoissonRateTest(a, b);
        Assert.True(result.DispersionIndex > 100);
        Assert.Contains("the Poisson test's p-value is not trustworthy", result.Reading, StringComparison.Ordinal);
        Assert.NotNull(EngagementComparison.DispersionWarning(3));
        Assert.Null(EngagementComparison.DispersionWarning(1.1));
        Assert.Null(EngagementComparison.DispersionWarning(double.NaN));

        var poissonLike = EngagementComparison.PoissonRateTest(Histogram([1, 2, 1, 2, 1, 2]), Histogram([2, 1, 2, 2, 1]));
        Assert.DoesNotContain("Warning", poissonLike.Reading, StringComparison.Ordinal);
    }

    // ---- Mann–Whitney ----

    [Fact]
    public void MannWhitney_EqualsBruteForce_WithTies()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var rng = new Random(seed);
            var xs = Enumerable.Range(0, rng.Next(1, 25)).Select(_ => (long)rng.Next(0, 6)).ToArray();
            var ys = Enumerable.Range(0, rng.Next(1, 25)).Select(_ => (long)rng.Next(0, 8)).ToArray();
            var result = EngagementComparison.MannWhitneyU(Histogram(xs), Histogram(ys));

            // U for B by comparing every pair.
            double u = 0;
            foreach (var x in xs)
            {
                foreach (var y in ys)
                {
                    u += y > x ? 1 : y == x ? 0.5 : 0;
                }
            }

            Assert.Equal(u, result.U);
            Assert.Equal(u / (xs.Length * ys.Length), result.ProbabilityBGreater, 1e-15);

            // The permutation variance of U from mid-ranks: nA nB / (n (n − 1)) × Σ (rank − (n + 1)/2)².
            // It is algebraically equal to the tie-corrected formula, but computed independently here.
            var all = xs.Concat(ys).Select(v => (double)v).ToArray();
            var ranks = all.Select(v => all.Count(w => w < v) + ((all.Count(w => w == v) + 1) / 2.0)).ToArray();
            double n = all.Length, nA = xs.Length, nB = ys.Length;
            var variance = nA * nB / (n * (n - 1)) * ranks.Sum(r => (r - ((n + 1) / 2)) * (r - ((n + 1) / 2)));
            if (n < 2 || variance <= 1e-12)
            {
                Assert.Equal(1, result.PValue);
                continue;
            }

            var d = u - (nA * nB / 2);
            var z = Math.Sign(d) * Math.Max(0, Math.Abs(d) - 0.5) / Math.Sqrt(variance);
            Assert.Equal(z, result.Z, 1e-10);
            Assert.Equal(2 * (1 - Normal.CDF(0, 1, Math.Abs(z))), result.PValue, 1e-10);
        }
    }

    [Fact]
    public void MannWhitney_HandExample_AndReading()
    {
        // A = {1, 2, 2}, B = {2, 3}. Pairs where B wins: 2 beats 1, ties with two 2s (2 × ½); 3 beats all three → U = 1 + 1 + 3 = 5.
        var result = EngagementComparison.MannWhitneyU(Histogram([1, 2, 2]), Histogram([2, 3]));
        Assert.Equal(5, result.U);
        Assert.Equal(5.0 / 6, result.ProbabilityBGreater, 1e-15);
        // σ² = 3·2/12 × (6 − (27 − 3)/(5·4)) = 0.5 × 4.8 = 2.4; z = (5 − 3 − 0.5)/√2.4
        Assert.Equal(1.5 / Math.Sqrt(2.4), result.Z, 1e-12);
        Assert.StartsWith("A randomly chosen non-operational post had more engagement than a randomly chosen operational post 83% of the time", result.Reading, StringComparison.Ordinal);
        Assert.EndsWith("(p = 0.333). With only 2 non-operational posts (fewer than 30 in a group), the test's approximations are not reliable and a few posts can decide it, so no verdict on chance is drawn.", result.Reading, StringComparison.Ordinal);

        var allTied = EngagementComparison.MannWhitneyU(Histogram([4, 4]), Histogram([4]));
        Assert.Equal(0, allTied.Z);
        Assert.Equal(1, allTied.PValue);
    }

    // ---- Negative binomial ----

    [Fact]
    public void NegativeBinomial_RateRatioIsMeanRatio_AndDispersionNearZeroForPoissonData()
    {
        var rng = new Random(21);
        var a = new CountHistogram();
        var b = new CountHistogram();
        for (var i = 0; i < 20_000; i++)
        {
            a.Add(Poisson.Sample(rng, 3.0));
            b.Add(Poisson.Sample(rng, 3.3));
        }

        var result = EngagementComparison.NegativeBinomialRateRatio(a, b);
        Assert.Equal(b.Mean / a.Mean, result.RateRatio, 1e-15);
        Assert.True(result.Dispersion < 0.01, $"α = {result.Dispersion}");
        Assert.True(result.Lower95 < result.RateRatio && result.RateRatio < result.Upper95);
        Assert.True(result.PValue < 0.001);
    }

    [Fact]
    public void NegativeBinomial_RecoversDispersion_AndMaximisesTheFullLikelihood()
    {
        const double TrueAlpha = 2;
        var rng = new Random(5);
        var xs = new long[30_000];
        var ys = new long[10_000];
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = NegativeBinomial.Sample(rng, 1 / TrueAlpha, (1 / TrueAlpha) / ((1 / TrueAlpha) + 4.0));
        }

        for (var i = 0; i < ys.Length; i++)
        {
            ys[i] = NegativeBinomial.Sample(rng, 1 / TrueAlpha, (1 / TrueAlpha) / ((1 / TrueAlpha) + 3.0));
        }

        var a = Histogram(xs);
        var b = Histogram(ys);
        var result = EngagementComparison.NegativeBinomialRateRatio(a, b);
        Assert.Equal(b.Mean / a.Mean, result.RateRatio, 1e-15);
        Assert.InRange(result.Dispersion, 1.85, 2.15);

        // The full NB log-likelihood, post by post with MathNet's pmf, is highest at the fitted α.
        double FullLogLikelihood(double alpha, double muA, double muB)
        {
            var r = 1 / alpha;
            return xs.Sum(y => NegativeBinomial.PMFLn(r, r / (r + muA), (int)y)) + ys.Sum(y => NegativeBinomial.PMFLn(r, r / (r + muB), (int)y));
        }

        var alphaHat = result.Dispersion;
        var best = FullLogLikelihood(alphaHat, a.Mean, b.Mean);
        Assert.True(best >= FullLogLikelihood(alphaHat * 1.001, a.Mean, b.Mean));
        Assert.True(best >= FullLogLikelihood(alphaHat / 1.001, a.Mean, b.Mean));
        Assert.True(best >= FullLogLikelihood(alphaHat, a.Mean * 1.001, b.Mean));
        Assert.True(best >= FullLogLikelihood(alphaHat, a.Mean, b.Mean / 1.001));

        // The standard error of log(rate ratio) from the observed information: second differences of the
        // full log-likelihood in log μA and log μB (the two are unlinked, so the variances add).
        const double H = 1e-3;
        double Curvature(Func<double, double> f) => -(f(H) - (2 * f(0)) + f(-H)) / (H * H);
        var infoA = Curvature(s => xs.Sum(y => NegativeBinomial.PMFLn(1 / alphaHat, (1 / alphaHat) / ((1 / alphaHat) + (a.Mean * Math.Exp(s))), (int)y)));
        var infoB = Curvature(s => ys.Sum(y => NegativeBinomial.PMFLn(1 / alphaHat, (1 / alphaHat) / ((1 / alphaHat) + (b.Mean * Math.Exp(s))), (int)y)));
        var se = Math.Sqrt((1 / infoA) + (1 / infoB));
        var expectedLower = result.RateRatio * Math.Exp(-1.959963984540054 * se);
        var expectedUpper = result.RateRatio * Math.Exp(1.959963984540054 * se);
        Assert.Equal(expectedLower, result.Lower95, 1e-4);
        Assert.Equal(expectedUpper, result.Upper95, 1e-4);
        var z = Math.Log(result.RateRatio) / se;
        Assert.Equal(2 * Normal.CDF(0, 1, -Math.Abs(z)), result.PValue, 1e-6);
    }

    [Fact]
    public void NegativeBinomial_HeavyTailedData_HasClearlyPositiveDispersion()
    {
        var (a, b) = LogNormalHistograms(new Random(9), 50_000, 5_000);
        var result = EngagementComparison.NegativeBinomialRateRatio(a, b);
        Assert.True(result.Dispersion > 0.5, $"α = {result.Dispersion}");
        Assert.Equal(b.Mean / a.Mean, result.RateRatio, 1e-15);
        Assert.StartsWith("Allowing for over-dispersion (negative binomial, α = ", result.Reading, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeBinomial_GroupWithNoEngagement_GivesNaNInterval_AndMannWhitneyP()
    {
        var a = Histogram([0, 0, 0, 0, 0]);
        var b = Histogram([0, 3, 1, 7, 2, 0]);
        var result = EngagementComparison.NegativeBinomialRateRatio(a, b);
        Assert.True(double.IsPositiveInfinity(result.RateRatio));
        Assert.True(double.IsNaN(result.Lower95) && double.IsNaN(result.Upper95));
        Assert.Equal(EngagementComparison.MannWhitneyU(a, b).PValue, result.PValue);
        Assert.StartsWith("Operational posts got no engagement at all", result.Reading, StringComparison.Ordinal);

        var flipped = EngagementComparison.NegativeBinomialRateRatio(b, a);
        Assert.Equal(0, flipped.RateRatio);
        Assert.True(double.IsNaN(flipped.Lower95));
    }

    [Fact]
    public void LogRisingFactorialOverPower_MatchesSumOfLogs_OnBothSidesOfTheSwitch()
    {
        double[] sizes = [1e-3, 0.5, 3, 49.99, 50, 50.01, 400, 1e5, 1e9, 1e13];
        long[] ys = [1, 2, 7, 40, 300];
        foreach (var r in sizes)
        {
            foreach (var y in ys)
            {
                // ln Γ(y + r) − ln Γ(r) − y ln r = Σ_{j < y} ln(1 + j / r)
                double expected = 0;
                for (var j = 0; j < y; j++)
                {
                    expected += Math.Log((r + j) / r);
                }

                var actual = EngagementComparison.LogRisingFactorialOverPower(y, r);
                Assert.Equal(expected, actual, (Math.Abs(expected) * 1e-10) + 1e-11);
            }
        }
    }

    [Fact]
    public void GroupLogLikelihood_MatchesPostByPostSum()
    {
        long[] values = [0, 1, 2, 3, 10, 30, 31, 47, 1000, 1003, 70_000];
        long[] counts = [50, 20, 9, 4, 3, 2, 2, 1, 1, 1, 1];
        double n = counts.Sum();
        double sum = values.Zip(counts, (v, c) => (double)v * c).Sum();
        foreach (var r in new[] { 0.01, 0.7, 5, 49.9, 50, 800, 1e8 })
        {
            // Σ over posts of ln Γ(y + r) − ln Γ(r) − y ln r − (y + r) ln(1 + μ / r), with the first three as a sum of logs.
            double expected = 0;
            for (var i = 0; i < values.Length; i++)
            {
                double bracket = 0;
                for (var j = 0; j < values[i]; j++)
                {
                    bracket += Math.Log((r + j) / r);
                }

                expected += counts[i] * (bracket - ((values[i] + r) * Math.Log((r + (sum / n)) / r)));
            }

            var actual = EngagementComparison.GroupLogLikelihood(values, counts, n, sum, r);
            Assert.Equal(expected, actual, Math.Abs(expected) * 1e-10);
        }
    }

    // ---- Big numbers and empty groups ----

    [Fact]
    public void LargeTotals_DoNotOverflowOrGiveNaN()
    {
        var a = new CountHistogram();
        var b = new CountHistogram();
        a.Add(0, 100_000_000);
        a.Add(1000, 1_000_000);      // 10^9 engagements
        b.Add(0, 50_000_000);
        b.Add(7, 100_000_000);       // 7 × 10^8
        b.Add(3_000_000_000, 1);     // one enormous value in the sparse part
        Assert.Equal(1e9, a.Sum);
        Assert.Equal(7e8 + 3e9, b.Sum);

        var poisson = EngagementComparison.PoissonRateTest(a, b);
        Assert.False(poisson.IsExact);
        Assert.True(double.IsFinite(poisson.RateRatio) && double.IsFinite(poisson.ZOrExact));
        Assert.Equal(0, poisson.PValue);

        var mw = EngagementComparison.MannWhitneyU(a, b);
        // By hand: B's 0s tie with A's 10^8 zeros; B's 7s beat A's zeros and lose to A's 1000s; the big one beats all.
        var u = (50_000_000.0 * 100_000_000 / 2) + (100_000_000.0 * 100_000_000) + 101_000_000.0;
        Assert.Equal(u, mw.U, u * 1e-15);
        Assert.True(double.IsFinite(mw.Z) && double.IsFinite(mw.PValue) && mw.PValue >= 0 && mw.PValue <= 1);

        var nb = EngagementComparison.NegativeBinomialRateRatio(a, b);
        Assert.Equal(b.Mean / a.Mean, nb.RateRatio, 1e-15);
        Assert.True(double.IsFinite(nb.Lower95) && double.IsFinite(nb.Upper95) && double.IsFinite(nb.Dispersion) && !double.IsNaN(nb.PValue));
        Assert.True(nb.Dispersion > 0);
    }

    [Fact]
    public void EmptyGroups_GiveNaN_AndSaySo_WithoutThrowing()
    {
        var empty = new CountHistogram();
        var some = Histogram([1, 2, 3]);
        foreach (var (a, b) in new[] { (empty, some), (some, empty), (empty, new CountHistogram()) })
        {
            var poisson = EngagementComparison.PoissonRateTest(a, b);
            var mw = EngagementComparison.MannWhitneyU(a, b);
            var nb = EngagementComparison.NegativeBinomialRateRatio(a, b);
            Assert.True(double.IsNaN(poisson.PValue) && double.IsNaN(poisson.RateRatio));
            Assert.True(double.IsNaN(mw.PValue) && double.IsNaN(mw.U));
            Assert.True(double.IsNaN(nb.PValue) && double.IsNaN(nb.RateRatio));
            Assert.Equal("Not enough posts in both groups to compare.", poisson.Reading);
            Assert.Equal("Not enough posts in both groups to compare.", mw.Reading);
            Assert.Equal("Not enough posts in both groups to compare.", nb.Reading);
        }

        // Posts but no engagement anywhere.
        var zeros = Histogram([0, 0]);
        var none = EngagementComparison.PoissonRateTest(zeros, Histogram([0]));
        Assert.Equal(1, none.PValue);
        Assert.Equal(1, EngagementComparison.MannWhitneyU(zeros, Histogram([0])).PValue);
        Assert.Equal(1, EngagementComparison.NegativeBinomialRateRatio(zeros, Histogram([0])).PValue);
    }

    [Fact]
    public void PValues_AreFormattedInvariantly()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("< 0.001", EngagementComparison.FormatPValue(0.000_99));
            Assert.Equal("0.001", EngagementComparison.FormatPValue(0.001));
            Assert.Equal("0.12", EngagementComparison.FormatPValue(0.12));
            Assert.Equal("0.123", EngagementComparison.FormatPValue(0.123_456));
            Assert.Equal("0.00568", EngagementComparison.FormatPValue(0.005_678));
            Assert.Equal("1", EngagementComparison.FormatPValue(1));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    // ---- Full scale ----
    // How fast this runs is the social media benchmark's business (bench/Evenhand.Bench social); here, that nothing overflows
    // or loses a value at the size of the national dataset.

    [Fact]
    public void AtFullScale_TheHistogramKeepsEveryValue_AndAllThreeTestsGiveUsableAnswers()
    {
        // 5,000,000 heavy-tailed counts, streamed in.
        var rng = new Random(1);
        var values = new long[5_000_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (long)Math.Round(Math.Exp(1 + (1.8 * Normal.Sample(rng, 0, 1))));
        }

        var stream = new CountHistogram();
        foreach (var v in values)
        {
            stream.Add(v);
        }

        Assert.Equal(values.LongLength, stream.Count);
        Assert.Equal((double)values.Sum(), stream.Sum);
        Assert.Equal(values.Distinct().Count(), stream.DistinctCount);
        Assert.Equal(values.Max(), stream.Ascending().Last().Value);

        // 857,000 heavy-tailed values split between the groups, as in the national sample.
        var (a, b) = LogNormalHistograms(new Random(2), 800_000, 57_000);
        var poisson = EngagementComparison.PoissonRateTest(a, b);
        var mw = EngagementComparison.MannWhitneyU(a, b);
        var nb = EngagementComparison.NegativeBinomialRateRatio(a, b);
        output.WriteLine(poisson.Reading);
        output.WriteLine(mw.Reading);
        output.WriteLine(nb.Reading);

        foreach (var p in new[] { poisson.PValue, mw.PValue, nb.PValue })
        {
            Assert.InRange(p, 0, 1);
        }

        Assert.Equal(b.Mean / a.Mean, nb.RateRatio, 1e-12);
        Assert.True(nb.Lower95 < nb.RateRatio && nb.RateRatio < nb.Upper95, $"{nb.Lower95} < {nb.RateRatio} < {nb.Upper95}");
        Assert.True(double.IsFinite(nb.Lower95) && double.IsFinite(nb.Upper95) && nb.Lower95 > 0);
    }

    // ---- Helpers ----

    private static CountHistogram Histogram(IEnumerable<long> values)
    {
        var h = new CountHistogram();
        foreach (var v in values)
        {
            h.Add(v);
        }

        return h;
    }

    // Rounded log-normal engagement, with a long tail reaching past the dense range.
    private static (CountHistogram A, CountHistogram B) LogNormalHistograms(Random rng, int nA, int nB)
    {
        var a = new CountHistogram();
        var b = new CountHistogram();
        for (var i = 0; i < nA; i++)
        {
            a.Add((long)Math.Round(LogNormal.Sample(rng, 1.5, 2.0)));
        }

        for (var i = 0; i < nB; i++)
        {
            b.Add((long)Math.Round(LogNormal.Sample(rng, 1.4, 2.0)));
        }

        return (a, b);
    }

    // Two-sided binomial p-value by brute force: the sum of P(X = k) over every k no more likely than x
    // (with R's relative allowance of 1e-7 for rounding).
    private static double ExplicitTwoSidedBinomial(int n, int x, double p)
    {
        var observed = Binomial.PMFLn(p, n, x);
        double sum = 0;
        for (var k = 0; k <= n; k++)
        {
            var lp = Binomial.PMFLn(p, n, k);
            if (lp <= observed + Math.Log(1 + 1e-7))
            {
                sum += Math.Exp(lp);
            }
        }

        return Math.Min(1, sum);
    }

    // n < t × d in exact rational arithmetic, with t split as an integer times a power of two via ILogB/ScaleB.
    private static bool IsBelowExactly(long n, long d, double t)
    {
        var e = Math.ILogB(t) - 52;
        var m = new BigInteger(Math.ScaleB(t, -e)); // an exact integer below 2^53
        var left = new BigInteger(n);
        var right = m * d;
        if (e >= 0)
        {
            right <<= e;
        }
        else
        {
            left <<= -e;
        }

        return left < right;
    }
}

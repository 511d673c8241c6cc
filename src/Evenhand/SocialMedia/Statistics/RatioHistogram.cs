using System.Numerics;
using System.Runtime.InteropServices;

namespace Evenhand.SocialMedia.Statistics;

/// <summary>
/// Counts of exact ratios numerator/denominator (for example engagement per follower), kept as
/// whole-number pairs so that comparisons such as "below 1" are exact. Memory depends on the
/// number of distinct pairs, not on how many were added.
/// </summary>
public sealed class RatioHistogram
{
    private readonly Dictionary<Ratio, long> _counts = [];
    private long _count;

    // Distinct ratio values (as doubles, equal values merged) in ascending order with running counts.
    // Rebuilt lazily; valid while the count is unchanged (every change adds at least one ratio).
    private double[]? _sortedValues;
    private long[]? _cumulative;
    private long _sortedAt = -1;

    /// <summary>How many ratios have been added.</summary>
    public long Count => _count;

    /// <summary>Number of distinct (numerator, denominator) pairs.</summary>
    public int DistinctCount => _counts.Count;

    /// <summary>Adds one ratio. Needs numerator ≥ 0 and denominator &gt; 0.</summary>
    public void Add(long numerator, long denominator) => Add(numerator, denominator, 1);

    /// <summary>Adds <paramref name="count"/> copies of one ratio.</summary>
    public void Add(long numerator, long denominator, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(_counts, new Ratio(numerator, denominator), out _) += count;
        _count += count;
    }

    /// <summary>Adds every ratio counted in <paramref name="other"/> to this histogram.</summary>
    public void Merge(RatioHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._count == 0)
        {
            return;
        }

        // Copy first so that merging a histogram into itself is safe.
        foreach (var (key, count) in other._counts.ToArray())
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out _) += count;
        }

        _count += other._count;
    }

    /// <summary>Distinct (numerator, denominator) pairs with their counts, in no particular order.</summary>
    public IEnumerable<(long Numerator, long Denominator, long Count)> Pairs()
    {
        foreach (var (key, count) in _counts)
        {
            yield return (key.Numerator, key.Denominator, count);
        }
    }

    /// <summary>
    /// How many ratios are strictly below <paramref name="threshold"/>, decided exactly:
    /// numerator &lt; threshold × denominator with no rounding (a threshold of 1 is a plain whole-number comparison).
    /// </summary>
    public long CountBelow(double threshold)
    {
        if (double.IsNaN(threshold) || threshold <= 0)
        {
            // Numerators are never negative, so nothing is below zero or below a negative number.
            return 0;
        }

        long below = 0;
        if (threshold == 1)
        {
            foreach (var (key, count) in _counts)
            {
                if (key.Numerator < key.Denominator)
                {
                    below += count;
                }
            }

            return below;
        }

        if (double.IsPositiveInfinity(threshold))
        {
            return _count;
        }

        var exact = new ExactThreshold(threshold);
        foreach (var (key, count) in _counts)
        {
            if (exact.IsBelow(key.Numerator, key.Denominator))
            {
                below += count;
            }
        }

        return below;
    }

    /// <summary>
    /// The p-quantile by definition R-7 (numpy's default, Excel's PERCENTILE.INC): with the n ratios
    /// sorted, h = (n − 1)p and the answer interpolates linearly between order statistics ⌊h⌋ and ⌊h⌋ + 1
    /// (counting from 0). NaN when empty.
    /// </summary>
    public double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The quantile must be between 0 and 1.");
        }

        if (_count == 0)
        {
            return double.NaN;
        }

        EnsureSorted();
        var h = (_count - 1) * p;
        var low = (long)Math.Floor(h);
        if (low >= _count - 1)
        {
            return ValueAtRank(_count - 1);
        }

        var lowValue = ValueAtRank(low);
        var highValue = ValueAtRank(low + 1);
        var fraction = h - low;
        return fraction == 0 || lowValue == highValue ? lowValue : lowValue + (fraction * (highValue - lowValue));
    }

    // The value of the order statistic at a 0-based rank, found by binary search on running counts.
    private double ValueAtRank(long rank)
    {
        var cumulative = _cumulative!;
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumulative[mid] > rank)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return _sortedValues![lo];
    }

    private void EnsureSorted()
    {
        if (_sortedAt == _count && _sortedValues is not null)
        {
            return;
        }

        var values = new double[_counts.Count];
        var counts = new long[_counts.Count];
        var i = 0;
        foreach (var (key, count) in _counts)
        {
            values[i] = (double)key.Numerator / key.Denominator;
            counts[i] = count;
            i++;
        }

        Array.Sort(values, counts);

        // Merge equal values (for example 1/2 and 2/4) and turn counts into running totals.
        var distinct = 0;
        long running = 0;
        for (var j = 0; j < values.Length; j++)
        {
            running += counts[j];
            if (distinct > 0 && values[distinct - 1] == values[j])
            {
                counts[distinct - 1] = running;
            }
            else
            {
                values[distinct] = values[j];
                counts[distinct] = running;
                distinct++;
            }
        }

        _sortedValues = values[..distinct];
        _cumulative = counts[..distinct];
        _sortedAt = _count;
    }

    private readonly record struct Ratio(long Numerator, long Denominator);

    /// <summary>
    /// Decides numerator &lt; threshold × denominator exactly. A double is exactly mantissa × 2^exponent,
    /// so the comparison can be made in whole numbers. A quick floating-point test settles nearly every
    /// case; only ratios within a whisker of the threshold need the exact big-integer comparison.
    /// </summary>
    private readonly struct ExactThreshold
    {
        // Relative error of the quick test is at most a few units of 2^-53 (≈ 1.1e-16); this margin is far wider.
        private const double Margin = 1e-12;

        private readonly double _threshold;
        private readonly BigInteger _mantissa;
        private readonly int _exponent;

        public ExactThreshold(double threshold)
        {
            _threshold = threshold;
            var bits = BitConverter.DoubleToInt64Bits(threshold);
            var rawExponent = (int)((bits >> 52) & 0x7FF);
            var fraction = bits & 0xF_FFFF_FFFF_FFFFL;
            if (rawExponent == 0)
            {
                // Subnormal: no hidden bit.
                _mantissa = fraction;
                _exponent = -1074;
            }
            else
            {
                _mantissa = fraction | (1L << 52);
                _exponent = rawExponent - 1075;
            }
        }

        public bool IsBelow(long numerator, long denominator)
        {
            if (numerator == 0)
            {
                // 0 < threshold × denominator, and both factors are positive.
                return true;
            }

            var product = _threshold * denominator;
            if (product < 0.5)
            {
                // The true product is below 1 (tiny products may be subnormal, so test this before the relative margin).
                return false;
            }

            double n = numerator;
            if (n < product * (1 - Margin))
            {
                return true;
            }

            if (n > product * (1 + Margin))
            {
                return false;
            }

            // numerator < mantissa × 2^exponent × denominator, all in whole numbers.
            var right = _mantissa * denominator;
            var left = new BigInteger(numerator);
            if (_exponent >= 0)
            {
                right <<= _exponent;
            }
            else
            {
                left <<= -_exponent;
            }

            return left < right;
        }
    }
}

namespace Evenhand.SocialMedia.Statistics;

/// <summary>
/// Counts of non-negative whole numbers (for example engagement per post). Memory depends on
/// the number of distinct values, not on how many values were added, so it suits streaming.
/// Values below <see cref="DenseLimit"/> live in a flat array; larger ones in a dictionary.
/// Not thread-safe: give each thread its own histogram and <see cref="Merge"/> them at the end.
/// </summary>
public sealed class CountHistogram
{
    /// <summary>Values below this are counted in the dense array.</summary>
    public const int DenseLimit = 65536;

    private readonly long[] _dense = new long[DenseLimit];
    private Dictionary<long, long>? _sparse;
    private long _count;

    // Derived figures are cached. Every change adds at least one value, so a cache is still
    // valid exactly when the count it was built at equals the current count.
    private long _cachedAt = -1;
    private Int128 _exactSum;
    private double _sumOfSquares;
    private double _variance;
    private int _distinct;

    /// <summary>How many values have been added.</summary>
    public long Count => _count;

    /// <summary>Total of all values (summed exactly, then converted).</summary>
    public double Sum => (double)ExactSum;

    /// <summary>Total of the squared values.</summary>
    public double SumOfSquares
    {
        get
        {
            Refresh();
            return _sumOfSquares;
        }
    }

    /// <summary>Arithmetic mean, or NaN when empty.</summary>
    public double Mean => _count == 0 ? double.NaN : (double)ExactSum / _count;

    /// <summary>Sample variance (divides by n − 1), or NaN with fewer than two values.</summary>
    public double Variance
    {
        get
        {
            Refresh();
            return _variance;
        }
    }

    /// <summary>Number of distinct values seen.</summary>
    public int DistinctCount
    {
        get
        {
            Refresh();
            return _distinct;
        }
    }

    internal Int128 ExactSum
    {
        get
        {
            Refresh();
            return _exactSum;
        }
    }

    /// <summary>Adds one value. This is the hot path: one compare, one increment, no allocation.</summary>
    public void Add(long value)
    {
        var dense = _dense;
        // Negative values wrap round to huge unsigned numbers and so take the slow path, which rejects them.
        if ((ulong)value < (ulong)dense.Length)
        {
            dense[value]++;
        }
        else
        {
            AddSparse(value, 1);
        }

        _count++;
    }

    /// <summary>Adds <paramref name="count"/> copies of <paramref name="value"/>.</summary>
    public void Add(long value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            return;
        }

        if ((ulong)value < DenseLimit)
        {
            _dense[value] += count;
        }
        else
        {
            AddSparse(value, count);
        }

        _count += count;
    }

    /// <summary>Adds every value counted in <paramref name="other"/> to this histogram.</summary>
    public void Merge(CountHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._count == 0)
        {
            return;
        }

        var mine = _dense;
        var theirs = other._dense;
        for (var i = 0; i < mine.Length; i++)
        {
            mine[i] += theirs[i];
        }

        if (other._sparse is { Count: > 0 } sparse)
        {
            // Copy first so that merging a histogram into itself does not change the dictionary mid-loop.
            foreach (var (value, count) in sparse.ToArray())
            {
                AddSparse(value, count);
            }
        }

        _count += other._count;
    }

    /// <summary>Distinct values with their counts, smallest value first.</summary>
    public IEnumerable<(long Value, long Count)> Ascending()
    {
        for (var v = 0; v < _dense.Length; v++)
        {
            if (_dense[v] != 0)
            {
                yield return (v, _dense[v]);
            }
        }

        if (_sparse is { Count: > 0 })
        {
            // Every sparse value is at least DenseLimit, so these follow on in order.
            foreach (var (value, count) in _sparse.OrderBy(p => p.Key))
            {
                yield return (value, count);
            }
        }
    }

    /// <summary>Distinct values and their counts as two parallel arrays, smallest value first.</summary>
    internal (long[] Values, long[] Counts) ToArrays()
    {
        var n = DistinctCount;
        var values = new long[n];
        var counts = new long[n];
        var k = 0;
        var dense = _dense;
        for (var v = 0; v < dense.Length; v++)
        {
            if (dense[v] != 0)
            {
                values[k] = v;
                counts[k] = dense[v];
                k++;
            }
        }

        if (_sparse is { Count: > 0 } sparse)
        {
            var start = k;
            foreach (var (value, count) in sparse)
            {
                values[k] = value;
                counts[k] = count;
                k++;
            }

            Array.Sort(values, counts, start, k - start);
        }

        return (values, counts);
    }

    private void AddSparse(long value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _sparse ??= [];
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sparse, value, out _) += count;
    }

    // Recomputes the sum, sum of squares, variance and distinct count if values were added since last time.
    private void Refresh()
    {
        if (_cachedAt == _count)
        {
            return;
        }

        Int128 sum = 0;
        double squares = 0;
        var distinct = 0;
        var dense = _dense;
        for (var v = 0; v < dense.Length; v++)
        {
            var c = dense[v];
            if (c != 0)
            {
                sum += (Int128)v * c;
                squares += (double)v * v * c;
                distinct++;
            }
        }

        if (_sparse is not null)
        {
            foreach (var (value, c) in _sparse)
            {
                sum += (Int128)value * c;
                squares += (double)value * value * c;
                distinct++;
            }
        }

        // Variance in a second pass about the mean, which avoids the cancellation of Σx² − n·mean².
        var variance = double.NaN;
        if (_count >= 2)
        {
            var mean = (double)sum / _count;
            double deviations = 0;
            for (var v = 0; v < dense.Length; v++)
            {
                var c = dense[v];
                if (c != 0)
                {
                    var d = v - mean;
                    deviations += d * d * c;
                }
            }

            if (_sparse is not null)
            {
                foreach (var (value, c) in _sparse)
                {
                    var d = value - mean;
                    deviations += d * d * c;
                }
            }

            variance = deviations / (_count - 1);
        }

        _exactSum = sum;
        _sumOfSquares = squares;
        _variance = variance;
        _distinct = distinct;
        _cachedAt = _count;
    }
}

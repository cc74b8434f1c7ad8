namespace ActorTrader.Quant.Metrics;

/// <summary>Input checks shared by the metrics, statistics and regime code; every error names the parameter and the fix.</summary>
internal static class SeriesGuard
{
    /// <summary>The finite values of <paramref name="values"/> in order (NaN = missing is dropped); throws if nothing is left.</summary>
    public static double[] Present(ReadOnlySpan<double> values, string paramName)
    {
        if (values.IsEmpty)
            throw new ArgumentException($"{paramName} is empty; pass at least one return.", paramName);
        var kept = new List<double>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v)) continue;
            if (double.IsInfinity(v))
                throw new ArgumentException($"{paramName}[{i}] is infinite; returns must be finite or NaN (missing).", paramName);
            kept.Add(v);
        }
        if (kept.Count == 0)
            throw new ArgumentException($"{paramName} has only NaN (missing) values; pass at least one observed return.", paramName);
        return [.. kept];
    }

    /// <summary>Like <see cref="Present"/> but also demands at least <paramref name="minimum"/> observed values.</summary>
    public static double[] PresentAtLeast(ReadOnlySpan<double> values, int minimum, string paramName)
    {
        var kept = Present(values, paramName);
        if (kept.Length < minimum)
            throw new ArgumentException($"{paramName} has {kept.Length} observed values; this needs at least {minimum}.", paramName);
        return kept;
    }

    /// <summary>Throws unless both series have the same length.</summary>
    public static void SameLength(int expected, int actual, string expectedName, string paramName)
    {
        if (expected != actual)
            throw new ArgumentException($"{paramName} has {actual} values but {expectedName} has {expected}; align the two series first.", paramName);
    }

    /// <summary>Pairs of values where neither side is NaN (pairwise deletion), as two aligned arrays.</summary>
    public static (double[] X, double[] Y) PresentPairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y, string xName, string yName, int minimum)
    {
        if (x.IsEmpty) throw new ArgumentException($"{xName} is empty.", xName);
        SameLength(x.Length, y.Length, xName, yName);
        var xs = new List<double>(x.Length);
        var ys = new List<double>(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            if (double.IsInfinity(x[i])) throw new ArgumentException($"{xName}[{i}] is infinite.", xName);
            if (double.IsInfinity(y[i])) throw new ArgumentException($"{yName}[{i}] is infinite.", yName);
            xs.Add(x[i]);
            ys.Add(y[i]);
        }
        if (xs.Count < minimum)
            throw new ArgumentException($"{xName} and {yName} share only {xs.Count} periods where both are observed; this needs at least {minimum}.", yName);
        return ([.. xs], [.. ys]);
    }

    /// <summary>Throws unless 0 &lt; <paramref name="confidence"/> &lt; 1.</summary>
    public static void Confidence(double confidence, string paramName = "confidence")
    {
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(paramName, confidence, "Confidence must be strictly between 0 and 1, e.g. 0.95.");
    }

    public static double Mean(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }

    /// <summary>Sample (n − 1) variance; NaN for fewer than two values.</summary>
    public static double SampleVariance(ReadOnlySpan<double> x)
    {
        if (x.Length < 2) return double.NaN;
        var m = Mean(x);
        var s = 0.0;
        foreach (var v in x) s += (v - m) * (v - m);
        return s / (x.Length - 1);
    }

    /// <summary>Linear-interpolation quantile of sorted data (Hyndman–Fan type 7, numpy's default).</summary>
    public static double QuantileSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 1) return sorted[0];
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double[] Sorted(ReadOnlySpan<double> x)
    {
        var copy = x.ToArray();
        Array.Sort(copy);
        return copy;
    }
}

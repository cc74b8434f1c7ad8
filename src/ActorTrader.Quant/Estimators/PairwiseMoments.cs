namespace ActorTrader.Quant.Estimators;

/// <summary>
/// The one pairwise-complete co-moment routine behind the sample covariance and correlation (pandas' <c>cov()</c> and
/// <c>corr()</c>): over the periods where both series are observed, the count and the centred sums Σdxdy, Σdx², Σdy²
/// with means over those same periods.
/// </summary>
internal readonly record struct PairwiseMoments(int Count, double CrossSum, double XSquares, double YSquares)
{
    /// <summary>Moments of <paramref name="x"/> and <paramref name="y"/> (equal length, NaN = missing).</summary>
    public static PairwiseMoments Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sumX = 0, sumY = 0;
        var count = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (double.IsNaN(x[r]) || double.IsNaN(y[r])) continue;
            sumX += x[r];
            sumY += y[r];
            count++;
        }
        if (count == 0) return default;
        double meanX = sumX / count, meanY = sumY / count, xy = 0, xx = 0, yy = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (double.IsNaN(x[r]) || double.IsNaN(y[r])) continue;
            var dx = x[r] - meanX;
            var dy = y[r] - meanY;
            xy += dx * dy;
            xx += dx * dx;
            yy += dy * dy;
        }
        return new PairwiseMoments(count, xy, xx, yy);
    }

    /// <summary>Sample (n − 1) covariance; NaN with fewer than two common periods.</summary>
    public double Covariance => Count < 2 ? double.NaN : CrossSum / (Count - 1);

    /// <summary>Pearson correlation clamped to [−1, 1]; NaN with fewer than two common periods or a constant side.</summary>
    public double Correlation => Count >= 2 && XSquares > 0 && YSquares > 0 ? Math.Clamp(CrossSum / Math.Sqrt(XSquares * YSquares), -1.0, 1.0) : double.NaN;
}

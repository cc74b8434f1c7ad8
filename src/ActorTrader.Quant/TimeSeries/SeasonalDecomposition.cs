namespace ActorTrader.Quant.TimeSeries;

/// <summary>
/// Classical additive decomposition x = trend + seasonal + remainder with period m: the trend is the centred moving
/// average of length m (a 2×m average for even m; NaN at the ends where it is not defined), the seasonal index of each
/// phase is the mean of x - trend over that phase, centred to sum to zero over a period, and the remainder is what is left.
/// </summary>
public sealed record SeasonalDecomposition(int Period, double[] Trend, double[] Seasonal, double[] Remainder)
{
    public static SeasonalDecomposition Additive(IReadOnlyList<double> series, int period)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        if (series.Count < 2 * period)
            throw new ArgumentException($"A decomposition with period {period} needs at least {2 * period} values; the series has {series.Count}.", nameof(series));
        var n = series.Count;
        var trend = CentredMovingAverage(series, period);
        var sums = new double[period];
        var counts = new int[period];
        for (var t = 0; t < n; t++)
        {
            if (double.IsNaN(trend[t])) continue;
            sums[t % period] += series[t] - trend[t];
            counts[t % period]++;
        }
        var indices = sums.Select((s, p) => counts[p] > 0 ? s / counts[p] : 0).ToArray();
        var centre = indices.Average();
        for (var p = 0; p < period; p++) indices[p] -= centre;
        var seasonal = new double[n];
        var remainder = new double[n];
        for (var t = 0; t < n; t++)
        {
            seasonal[t] = indices[t % period];
            remainder[t] = series[t] - trend[t] - seasonal[t];
        }
        return new SeasonalDecomposition(period, trend, seasonal, remainder);
    }

    private static double[] CentredMovingAverage(IReadOnlyList<double> x, int m)
    {
        var n = x.Count;
        var trend = new double[n];
        var half = m / 2;
        for (var t = 0; t < n; t++)
        {
            if (t - half < 0 || t + half >= n)
            {
                trend[t] = double.NaN;
                continue;
            }
            if (m % 2 == 1)
            {
                var sum = 0.0;
                for (var k = -half; k <= half; k++) sum += x[t + k];
                trend[t] = sum / m;
            }
            else
            {
                // 2×m: the ends weigh a half each.
                var sum = 0.5 * x[t - half] + 0.5 * x[t + half];
                for (var k = -half + 1; k <= half - 1; k++) sum += x[t + k];
                trend[t] = sum / m;
            }
        }
        return trend;
    }
}

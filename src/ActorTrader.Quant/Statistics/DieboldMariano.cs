using ActorTrader.Quant.Metrics;

namespace ActorTrader.Quant.Statistics;

/// <summary>
/// Diebold–Mariano (1995) test of equal predictive accuracy with the Harvey, Leybourne &amp; Newbold (1997) small-sample
/// correction — the same test as R's forecast::dm.test.
/// <para>
/// d_t = L(e1_t) − L(e2_t); the long-run variance uses autocovariances up to lag h − 1 (rectangular window, as h-step forecast
/// errors are MA(h − 1)): V = (γ0 + 2Σ_{k=1}^{h−1} γk)/T with γk = (1/T)Σ(d_t − d̄)(d_{t−k} − d̄). DM = d̄/√V and
/// DM* = DM·√((T + 1 − 2h + h(h − 1)/T)/T), referred to Student t with T − 1 degrees of freedom.
/// <see cref="Alternative.Greater"/> means forecast 2 is more accurate (forecast 1's loss is larger);
/// <see cref="Alternative.Less"/> means forecast 1 is more accurate.
/// </para>
/// </summary>
public static class DieboldMariano
{
    /// <summary>Tests forecast errors <paramref name="errors1"/> against <paramref name="errors2"/> (same length, finite).</summary>
    public static TestResult Test(ReadOnlySpan<double> errors1, ReadOnlySpan<double> errors2, int horizon = 1,
        ForecastLoss loss = ForecastLoss.Squared, Alternative alternative = Alternative.TwoSided)
    {
        SeriesGuard.SameLength(errors1.Length, errors2.Length, nameof(errors1), nameof(errors2));
        var d = new double[errors1.Length];
        for (var t = 0; t < d.Length; t++)
        {
            if (!double.IsFinite(errors1[t])) throw new ArgumentException($"errors1[{t}] is {errors1[t]}; drop periods without a forecast from both series.", nameof(errors1));
            if (!double.IsFinite(errors2[t])) throw new ArgumentException($"errors2[{t}] is {errors2[t]}; drop periods without a forecast from both series.", nameof(errors2));
            d[t] = Loss(errors1[t], loss) - Loss(errors2[t], loss);
        }
        return FromLossDifferential(d, horizon, alternative);
    }

    /// <summary>The test on a loss differential d_t = L1_t − L2_t computed elsewhere (any loss function).</summary>
    public static TestResult FromLossDifferential(ReadOnlySpan<double> lossDifferential, int horizon = 1, Alternative alternative = Alternative.TwoSided)
    {
        var d = lossDifferential;
        var n = d.Length;
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "horizon is the forecast horizon in periods and must be at least 1.");
        if (n < horizon + 2)
            throw new ArgumentException($"lossDifferential has {n} periods; the test needs at least horizon + 2 = {horizon + 2}.", nameof(lossDifferential));
        var mean = SeriesGuard.Mean(d);
        var longRun = Autocovariance(d, mean, 0);
        for (var k = 1; k < horizon; k++) longRun += 2 * Autocovariance(d, mean, k);
        if (!(longRun > 0))
            throw new ArgumentException(
                longRun == 0
                    ? "lossDifferential is constant; the two forecasts' losses differ by the same amount every period, so the test is undefined."
                    : $"The long-run variance of lossDifferential is negative at horizon {horizon}; use a smaller horizon.",
                nameof(lossDifferential));
        var dm = mean / Math.Sqrt(longRun / n);
        var correction = Math.Sqrt((n + 1 - 2.0 * horizon + horizon * (horizon - 1.0) / n) / n);
        var statistic = dm * correction;
        return new TestResult(statistic, StudentTail.PValue(statistic, n - 1, alternative), n - 1, mean, alternative);
    }

    private static double Loss(double e, ForecastLoss loss) => loss == ForecastLoss.Absolute ? Math.Abs(e) : e * e;

    private static double Autocovariance(ReadOnlySpan<double> d, double mean, int lag)
    {
        var s = 0.0;
        for (var t = lag; t < d.Length; t++) s += (d[t] - mean) * (d[t - lag] - mean);
        return s / d.Length;
    }
}

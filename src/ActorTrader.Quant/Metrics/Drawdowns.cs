namespace ActorTrader.Quant.Metrics;

/// <summary>
/// Drawdown measures of the COMPOUNDED equity curve E_t = Π_{s≤t}(1 + r_s) starting at 1 (the reporting convention of
/// empyrical/pyfolio). The optimisers' CDaR/MDD (<see cref="Portfolio.RiskMeasures.ScenarioRisk"/>) use Riskfolio's
/// uncompounded cumulative sum instead, because that is what their LP can minimise exactly. A NaN return counts as a flat period
/// (equity unchanged) so that indices stay aligned with the input. Drawdowns are positive fractions below the running peak.
/// </summary>
public static class Drawdowns
{
    // Equity back within this relative distance of its peak counts as recovered (rounding of products like 1.1 × (1/1.1)).
    private const double RecoveryTolerance = 1e-12;

    /// <summary>Drawdown at every period: 1 − E_t / max_{s≤t} E_s (the starting capital counts as a peak).</summary>
    public static double[] Series(ReadOnlySpan<double> returns)
    {
        var equity = EquityCurve(returns, nameof(returns));
        var dd = new double[equity.Length];
        var peak = 1.0;
        for (var t = 0; t < equity.Length; t++)
        {
            if (equity[t] >= peak) peak = equity[t];
            dd[t] = 1 - equity[t] / peak;
        }
        return dd;
    }

    /// <summary>The deepest drawdown with its peak, trough and recovery indices and duration in periods.</summary>
    public static DrawdownEpisode Maximum(ReadOnlySpan<double> returns)
    {
        var equity = EquityCurve(returns, nameof(returns));
        double peak = 1, depth = 0;
        int peakIndex = -1, bestPeak = -1, trough = -1;
        for (var t = 0; t < equity.Length; t++)
        {
            if (equity[t] >= peak)
            {
                peak = equity[t];
                peakIndex = t;
                continue;
            }
            var dd = 1 - equity[t] / peak;
            if (dd > depth)
            {
                depth = dd;
                bestPeak = peakIndex;
                trough = t;
            }
        }
        if (depth == 0) return DrawdownEpisode.None;
        var peakValue = bestPeak < 0 ? 1 : equity[bestPeak];
        int? recovery = null;
        for (var t = trough + 1; t < equity.Length; t++)
        {
            if (equity[t] >= peakValue * (1 - RecoveryTolerance))
            {
                recovery = t;
                break;
            }
        }
        return new DrawdownEpisode(depth, bestPeak, trough, recovery, (recovery ?? equity.Length - 1) - bestPeak);
    }

    /// <summary>Longest stretch under water in periods (peak to recovery, or peak to the end), whatever its depth.</summary>
    public static int LongestDurationPeriods(ReadOnlySpan<double> returns)
    {
        var equity = EquityCurve(returns, nameof(returns));
        double peak = 1;
        int peakIndex = -1, longest = 0;
        for (var t = 0; t < equity.Length; t++)
        {
            if (equity[t] < peak * (1 - RecoveryTolerance)) continue;
            // Back at (or above) the high-water mark: an episode ends here if we were under water since peakIndex.
            if (t - peakIndex > 1) longest = Math.Max(longest, t - peakIndex);
            peak = Math.Max(peak, equity[t]);
            peakIndex = t;
        }
        if (peakIndex < equity.Length - 1) longest = Math.Max(longest, equity.Length - 1 - peakIndex);
        return longest;
    }

    /// <summary>
    /// Conditional Drawdown at Risk: mean of the drawdowns at or beyond their <paramref name="confidence"/> quantile
    /// (Chekhlov, Uryasev &amp; Zabarankin), over the drawdown series including the periods at a peak (drawdown 0).
    /// </summary>
    public static double ConditionalDrawdownAtRisk(ReadOnlySpan<double> returns, double confidence = 0.95)
    {
        SeriesGuard.Confidence(confidence);
        var sorted = SeriesGuard.Sorted(Series(returns));
        var threshold = SeriesGuard.QuantileSorted(sorted, confidence);
        double sum = 0;
        var count = 0;
        foreach (var d in sorted)
        {
            if (d < threshold) continue;
            sum += d;
            count++;
        }
        return sum / count;
    }

    /// <summary>Ulcer index √(mean(dd_t²)) with drawdowns as fractions (multiply by 100 for Martin's percentage form).</summary>
    public static double UlcerIndex(ReadOnlySpan<double> returns)
    {
        var dd = Series(returns);
        var s = 0.0;
        foreach (var d in dd) s += d * d;
        return Math.Sqrt(s / dd.Length);
    }

    private static double[] EquityCurve(ReadOnlySpan<double> returns, string paramName)
    {
        SeriesGuard.Present(returns, paramName);
        var equity = new double[returns.Length];
        var e = 1.0;
        for (var t = 0; t < returns.Length; t++)
        {
            if (!double.IsNaN(returns[t])) e *= 1 + returns[t];
            equity[t] = e;
        }
        return equity;
    }
}

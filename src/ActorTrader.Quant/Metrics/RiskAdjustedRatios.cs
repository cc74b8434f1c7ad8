using ActorTrader.Quant.Returns;

namespace ActorTrader.Quant.Metrics;

/// <summary>
/// Sharpe, Sortino, Omega and Calmar ratios of simple periodic returns (NaN = missing, dropped).
/// Annual rates (risk-free, minimum acceptable return) are turned into per-period rates by dividing by
/// <c>periodsPerYear</c> (simple, not compounded — the same convention as empyrical and pyfolio).
/// </summary>
public static class RiskAdjustedRatios
{
    /// <summary>
    /// Annualised Sharpe ratio: mean(r − rf/P) / sd(r) × √P with the sample (n − 1) standard deviation.
    /// NaN when the returns do not vary. Multiplying every return by a positive constant leaves it unchanged when rf = 0.
    /// </summary>
    public static double Sharpe(ReadOnlySpan<double> returns, double riskFreePerYear = 0, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        PeriodsPerYear.Require(periodsPerYear);
        var r = SeriesGuard.PresentAtLeast(returns, 2, nameof(returns));
        var sd = Math.Sqrt(SeriesGuard.SampleVariance(r));
        if (sd == 0) return double.NaN;
        return (SeriesGuard.Mean(r) - riskFreePerYear / periodsPerYear) / sd * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// Annualised Sortino ratio against a minimum acceptable return (MAR, per year): mean(r − mar) / DD × √P where the downside
    /// deviation DD = √(Σ min(0, r − mar)² / n) runs over all n observed periods (Sortino &amp; Price; empyrical).
    /// +∞ when no period falls below the target and the mean excess is positive; NaN when the mean excess is 0 too.
    /// </summary>
    public static double Sortino(ReadOnlySpan<double> returns, double minimumAcceptablePerYear = 0, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        PeriodsPerYear.Require(periodsPerYear);
        var r = SeriesGuard.Present(returns, nameof(returns));
        var target = minimumAcceptablePerYear / periodsPerYear;
        double excess = 0, downside = 0;
        foreach (var v in r)
        {
            excess += v - target;
            var below = Math.Min(0, v - target);
            downside += below * below;
        }
        excess /= r.Length;
        var dd = Math.Sqrt(downside / r.Length);
        if (dd == 0) return excess > 0 ? double.PositiveInfinity : double.NaN;
        return excess / dd * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// Omega ratio at a per-period threshold θ: Σ max(r − θ, 0) / Σ max(θ − r, 0) (Keating &amp; Shadwick).
    /// +∞ when nothing falls below θ (and something lies above); NaN when every return equals θ.
    /// </summary>
    public static double Omega(ReadOnlySpan<double> returns, double thresholdPerPeriod = 0)
    {
        var r = SeriesGuard.Present(returns, nameof(returns));
        double gains = 0, losses = 0;
        foreach (var v in r)
        {
            if (v > thresholdPerPeriod) gains += v - thresholdPerPeriod;
            else losses += thresholdPerPeriod - v;
        }
        if (losses == 0) return gains > 0 ? double.PositiveInfinity : double.NaN;
        return gains / losses;
    }

    /// <summary>
    /// Calmar ratio: compound annual growth rate / maximum drawdown depth, over the whole series (not the classic trailing
    /// 36 months — pass the window you want). NaN when the series never draws down.
    /// </summary>
    public static double Calmar(ReadOnlySpan<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        var cagr = ReturnMoments.AnnualisedReturn(returns, periodsPerYear);
        var depth = Drawdowns.Maximum(returns).Depth;
        return depth == 0 ? double.NaN : cagr / depth;
    }
}

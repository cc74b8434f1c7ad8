using ActorTrader.Quant.Returns;

namespace ActorTrader.Quant.Metrics;

/// <summary>
/// The usual performance and risk figures of one return series, computed in one call with one set of conventions
/// (see each metric's class for its definition). Rates are fractions (0.12 = 12%); losses and drawdowns are positive.
/// </summary>
public sealed record PerformanceSummary(
    int Periods,
    int ObservedPeriods,
    double PeriodsPerYear,
    double TotalReturn,
    double AnnualisedReturn,
    double AnnualisedVolatility,
    double Sharpe,
    double Sortino,
    double Omega,
    double Calmar,
    DrawdownEpisode MaxDrawdown,
    int LongestDrawdownPeriods,
    double Confidence,
    double HistoricalVaR,
    double HistoricalCVaR,
    double GaussianVaR,
    double GaussianCVaR,
    double ConditionalDrawdownAtRisk,
    double UlcerIndex,
    double TailRatio,
    double Skewness,
    double ExcessKurtosis,
    double ProfitFactor,
    double WinRate)
{
    /// <summary>
    /// Computes every figure. Needs at least four observed returns (for kurtosis); NaN = missing. The risk-free rate is the
    /// Sharpe benchmark and also the Sortino target and (per period) the Omega threshold.
    /// </summary>
    public static PerformanceSummary Compute(ReadOnlySpan<double> returns, double periodsPerYear = Returns.PeriodsPerYear.TradingDays,
        double riskFreePerYear = 0, double confidence = 0.95)
    {
        Returns.PeriodsPerYear.Require(periodsPerYear);
        SeriesGuard.Confidence(confidence);
        var observed = SeriesGuard.PresentAtLeast(returns, 4, nameof(returns));
        var growth = 1.0;
        foreach (var r in observed) growth *= 1 + r;
        return new PerformanceSummary(
            returns.Length,
            observed.Length,
            periodsPerYear,
            growth - 1,
            ReturnMoments.AnnualisedReturn(observed, periodsPerYear),
            ReturnMoments.Volatility(observed, periodsPerYear),
            RiskAdjustedRatios.Sharpe(observed, riskFreePerYear, periodsPerYear),
            RiskAdjustedRatios.Sortino(observed, riskFreePerYear, periodsPerYear),
            RiskAdjustedRatios.Omega(observed, riskFreePerYear / periodsPerYear),
            RiskAdjustedRatios.Calmar(returns, periodsPerYear),
            Drawdowns.Maximum(returns),
            Drawdowns.LongestDurationPeriods(returns),
            confidence,
            TailRisk.HistoricalVaR(observed, confidence),
            TailRisk.HistoricalCVaR(observed, confidence),
            TailRisk.GaussianVaR(observed, confidence),
            TailRisk.GaussianCVaR(observed, confidence),
            Drawdowns.ConditionalDrawdownAtRisk(returns, confidence),
            Drawdowns.UlcerIndex(returns),
            TailRisk.TailRatio(observed),
            ReturnMoments.Skewness(observed),
            ReturnMoments.ExcessKurtosis(observed),
            TradeStatistics.ProfitFactor(observed),
            TradeStatistics.WinRate(observed));
    }
}

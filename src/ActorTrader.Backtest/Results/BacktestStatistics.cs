using ActorTrader.Quant.Metrics;

namespace ActorTrader.Backtest.Results;

/// <summary>
/// The headline figures of a run — exactly the fields of <c>actortrader backtest --json</c>. Rates are fractions;
/// Sharpe, Sortino and CAGR come from <see cref="PerformanceSummary"/> over the per-bar net returns (risk-free 0,
/// annualised by the run's periods per year); max drawdown is a positive fraction of the compounded equity curve;
/// total return is final ÷ initial equity − 1; turnover is the two-sided turnover per year (Σ per-bar turnover ×
/// periods per year ÷ bars); final equity is rounded to the cent. NaN/∞ mean undefined (e.g. a flat run's Sharpe).
/// </summary>
public sealed record BacktestStatistics(
    string RunId,
    double TotalReturn,
    double Cagr,
    double Sharpe,
    double Sortino,
    double MaxDrawdown,
    int Trades,
    double Turnover,
    decimal FinalEquity)
{
    /// <summary>The statistics of <paramref name="result"/> (needs at least four bars).</summary>
    public static BacktestStatistics From(string runId, BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Returns.Count < 4)
            throw new ArgumentException($"The run has {result.Returns.Count} bars; statistics need at least 4. Fix: backtest a longer range.", nameof(result));
        var summary = PerformanceSummary.Compute(result.ReturnSpan, result.PeriodsPerYear);
        var turnover = 0.0;
        foreach (var t in result.TurnoverSpan) turnover += t;
        return new BacktestStatistics(
            runId,
            result.InitialCash > 0 ? (double)(result.FinalEquity / result.InitialCash) - 1 : double.NaN,
            summary.AnnualisedReturn,
            summary.Sharpe,
            summary.Sortino,
            summary.MaxDrawdown.Depth,
            result.Trades,
            turnover * result.PeriodsPerYear / result.Returns.Count,
            Math.Round(result.FinalEquity, 2, MidpointRounding.ToEven));
    }
}

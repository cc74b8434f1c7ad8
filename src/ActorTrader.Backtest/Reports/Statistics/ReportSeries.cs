using ActorTrader.Quant.Metrics;

namespace ActorTrader.Backtest.Reports;

/// <summary>The per-period series the charts and <c>returns.csv</c> show, all aligned with the input returns.</summary>
internal static class ReportSeries
{
    /// <summary>Compounded equity starting at 1 before the first period: E_t = Π_{s≤t}(1 + r_s) (the convention of Quant's Drawdowns).</summary>
    public static double[] Equity(IReadOnlyList<double> returns)
    {
        var equity = new double[returns.Count];
        var e = 1.0;
        for (var t = 0; t < equity.Length; t++)
        {
            e *= 1 + returns[t];
            equity[t] = e;
        }
        return equity;
    }

    /// <summary>Quant's drawdown series (positive fractions below the running peak).</summary>
    public static double[] Drawdown(double[] returns) => Drawdowns.Series(returns);

    /// <summary>
    /// Annualised Sharpe of the trailing <paramref name="window"/> periods ending at each t, by Quant's
    /// <see cref="RiskAdjustedRatios.Sharpe"/>; NaN before the first full window and where the window does not vary.
    /// </summary>
    public static double[] RollingSharpe(double[] returns, int window, double riskFreePerYear, double periodsPerYear)
    {
        var result = new double[returns.Length];
        Array.Fill(result, double.NaN);
        for (var t = window - 1; t < returns.Length; t++)
        {
            result[t] = RiskAdjustedRatios.Sharpe(returns.AsSpan(t - window + 1, window), riskFreePerYear, periodsPerYear);
        }
        return result;
    }
}

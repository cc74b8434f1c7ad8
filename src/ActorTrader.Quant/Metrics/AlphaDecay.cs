using ActorTrader.Quant.Returns;

namespace ActorTrader.Quant.Metrics;

/// <summary>
/// How much of an idealised Sharpe ratio (e.g. a frictionless backtest or the signal's paper returns) survives in the realised
/// returns (live or with costs and delays). Both Sharpe ratios are annualised with the same periods per year and risk-free rate.
/// </summary>
/// <param name="IdealisedSharpe">Sharpe ratio of the idealised returns.</param>
/// <param name="RealisedSharpe">Sharpe ratio of the realised returns.</param>
/// <param name="Ratio">Realised / idealised (1 = nothing lost, 0.6 = 40% decayed); NaN when the idealised Sharpe is 0 or NaN.</param>
/// <param name="Difference">Idealised − realised (positive = decay).</param>
public sealed record AlphaDecay(double IdealisedSharpe, double RealisedSharpe, double Ratio, double Difference)
{
    /// <summary>Compares the Sharpe ratios of the two series (they may differ in length; NaN = missing).</summary>
    public static AlphaDecay Measure(ReadOnlySpan<double> idealisedReturns, ReadOnlySpan<double> realisedReturns,
        double riskFreePerYear = 0, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        var ideal = SharpeOf(idealisedReturns, riskFreePerYear, periodsPerYear, nameof(idealisedReturns));
        var real = SharpeOf(realisedReturns, riskFreePerYear, periodsPerYear, nameof(realisedReturns));
        return FromSharpes(ideal, real);
    }

    /// <summary>Builds the comparison from two Sharpe ratios computed elsewhere.</summary>
    public static AlphaDecay FromSharpes(double idealisedSharpe, double realisedSharpe) =>
        new(idealisedSharpe, realisedSharpe,
            idealisedSharpe == 0 || double.IsNaN(idealisedSharpe) ? double.NaN : realisedSharpe / idealisedSharpe,
            idealisedSharpe - realisedSharpe);

    private static double SharpeOf(ReadOnlySpan<double> returns, double rf, double ppy, string name)
    {
        // Re-validate under the caller's parameter name so the error points at the right series.
        SeriesGuard.PresentAtLeast(returns, 2, name);
        return RiskAdjustedRatios.Sharpe(returns, rf, ppy);
    }
}

using ActorTrader.Backtest.Results;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Research.Fitness;

/// <summary>
/// The behaviour of a genome's test-fold run, for the novelty archive: five numbers on comparable scales, so a plain
/// Euclidean distance weighs them alike.
/// <list type="number">
/// <item>mean gross exposure Σ|w| over the bars, in [0, 1];</item>
/// <item>mean net exposure Σw, in [−1, 1] (long-only books are positive, shorts pull it down);</item>
/// <item>trade frequency: the share of bars on which at least one weight changed, in [0, 1];</item>
/// <item>return skewness squashed as tanh(skew / 3), in (−1, 1) (0 for a constant series);</item>
/// <item>correlation with equal-weight buy &amp; hold of the window's symbols, in [−1, 1] (0 when either side is constant).</item>
/// </list>
/// </summary>
public static class BehaviourDescriptor
{
    /// <summary>Number of entries of every descriptor.</summary>
    public const int Length = 5;

    public static double[] Compute(BacktestResult run, IReadOnlyList<double> buyAndHold)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(buyAndHold);
        var bars = run.Returns.Count;
        if (buyAndHold.Count != bars)
            throw new ArgumentException($"Buy & hold has {buyAndHold.Count} returns for a run of {bars} bars; they must cover the same bars.", nameof(buyAndHold));
        double gross = 0, net = 0;
        var trading = 0;
        for (var t = 0; t < bars; t++)
        {
            foreach (var w in run.HoldingsAt(t))
            {
                gross += Math.Abs(w);
                net += w;
            }
            if (run.TradesByBar[t] > 0) trading++;
        }
        var returns = run.Returns as double[] ?? [.. run.Returns];
        var skew = bars >= 3 ? ReturnMoments.Skewness(returns) : 0;
        var correlation = bars >= 3 ? BenchmarkExposure.Correlation(returns, buyAndHold as double[] ?? [.. buyAndHold]) : double.NaN;
        return
        [
            bars == 0 ? 0 : gross / bars,
            bars == 0 ? 0 : net / bars,
            bars == 0 ? 0 : (double)trading / bars,
            double.IsFinite(skew) ? Math.Tanh(skew / 3) : 0,
            double.IsFinite(correlation) ? correlation : 0,
        ];
    }
}

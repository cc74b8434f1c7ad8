using ActorTrader.Backtest.Rebalancing;

namespace ActorTrader.Benchmarks.Backtest;

/// <summary>
/// The in-run baselines: the same arrays walked by the simplest loops that do the core arithmetic and nothing else —
/// no drift bookkeeping, outputs, orders, decimal money or ledger — so the ratio shows what the simulators' realism costs.
/// </summary>
internal static class PlainLoops
{
    /// <summary>Σ_s w_s r_{t,s} for every bar with the weights held fixed: one multiply-add per asset-bar.</summary>
    public static double PortfolioReturns(ReadOnlySpan<double> returns, ReadOnlySpan<double> weights, int symbols)
    {
        var growth = 1.0;
        for (var row = 0; row < returns.Length; row += symbols)
        {
            var r = 0.0;
            var bar = returns.Slice(row, symbols);
            for (var s = 0; s < symbols; s++) r += weights[s] * bar[s];
            growth *= 1 + r;
        }
        return growth;
    }

    /// <summary>
    /// Share holdings in doubles: each bar marks every symbol at its close; at a rebalance bar each target becomes a
    /// share count at that close and the difference trades at the next open, costs subtracted from cash. Returns the
    /// events counted the way the event-driven simulator counts them (priced symbol-bars, orders, fills).
    /// </summary>
    public static long SharesAndCash(BacktestWorkload workload, RebalanceSchedule schedule, double initialCash, double slippage, double commission)
    {
        int n = workload.Symbols, bars = workload.Bars;
        var weights = workload.Weights.Values;
        var rebalance = schedule.Mask(workload.Weights);
        var quantity = new double[n];
        var pending = new double[n];
        var cash = initialCash;
        long events = 0;
        var hasPending = false;
        for (var t = 0; t < bars; t++)
        {
            if (hasPending)
            {
                for (var s = 0; s < n; s++)
                {
                    var q = pending[s];
                    if (q == 0) continue;
                    var price = workload.Open[s][t] * (q > 0 ? 1 + slippage : 1 - slippage);
                    cash -= q * price + Math.Abs(q) * price * commission;
                    quantity[s] += q;
                    pending[s] = 0;
                    events++;
                }
                hasPending = false;
            }
            var nav = cash;
            for (var s = 0; s < n; s++)
            {
                nav += quantity[s] * workload.Close[s][t];
                events++;
            }
            if (!rebalance[t] || t == bars - 1) continue;
            var row = t * n;
            for (var s = 0; s < n; s++)
            {
                var delta = Math.Floor(weights[row + s] * nav / workload.Close[s][t]) - quantity[s];
                if (delta == 0) continue;
                pending[s] = delta;
                hasPending = true;
                events++;
            }
        }
        return events;
    }
}

using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Weights;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Backtest.Vectorised;

/// <summary>
/// The fast simulator: portfolio returns from a weights schedule and a returns matrix, no orders. Targets decided at
/// the close of rebalance bar t are traded at the start of bar t+1 and held over it, so the trade, its turnover and its
/// cost = Σ|target − drifted weight| × cost bps are booked in bar t+1 — the bar in which the event-driven simulator fills
/// the same decision at the open. A decision at the last bar is never traded (nothing follows to hold it over).
/// Between rebalances each holding drifts with its own return (a 60/40 book that rallies is no longer 60/40). Cash
/// (1 − Σw) earns nothing; shorts are negative holdings.
/// <para>
/// The loop keeps holdings as values in units of initial equity, so one bar is one pass of multiply-adds over a
/// contiguous row: V_s ← V_s (1 + r_s), equity = cash + Σ V_s. The sums are plain scalar loops on purpose: SIMD
/// would add in an order that depends on the machine's vector width, and results must be identical on every machine.
/// </para>
/// </summary>
public static class VectorisedSimulator
{
    /// <summary>Name in results and reports.</summary>
    public const string Name = "vectorised";

    // A weight change smaller than this is float noise, not a trade.
    private const double TradeEpsilon = 1e-12;

    public static BacktestResult Run(ReturnsMatrix returns, WeightsSchedule weights, VectorisedOptions options)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Check.SameAxis(returns.Symbols, returns.Times, weights.Symbols, weights.Times, "weights schedule");
        int bars = returns.TimeCount, n = returns.SymbolCount;
        var rebalance = options.Rebalance.Mask(weights);
        var netReturns = new double[bars];
        var turnover = new double[bars];
        var trades = new int[bars];
        var holdings = new double[bars * n];
        var relative = new double[bars];

        Simulate(returns.Array, weights.Array, rebalance, n, options.CostBps / 10_000, netReturns, turnover, trades, holdings, relative);

        var initial = (double)options.InitialCash;
        var equity = new decimal[bars];
        for (var t = 0; t < bars; t++) equity[t] = Math.Round((decimal)(initial * relative[t]), 2, MidpointRounding.ToEven);
        return new BacktestResult(Name, returns.Symbols, returns.Times, options.InitialCash, netReturns, equity, turnover, trades, holdings,
            (long)bars * n, Array.Empty<OrderRecord>(), Array.Empty<Fill>(), options.PeriodsPerYear);
    }

    private static void Simulate(double[] r, double[] targets, bool[] rebalance, int n, double costRate,
        double[] netReturns, double[] turnover, int[] trades, double[] holdings, double[] relative)
    {
        var value = new double[n];
        double cash = 1, equity = 1;
        var decided = -1; // the rebalance bar whose targets are traded at the start of this bar
        for (var t = 0; t < rebalance.Length; t++)
        {
            var row = t * n;
            var before = equity;
            if (equity > 0 && decided >= 0)
            {
                equity = Rebalance(targets.AsSpan(decided * n, n), value, equity, costRate, out cash, out turnover[t], out trades[t]);
                if (equity <= 0) Wipe(value, ref cash, ref equity);
            }
            if (equity > 0)
            {
                var returnsRow = r.AsSpan(row, n);
                var v = value.AsSpan();
                var invested = 0.0;
                for (var s = 0; s < v.Length; s++)
                {
                    var x = v[s] * (1 + returnsRow[s]);
                    v[s] = x;
                    invested += x;
                }
                equity = cash + invested;
                if (equity <= 0) Wipe(value, ref cash, ref equity);
            }
            decided = rebalance[t] && t < rebalance.Length - 1 ? t : -1;
            netReturns[t] = before > 0 ? equity / before - 1 : 0;
            relative[t] = equity;
            if (equity > 0)
            {
                var inverse = 1 / equity;
                var v = value.AsSpan();
                var h = holdings.AsSpan(row, n);
                for (var s = 0; s < v.Length; s++) h[s] = v[s] * inverse;
            }
        }
    }

    private static double Rebalance(ReadOnlySpan<double> target, Span<double> value, double equity, double costRate,
        out double cash, out double turnover, out int trades)
    {
        var inverse = 1 / equity;
        double traded = 0;
        trades = 0;
        for (var s = 0; s < value.Length; s++)
        {
            var change = Math.Abs(target[s] - value[s] * inverse);
            traded += change;
            if (change > TradeEpsilon) trades++;
        }
        turnover = traded;
        var after = equity * (1 - traded * costRate);
        var invested = 0.0;
        for (var s = 0; s < value.Length; s++)
        {
            var x = target[s] * after;
            value[s] = x;
            invested += x;
        }
        cash = after - invested;
        return after;
    }

    // Equity at or below zero: the account is wiped out and stays flat; nothing is left to lose or to trade.
    private static void Wipe(double[] value, ref double cash, ref double equity)
    {
        Array.Clear(value);
        cash = 0;
        equity = 0;
    }
}

using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Replay;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// Aggregation of one strategy (pure; runs in the strategy's child actor): replays the strategy bar by bar over the
/// point-in-time panel and turns its targets into candidate streams, one per symbol and direction it traded. The position
/// held over bar t+1 is the target decided at the close of bar t, so R_raw(t+1) = |target_t| × asset return(t+1) on the
/// bars where the target has the candidate's sign, and 0 where the strategy is flat or on the other side. A symbol the
/// strategy never traded still gives one (flat, long) candidate, so strict health can report it. Each candidate's current
/// exposure is the target decided at the close of the last panel bar (row <c>axis.Length</c> of the targets, which no
/// return period of the panel covers yet): what the strategy wants held from the next open.
/// </summary>
public static class StrategyAggregation
{
    public static StrategyCandidates Compute(IStrategy strategy, ParameterSet parameters, BarPanel panel, ReturnAxis axis,
        CancellationToken cancellationToken = default) => Compute(strategy, parameters, panel, axis, null, cancellationToken);

    /// <summary>
    /// As <see cref="Compute(IStrategy, ParameterSet, BarPanel, ReturnAxis, CancellationToken)"/>, reusing the decisions of
    /// the previous run that <paramref name="memo"/> keeps (a refit on a window moved by a bar evaluates only the new bars).
    /// </summary>
    public static StrategyCandidates Compute(IStrategy strategy, ParameterSet parameters, BarPanel panel, ReturnAxis axis, SignalMemo? memo,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(axis);
        var history = SignalReplay.Run(strategy, panel, parameters, memo, 1, cancellationToken);
        return FromTargets(history, axis, Math.Max(0, strategy.Requirements.MinimumHistory - 1));
    }

    /// <summary>The candidates of a replayed target history; <paramref name="firstDecision"/> is the bar of the strategy's first decision.</summary>
    public static StrategyCandidates FromTargets(TargetHistory history, ReturnAxis axis, int firstDecision)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(axis);
        if (history.Targets.Length != axis.Length + 1)
            throw new ArgumentException($"{history.Strategy}: {history.Targets.Length} target rows for a panel of {axis.Length + 1} bars.", nameof(history));
        var first = Math.Min(firstDecision, axis.Length);
        var candidates = new List<CandidateStream>();
        for (var s = 0; s < history.Symbols.Count; s++)
        {
            var symbol = history.Symbols[s];
            var assetReturns = axis.AssetReturns(s);
            var longLeg = Leg(history, assetReturns, s, +1, first);
            var shortLeg = Leg(history, assetReturns, s, -1, first);
            // Before the strategy's first decision its targets are not decisions (warm-up): nothing is held.
            var last = firstDecision <= axis.Length ? history.Targets[axis.Length][s] : 0.0;
            if (longLeg.ActiveBars > 0 || shortLeg.ActiveBars == 0)
            {
                candidates.Add(new CandidateStream(history.Strategy, symbol, CandidateDirection.Long, longLeg.Raw, first, longLeg.ActiveBars, longLeg.Trades, longLeg.Exposure,
                    Current(last, +1)));
            }
            if (shortLeg.ActiveBars > 0)
            {
                candidates.Add(new CandidateStream(history.Strategy, symbol, CandidateDirection.Short, shortLeg.Raw, first, shortLeg.ActiveBars, shortLeg.Trades, shortLeg.Exposure,
                    Current(last, -1)));
            }
        }
        return new StrategyCandidates(history.Strategy, candidates, history.Events.Count) { EventLog = history.Events };
    }

    /// <summary>|target| when it has the leg's sign, else 0 (NaN compares false, so it counts as flat).</summary>
    private static double Current(double target, int sign) => (sign > 0 ? target > 0 : target < 0) ? Math.Abs(target) : 0.0;

    private static (double[] Raw, double[] Exposure, int ActiveBars, int Trades) Leg(TargetHistory history, ReadOnlySpan<double> assetReturns, int symbol, int sign, int first)
    {
        var raw = new double[assetReturns.Length];
        var exposure = new double[assetReturns.Length];
        int active = 0, trades = 0;
        var wasIn = false;
        for (var k = first; k < raw.Length; k++)
        {
            var target = history.Targets[k][symbol];
            var isIn = sign > 0 ? target > 0 : target < 0;
            // Flat earns nothing whatever the price did; a held position over a missing price is NaN (strict health drops it).
            raw[k] = isIn ? Math.Abs(target) * assetReturns[k] : 0.0;
            exposure[k] = isIn ? Math.Abs(target) : 0.0;
            if (isIn)
            {
                active++;
                if (!wasIn) trades++;
            }
            wasIn = isIn;
        }
        return (raw, exposure, active, trades);
    }
}

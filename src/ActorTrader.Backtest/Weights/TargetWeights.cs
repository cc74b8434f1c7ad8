using ActorTrader.Backtest.Universe;
using ActorTrader.Strategies.Replay;

namespace ActorTrader.Backtest.Weights;

/// <summary>
/// Turns a strategy's targets into portfolio weights: w = target / max(1, Σ|target|). A strategy whose convictions add
/// up to at most 1 keeps them as they are (the rest stays in cash); one that asks for more is scaled down to a gross
/// exposure of exactly 1, keeping the proportions. So a strategy never levers, and one strong signal in a quiet market is
/// not blown up to the whole book. A universe filter, when given, zeroes disallowed symbols first (point in time).
/// </summary>
public static class TargetWeights
{
    public static WeightsSchedule From(TargetHistory history, IUniverseFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var n = history.Symbols.Count;
        var count = history.Times.Count;
        if (history.Targets.Length != count)
            throw new ArgumentException($"History of {history.Strategy} has {history.Targets.Length} target rows for {count} times.", nameof(history));
        var flat = new double[count * n];
        for (var t = 0; t < count; t++)
        {
            var row = history.Targets[t];
            if (row.Length != n) throw new ArgumentException($"Target row {t} of {history.Strategy} has {row.Length} values for {n} symbols.", nameof(history));
            var any = false;
            foreach (var v in row)
            {
                if (!double.IsFinite(v)) throw new ArgumentException($"Target row {t} of {history.Strategy} holds {v}; targets must be finite.", nameof(history));
                any |= v != 0;
            }
            if (!any) continue;
            var allowed = filter?.AllowedAt(history.Times[t]);
            var gross = 0.0;
            for (var s = 0; s < n; s++)
            {
                var v = allowed is null || allowed.Contains(history.Symbols[s]) ? row[s] : 0;
                flat[t * n + s] = v;
                gross += Math.Abs(v);
            }
            var scale = 1 / Math.Max(1, gross);
            if (scale != 1)
            {
                for (var s = 0; s < n; s++) flat[t * n + s] *= scale;
            }
        }
        return WeightsSchedule.FromValues(history.Symbols, history.Times, flat);
    }
}

using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Discovery;

/// <summary>
/// Turns rules into per-bar truth values and long/flat positions. Causal: the value at bar t depends on closes 0..t only,
/// so evaluating a prefix of a series gives a prefix of the result. A position at t is the one held after the close of
/// t (a backtest applies it to the return from t to t + 1).
/// </summary>
public static class RuleEvaluator
{
    /// <summary>Where <paramref name="condition"/> holds on each bar of <paramref name="series"/>.</summary>
    public static bool[] Evaluate(Condition condition, PriceSeries series)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(series);
        switch (condition)
        {
            case AndCondition and:
            {
                var left = Evaluate(and.Left, series);
                var right = Evaluate(and.Right, series);
                for (var t = 0; t < left.Length; t++) left[t] &= right[t];
                return left;
            }
            case OrCondition or:
            {
                var left = Evaluate(or.Left, series);
                var right = Evaluate(or.Right, series);
                for (var t = 0; t < left.Length; t++) left[t] |= right[t];
                return left;
            }
            case NotCondition not:
            {
                var operand = Evaluate(not.Operand, series);
                for (var t = 0; t < operand.Length; t++) operand[t] = !operand[t];
                return operand;
            }
            case Comparison comparison:
                return Compare(comparison, series);
            default:
                throw new ArgumentException($"Unknown condition node {condition.GetType().Name}.", nameof(condition));
        }
    }

    /// <summary>Positions in {0, 1}: flat at the start, long when the entry holds (and the exit does not), flat again when the exit holds.</summary>
    public static int[] Positions(TradingRule rule, PriceSeries series)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(series);
        var entry = Evaluate(rule.Entry, series);
        var exit = Evaluate(rule.Exit, series);
        var positions = new int[series.Length];
        var held = 0;
        for (var t = 0; t < positions.Length; t++)
        {
            if (held == 0 && entry[t] && !exit[t]) held = 1;
            else if (held == 1 && exit[t]) held = 0;
            positions[t] = held;
        }
        return positions;
    }

    /// <summary>Positions over <paramref name="closes"/> (finite, positive, oldest first).</summary>
    public static int[] Positions(TradingRule rule, ReadOnlySpan<double> closes) => Positions(rule, new PriceSeries(closes));

    /// <summary>
    /// Positions of <paramref name="symbol"/> over the whole panel. Bars before the symbol's first close are flat; a
    /// missing close later repeats the previous close (the price last seen), which keeps the evaluation causal.
    /// </summary>
    public static int[] Positions(TradingRule rule, BarPanel panel, Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(panel);
        var index = panel.IndexOf(symbol);
        if (index < 0) throw new ArgumentException($"Symbol {symbol} is not in the panel; it has {string.Join(", ", panel.Symbols)}.", nameof(symbol));
        var positions = new int[panel.TimeCount];
        if (panel.TimeCount == 0) return positions;
        var closes = panel.AsOf(panel.TimeCount - 1).Close(index);
        var first = 0;
        while (first < closes.Length && !double.IsFinite(closes[first])) first++;
        if (first == closes.Length) return positions;
        var filled = new double[closes.Length - first];
        for (var t = 0; t < filled.Length; t++)
        {
            var c = closes[first + t];
            filled[t] = double.IsFinite(c) ? c : filled[t - 1];
        }
        Positions(rule, filled).CopyTo(positions, first);
        return positions;
    }

    private static bool[] Compare(Comparison comparison, PriceSeries series)
    {
        var left = series.Values(comparison.Left);
        var constant = comparison.Right is Constant c ? c.Value : double.NaN;
        var right = comparison.Right is Indicator indicator ? series.Values(indicator) : null;
        double R(int t) => right is null ? constant : right[t];
        var result = new bool[series.Length];
        for (var t = 0; t < result.Length; t++)
        {
            var (l, r) = (left[t], R(t));
            if (double.IsNaN(l) || double.IsNaN(r)) continue;
            result[t] = comparison.Operator switch
            {
                ComparisonOperator.GreaterThan => l > r,
                ComparisonOperator.LessThan => l < r,
                ComparisonOperator.CrossesAbove => t > 0 && l > r && left[t - 1] <= R(t - 1),
                ComparisonOperator.CrossesBelow => t > 0 && l < r && left[t - 1] >= R(t - 1),
                _ => false,
            };
        }
        return result;
    }
}

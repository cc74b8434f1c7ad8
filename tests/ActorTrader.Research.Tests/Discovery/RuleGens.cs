using ActorTrader.Research.Discovery;
using ActorTrader.Research.Randomness;
using FsCheck;
using FsCheck.Fluent;

namespace ActorTrader.Research.Tests.Discovery;

/// <summary>FsCheck generators of arbitrary rule trees (independent of <see cref="RuleGenerator"/>) and seeded price series.</summary>
internal static class RuleGens
{
    public static Gen<Indicator> Indicator { get; } = IndicatorWith(Gen.Choose(ActorTrader.Research.Discovery.Indicator.MinWindow, ActorTrader.Research.Discovery.Indicator.MaxWindow));

    /// <summary>Any finite double: raw bit patterns (subnormals, huge, negative zero) and short decimals.</summary>
    public static Gen<double> FiniteDouble { get; } = Gen.OneOf(
        Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(int.MinValue, int.MaxValue))
            .Select(p => BitConverter.Int64BitsToDouble(((long)p.Item1 << 32) | (uint)p.Item2))
            .Where(double.IsFinite),
        Gen.Choose(-100_000, 100_000).Select(i => i / 1000.0),
        Gen.Elements(0.0, -0.0, 1e-300, double.MaxValue, double.MinValue, double.Epsilon));

    /// <summary>Trees with any window and any finite constant: for text round trips.</summary>
    public static Gen<Condition> Tree(int depth) => TreeOf(depth, Comparisons(Indicator, FiniteDouble));

    /// <summary>Trees whose indicators warm up within 30 bars and whose constants are on price, RSI or return scales: for evaluation.</summary>
    public static Gen<Condition> LiveTree(int depth) => TreeOf(depth, Comparisons(
        IndicatorWith(Gen.Choose(2, 30)),
        Gen.OneOf(Gen.Choose(0, 200).Select(i => i / 2.0), Gen.Choose(-100, 100).Select(i => i / 1000.0))));

    public static Gen<TradingRule> Rule { get; } = Tree(6).Zip(Tree(6)).Select(p => new TradingRule(p.Item1, p.Item2));

    public static Gen<TradingRule> LiveRule { get; } = LiveTree(5).Zip(LiveTree(5)).Select(p => new TradingRule(p.Item1, p.Item2));

    private static Gen<Indicator> IndicatorWith(Gen<int> windows) =>
        Gen.Elements(Indicators.All.ToArray()).SelectMany(kind => kind.HasWindow()
            ? windows.Select(w => new Indicator(kind, w))
            : Gen.Constant(new Indicator(kind)));

    private static Gen<Condition> Comparisons(Gen<Indicator> indicators, Gen<double> constants)
    {
        var operands = Gen.OneOf(indicators.Select(i => (Operand)i), constants.Select(d => (Operand)new Constant(d)));
        return Gen.Elements(ComparisonOperators.All.ToArray()).Zip(indicators).Zip(operands)
            .Select(t => (Condition)new Comparison(t.Item1.Item1, t.Item1.Item2, t.Item2));
    }

    private static Gen<Condition> TreeOf(int depth, Gen<Condition> comparisons)
    {
        if (depth <= 2) return comparisons;
        var sub = TreeOf(depth - 1, comparisons);
        return Gen.Frequency(
            (2, comparisons),
            (2, sub.Zip(sub).Select(p => (Condition)new AndCondition(p.Item1, p.Item2))),
            (2, sub.Zip(sub).Select(p => (Condition)new OrCondition(p.Item1, p.Item2))),
            (1, sub.Select(c => (Condition)new NotCondition(c))));
    }

    /// <summary>A geometric random walk of <paramref name="length"/> closes from 100.</summary>
    public static double[] Walk(ulong seed, int length)
    {
        var rng = new ResearchRandom(seed);
        var closes = new double[length];
        var price = 100.0;
        for (var t = 0; t < length; t++)
        {
            price *= Math.Exp(0.02 * rng.NextGaussian());
            closes[t] = price;
        }
        return closes;
    }
}

using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.Tests.Strategies;

/// <summary>Evaluating a strategy at the last bar of a panel with a few parameters changed from their defaults.</summary>
internal static class StrategyTestKit
{
    public static SignalSet EvaluateLast(IStrategy strategy, BarPanel panel, Dictionary<string, double>? overrides = null) =>
        strategy.Evaluate(panel.AsOf(panel.TimeCount - 1), Parameters(strategy, overrides));

    public static ParameterSet Parameters(IStrategy strategy, Dictionary<string, double>? overrides = null) =>
        strategy.Parameters.WithOverrides(overrides ?? [], strategy.Name);

    /// <summary>Targets by symbol text, for compact assertions.</summary>
    public static Dictionary<string, double> Targets(SignalSet set) => set.Signals.ToDictionary(s => s.Symbol.ToString(), s => s.Target);

    public static double Target(SignalSet set, string symbol) =>
        set.Signals.FirstOrDefault(s => s.Symbol == Symbol.Parse(symbol))?.Target ?? 0;

    /// <summary>
    /// A deterministic series: start·e^(drift·i) with a ±wiggle on alternate bars, so it has a known trend and a realised
    /// volatility without randomness.
    /// </summary>
    public static double[] Trend(int count, double start, double drift, double wiggle) =>
        [.. Enumerable.Range(0, count).Select(i => start * Math.Exp(drift * i + (i % 2 == 0 ? wiggle : -wiggle)))];
}

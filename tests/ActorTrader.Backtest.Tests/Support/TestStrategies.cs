using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Backtest.Tests.Support;

/// <summary>Base of the tiny strategies the tests use (the real ones live in ActorTrader.Strategies).</summary>
internal abstract class TestStrategy(string name, int minimumHistory, params ParameterRange[] ranges) : IStrategy
{
    public string Name => name;

    public string Description => "test strategy";

    public StrategyRequirements Requirements { get; } = new(Timeframe.Day1, minimumHistory);

    public ParameterSpace Parameters { get; } = new(ranges);

    public abstract SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters);

    protected static SignalSet Signals(PointInTimePanel panel, IEnumerable<(Symbol Symbol, double Target)> targets) =>
        new(panel.DecisionTime, targets.Where(t => t.Target != 0).Select(t => new StrategySignal(t.Symbol, t.Target)));
}

/// <summary>The same targets at every decision.</summary>
internal sealed class ConstantTargets(params double[] targets) : TestStrategy("constant", 1)
{
    public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters) =>
        Signals(panel, targets.Select((t, s) => (panel.Symbols[s], t)));
}

/// <summary>Every symbol at the target given by its parameter <c>level</c> (for walk-forward selection).</summary>
internal sealed class LevelStrategy() : TestStrategy("level", 1, ParameterRange.Real("level", 0, 1, 1, "target of every symbol"))
{
    public static ParameterSet Level(double level) => new([KeyValuePair.Create("level", level)]);

    public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters) =>
        Signals(panel, panel.Symbols.Select(s => (s, parameters["level"])));
}

/// <summary>Long a symbol when tomorrow's close is higher: it asks the panel for bar Now + 1.</summary>
internal sealed class PeekingStrategy() : TestStrategy("peeking", 1)
{
    public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters) =>
        Signals(panel, panel.Symbols.Select((s, i) => (s, panel.CloseAt(i, panel.Now + 1) > panel.CloseAt(i, panel.Now) ? 1.0 : 0.0)));
}

/// <summary>Keeps a call counter: its signal depends on how often it was asked, not on the data.</summary>
internal sealed class StatefulStrategy() : TestStrategy("stateful", 1)
{
    private int _calls;

    public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters) =>
        Signals(panel, [(panel.Symbols[0], ++_calls % 2 == 0 ? 1.0 : 0.5)]);
}

/// <summary>Long (target 1) the first symbol while its fast simple moving average of closes is above the slow one.</summary>
internal sealed class SmaCrossover() : TestStrategy("sma_crossover", 50,
    ParameterRange.WholeNumber("fast", 2, 100, 20, "fast SMA length"),
    ParameterRange.WholeNumber("slow", 3, 400, 50, "slow SMA length"))
{
    public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        var close = panel.Close(0);
        int fast = (int)parameters["fast"], slow = (int)parameters["slow"];
        if (close.Length < slow) return SignalSet.Flat(panel.DecisionTime);
        return Signals(panel, [(panel.Symbols[0], Mean(close[^fast..]) > Mean(close[^slow..]) ? 1.0 : 0.0)]);
    }

    private static double Mean(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }
}

/// <summary>Long the <c>top</c> symbols by trailing <c>lookback</c>-bar return, each at 1 / top (ties by symbol order).</summary>
internal sealed class TopMomentum() : TestStrategy("top_momentum", 21,
    ParameterRange.WholeNumber("lookback", 5, 250, 20, "trailing bars"),
    ParameterRange.WholeNumber("top", 1, 50, 3, "symbols held"))
{
    public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        int lookback = (int)parameters["lookback"], top = (int)parameters["top"];
        if (panel.Length <= lookback) return SignalSet.Flat(panel.DecisionTime);
        var ranked = Enumerable.Range(0, panel.SymbolCount)
            .Select(s => (Symbol: panel.Symbols[s], Momentum: panel.CloseAt(s, panel.Now) / panel.CloseAt(s, panel.Now - lookback) - 1))
            .Where(x => double.IsFinite(x.Momentum))
            .OrderByDescending(x => x.Momentum)
            .Take(top);
        return Signals(panel, ranked.Select(x => (x.Symbol, 1.0 / top)));
    }
}

/// <summary>Short the symbols up most over <c>lookback</c> bars and long those down most (margin accounts only).</summary>
internal sealed class LongShortReversal() : TestStrategy("long_short_reversal", 6,
    ParameterRange.WholeNumber("lookback", 2, 60, 5, "trailing bars"))
{
    public override SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        var lookback = (int)parameters["lookback"];
        if (panel.Length <= lookback) return SignalSet.Flat(panel.DecisionTime);
        var ranked = Enumerable.Range(0, panel.SymbolCount)
            .Select(s => (Symbol: panel.Symbols[s], Move: panel.CloseAt(s, panel.Now) / panel.CloseAt(s, panel.Now - lookback) - 1))
            .OrderBy(x => x.Move)
            .ToArray();
        return Signals(panel, [(ranked[0].Symbol, 0.5), (ranked[^1].Symbol, -0.5)]);
    }
}

using ActorTrader.Domain.Bars;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Trading.Tests.Sleeves;

/// <summary>A parameterless test strategy whose rule (and optional audit events) is a function of the point-in-time panel.</summary>
internal sealed class TestStrategy(string name, Func<PointInTimePanel, IEnumerable<StrategySignal>> rule, int minimumHistory = 2,
    Func<PointInTimePanel, IEnumerable<StrategyEvent>>? events = null) : IStrategy
{
    public string Name => name;

    public string Description => "test strategy " + name;

    public StrategyRequirements Requirements { get; } = new(Timeframe.Day1, minimumHistory, CanShort: true);

    public ParameterSpace Parameters { get; } = new([]);

    public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters) => new(panel.DecisionTime, rule(panel), events?.Invoke(panel));

    /// <summary>Long every symbol whose last two closes rose, flat otherwise (trades often, both winning and losing).</summary>
    public static TestStrategy FollowsYesterday(string name = "follows_yesterday") => new(name, panel =>
        Enumerable.Range(0, panel.SymbolCount)
            .Where(s => panel.Now > 0 && panel.CloseAt(s, panel.Now) > panel.CloseAt(s, panel.Now - 1))
            .Select(s => new StrategySignal(panel.Symbols[s], 1.0)));

    /// <summary>Short every symbol whose last two closes fell, flat otherwise.</summary>
    public static TestStrategy ShortsFalls(string name = "shorts_falls") => new(name, panel =>
        Enumerable.Range(0, panel.SymbolCount)
            .Where(s => panel.Now > 0 && panel.CloseAt(s, panel.Now) < panel.CloseAt(s, panel.Now - 1))
            .Select(s => new StrategySignal(panel.Symbols[s], -0.5)));

    /// <summary>Always long every symbol at full size.</summary>
    public static TestStrategy AlwaysLong(string name = "always_long") => new(name, panel =>
        panel.Symbols.Select(s => new StrategySignal(s, 1.0)));

    /// <summary>
    /// Always long every symbol, and logs a <paramref name="kind"/> event for every symbol whose close moved more than 1%
    /// since the bar before (traded or not), naming the symbols in reverse order so the event log has to sort them.
    /// </summary>
    public static TestStrategy LogsMoves(string name, string kind) => new(name,
        panel => panel.Symbols.Select(s => new StrategySignal(s, 1.0)),
        events: panel => Enumerable.Range(0, panel.SymbolCount).Reverse()
            .Where(s => panel.Now > 0 && Math.Abs(panel.CloseAt(s, panel.Now) / panel.CloseAt(s, panel.Now - 1) - 1) > 0.01)
            .Select(s => new StrategyEvent(panel.DecisionTime, panel.Symbols[s], kind, $"{name} saw a move")));

    /// <summary>Throws on every evaluation (a deliberately failing strategy).</summary>
    public static TestStrategy Throws(string name = "always_throws") => new(name, _ => throw new InvalidOperationException($"{name} fails on purpose"));
}

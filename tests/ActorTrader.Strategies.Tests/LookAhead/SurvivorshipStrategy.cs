using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.Tests.LookAhead;

/// <summary>
/// A leak the panel's accessors cannot refuse: it sizes positions by the number of symbols in the panel, which counts
/// symbols that only list after the decision time. The truncation check catches it.
/// </summary>
internal sealed class SurvivorshipStrategy : IStrategy
{
    public string Name => "survivorship";

    public string Description => "Equal weight over every symbol the panel will ever hold.";

    public StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 1);

    public ParameterSpace Parameters { get; } = new([]);

    public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        var quoted = Enumerable.Range(0, panel.SymbolCount).Where(s => double.IsFinite(panel.CloseAt(s, panel.Now)));
        return new SignalSet(panel.DecisionTime, quoted.Select(s => new StrategySignal(panel.Symbols[s], 1.0 / panel.SymbolCount)));
    }
}

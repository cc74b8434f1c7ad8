using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.Tests.LookAhead;

/// <summary>A cheating strategy: buys when tomorrow's close is higher than today's — it asks the panel for bar Now + 1.</summary>
internal sealed class PeekingStrategy : IStrategy
{
    public string Name => "peeking";

    public string Description => "Reads the next bar's close.";

    public StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 1);

    public ParameterSpace Parameters { get; } = new([]);

    public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        var s = 0;
        var tomorrow = panel.CloseAt(s, panel.Now + 1);
        var target = tomorrow > panel.CloseAt(s, panel.Now) ? 1.0 : 0.0;
        return new SignalSet(panel.DecisionTime, [new StrategySignal(panel.Symbols[s], target)]);
    }
}

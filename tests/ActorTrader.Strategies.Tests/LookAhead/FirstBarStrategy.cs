using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.Tests.LookAhead;

/// <summary>
/// A false <see cref="ITrailingWindow"/> claim: it declares a window of 5 bars but goes long only what trades above its
/// first close in the panel, so where the panel starts changes its decision. The trailing-window check catches it.
/// </summary>
internal sealed class FirstBarStrategy : IStrategy, ITrailingWindow
{
    public string Name => "first_bar";

    public string Description => "Long whatever closes above its first close in the panel.";

    public StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 5);

    public ParameterSpace Parameters { get; } = new([]);

    public int WindowBars(ParameterSet parameters) => 5;

    public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        var above = Enumerable.Range(0, panel.SymbolCount).Where(s => panel.CloseAt(s, panel.Now) > panel.CloseAt(s, 0)).ToList();
        return new SignalSet(panel.DecisionTime, above.Select(s => new StrategySignal(panel.Symbols[s], 1.0 / above.Count)));
    }
}

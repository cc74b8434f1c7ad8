using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies;

/// <summary>
/// One trading strategy (LEAN's Alpha model is the pattern): a name, a parameter space (the research genome), its
/// requirements, and a pure signal function over the point-in-time panel. Implementations hold no mutable state, so
/// one instance serves every sleeve, backtest and research thread at once.
/// </summary>
public interface IStrategy
{
    /// <summary>The snake_case name used in HOCON and the CLI, e.g. <c>mean_reversion</c>.</summary>
    string Name { get; }

    /// <summary>One line for help texts and reports.</summary>
    string Description { get; }

    StrategyRequirements Requirements { get; }

    ParameterSpace Parameters { get; }

    /// <summary>
    /// Signals at the decision time of <paramref name="panel"/> (the close of bar <see cref="PointInTimePanel.Now"/>).
    /// Invalid <paramref name="parameters"/> throw <see cref="ArgumentException"/> naming them.
    /// </summary>
    SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters);
}

using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.Universe;
using ActorTrader.Backtest.Weights;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Replay;

namespace ActorTrader.Backtest.StrategyRuns;

/// <summary>
/// Backtests one strategy with one parameter set: <see cref="SignalReplay"/> over the panel (each decision sees only its
/// point-in-time view, so a strategy that peeks ahead fails with <see cref="LookAheadException"/>), targets normalised to
/// weights (<see cref="TargetWeights"/>: w = target ÷ max(1, Σ|target|)), optionally filtered by a point-in-time universe,
/// then simulated.
/// </summary>
public static class StrategyBacktest
{
    /// <param name="every">Evaluate the strategy every this many bars (targets are held in between), as <see cref="SignalReplay"/> does.</param>
    public static StrategyBacktestResult Run(IStrategy strategy, ParameterSet parameters, BarPanel panel, SimulatorSetup setup,
        IUniverseFilter? universe = null, int every = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(setup);
        var history = SignalReplay.Run(strategy, panel, parameters, every, cancellationToken);
        var weights = TargetWeights.From(history, universe);
        return new StrategyBacktestResult(history, weights, setup.Run(panel, weights, cancellationToken: cancellationToken));
    }
}

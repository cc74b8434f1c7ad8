using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Simulation;

namespace ActorTrader.Cli.Backtesting;

/// <summary>The options of <c>actortrader backtest</c>: what to test (a strategy or a sleeve), how, on which data, and the output form.</summary>
/// <param name="Strategy">--strategy NAME, or null.</param>
/// <param name="Sleeve">--sleeve NAME, or null (exactly one of the two is given).</param>
/// <param name="Engine">--engine NAME: re-optimise the strategy's picks (or optimise the sleeve) with this optimiser.</param>
/// <param name="WalkForward">--walk-forward: rolling train/test windows instead of one in-sample run (strategies only).</param>
/// <param name="Simulator">--simulator, or null for actortrader.backtest.simulator.</param>
/// <param name="Rebalance">--rebalance, or null for actortrader.backtest.rebalance.</param>
/// <param name="Data">--from, --to, --symbols, --source.</param>
/// <param name="Json">--json: print only the statistics object on stdout.</param>
internal sealed record BacktestOptions(
    string? Strategy,
    string? Sleeve,
    string? Engine,
    bool WalkForward,
    SimulatorKind? Simulator,
    RebalanceSchedule? Rebalance,
    DataOptions Data,
    bool Json);

using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Weights;
using ActorTrader.Strategies.Replay;

namespace ActorTrader.Backtest.StrategyRuns;

/// <summary>A strategy backtest: the strategy's targets as replayed, the weights they became, and the simulated run.</summary>
public sealed record StrategyBacktestResult(TargetHistory History, WeightsSchedule Weights, BacktestResult Result);

using ActorTrader.Backtest.Results;

namespace ActorTrader.Backtest.WalkForward;

/// <summary>
/// A walk-forward run: each window's choice, the simulation of the stitched schedule over the whole panel, the
/// out-of-sample part of it (first test bar to last test bar) and that part's statistics.
/// </summary>
public sealed record WalkForwardResult(
    IReadOnlyList<WalkForwardWindowResult> Windows,
    BacktestResult Full,
    BacktestResult OutOfSample,
    BacktestStatistics OutOfSampleStatistics);

using ActorTrader.Backtest.Results;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The optional validation backtest after the report (stage 8): trades the sleeve's weights bar by bar through a
/// simulator with costs, so the idealised in-sample stream can be compared with what trading it would have given.
/// <see cref="VectorisedValidationBacktest"/> (the backtest's vectorised simulator) is the default.
/// </summary>
public interface ISleeveValidationBacktest
{
    /// <summary>The simulator's name for the audit, e.g. <c>vectorised</c>.</summary>
    string Name { get; }

    ValidationBacktestResult Run(SleeveValidationInput input);
}

/// <summary>
/// What the validation backtest trades over the sleeve's common window. <see cref="Times"/> are bar starts from the bar
/// of the first decision to the last bar. <see cref="Weights"/>[t][asset] are the sleeve's signed asset weights decided
/// at the close of bar t and held over bar t+1: the sleeve's <see cref="SleeveSchedule"/> (Σ over legs of leg weight × sign
/// × the strategy's |target| while the leg is in the market; the last row is the target after the window, never traded). <see cref="AssetReturns"/>[t][asset] is the return over bar t (NaN = none; row 0 is
/// before the window). <see cref="InSampleReturns"/> is the optimised stream over bars 1.. (one fewer value).
/// </summary>
public sealed record SleeveValidationInput(
    string Sleeve,
    string RunId,
    IReadOnlyList<DateTimeOffset> Times,
    IReadOnlyList<Domain.Instruments.Symbol> Assets,
    IReadOnlyList<double[]> Weights,
    IReadOnlyList<double[]> AssetReturns,
    IReadOnlyList<double> InSampleReturns,
    double CostBps,
    double PeriodsPerYear);

/// <summary>
/// The validation backtest's outcome (<c>validation_backtest.json</c>): the simulator, the cost, the backtest's headline
/// statistics next to the in-sample stream's, and the backtest's return per bar on <see cref="Times"/> (net of costs, in
/// the bar the simulator books each trade).
/// </summary>
public sealed record ValidationBacktestResult(
    string Simulator,
    double CostBps,
    BacktestStatistics Statistics,
    double InSampleTotalReturn,
    double InSampleSharpe,
    IReadOnlyList<DateTimeOffset> Times,
    IReadOnlyList<double> Returns);

using ActorTrader.Cli.Backtesting;

namespace ActorTrader.Cli.Forecasting;

/// <summary>Options of <c>actortrader forecast validate</c>; null means "as configured".</summary>
internal sealed record ForecastValidateOptions(
    DataOptions Data,
    IReadOnlyList<string>? Models,
    IReadOnlyList<int>? Horizons,
    int? Folds,
    bool Json);

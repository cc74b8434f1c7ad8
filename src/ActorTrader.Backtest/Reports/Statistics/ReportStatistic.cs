namespace ActorTrader.Backtest.Reports;

/// <summary>
/// One row of the statistics table: a stable snake_case <see cref="Key"/> (the name in <c>statistics.json</c>), a
/// human <see cref="Label"/>, the raw <see cref="Value"/> (NaN = undefined, e.g. Calmar without a drawdown) and its kind.
/// </summary>
public sealed record ReportStatistic(string Key, string Label, double Value, StatisticKind Kind);

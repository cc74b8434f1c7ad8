namespace ActorTrader.Trading.Day;

/// <summary>
/// A strategy run at an exchange-local time of every trading day: the names are passed to
/// <see cref="ITradingDayOperations.RunStrategiesAsync"/>; with <paramref name="RebalanceAfter"/> a rebalance follows it at once.
/// </summary>
public sealed record ScheduledRun(TimeOnly At, IReadOnlyList<string> Strategies, bool RebalanceAfter = false);

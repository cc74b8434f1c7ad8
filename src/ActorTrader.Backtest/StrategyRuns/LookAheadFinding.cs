namespace ActorTrader.Backtest.StrategyRuns;

/// <summary>
/// One decision the audit did not accept: <paramref name="Kind"/> is <c>look-ahead</c> (the strategy asked for a future
/// bar and the point-in-time panel refused) or <c>differs</c> (its signals on the panel cut at the decision bar differ
/// from those on the full panel — it read the future some other way, or it keeps state between calls).
/// </summary>
public sealed record LookAheadFinding(int Bar, DateTimeOffset DecisionTime, string Kind, string Detail);

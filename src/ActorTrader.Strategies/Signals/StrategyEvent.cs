using ActorTrader.Domain.Instruments;

namespace ActorTrader.Strategies.Signals;

/// <summary>Something a strategy observed and wants in the audit even when it did not trade (e.g. a gap it skipped).</summary>
public sealed record StrategyEvent(DateTimeOffset Time, Symbol Symbol, string Kind, string Detail);

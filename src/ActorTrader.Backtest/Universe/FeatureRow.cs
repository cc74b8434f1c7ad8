using ActorTrader.Domain.Instruments;

namespace ActorTrader.Backtest.Universe;

/// <summary>One row of the features matrix: a symbol's close and technical rating (−1 strong sell … +1 strong buy) at a bar start (UTC).</summary>
public sealed record FeatureRow(DateTimeOffset Time, Symbol Symbol, double Close, double Rating);

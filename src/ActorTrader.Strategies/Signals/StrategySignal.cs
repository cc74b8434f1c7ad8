using ActorTrader.Domain.Instruments;

namespace ActorTrader.Strategies.Signals;

/// <summary>
/// A strategy's wish for one symbol at the decision time: <see cref="Target"/> in [−1, 1] — positive long, negative
/// short, 0 flat, the magnitude its conviction (share of the strategy's capital before normalisation).
/// </summary>
public sealed record StrategySignal(Symbol Symbol, double Target, string? Reason = null);

using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.Replay;

/// <summary>
/// A strategy's targets over a panel: <see cref="Targets"/>[t][s] is what it wanted for symbol s when deciding at the
/// close of bar t (0 before its warm-up and for symbols it did not name), so the position held over bar t+1 is
/// Targets[t]. Events are every audit event in time order.
/// </summary>
public sealed record TargetHistory(
    string Strategy,
    IReadOnlyList<Symbol> Symbols,
    IReadOnlyList<DateTimeOffset> Times,
    double[][] Targets,
    IReadOnlyList<StrategyEvent> Events);

using ActorTrader.Domain.Instruments;

namespace ActorTrader.Backtest.Universe;

/// <summary>
/// Which symbols may be held, decided point in time: the answer for <c>decisionTime</c> may use only what was known at
/// that instant. The simulators zero the targets of every other symbol at each decision. The Trading layer backs this
/// with <c>features_matrix.parquet</c>; <see cref="InMemoryUniverseFilter"/> serves tests and small runs.
/// </summary>
public interface IUniverseFilter
{
    /// <summary>The symbols allowed at the close whose bar starts at <paramref name="decisionTime"/> (UTC).</summary>
    IReadOnlySet<Symbol> AllowedAt(DateTimeOffset decisionTime);
}

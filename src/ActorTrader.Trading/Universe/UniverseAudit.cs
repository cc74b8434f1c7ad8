using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Universe;

/// <summary>
/// What a point-in-time universe did over a run: the symbols asked about, those the features matrix does not hold (so
/// never allowed), and per decision how many were allowed.
/// </summary>
public sealed record UniverseAudit(IReadOnlyList<Symbol> Requested, IReadOnlyList<Symbol> Missing, IReadOnlyList<UniverseDecision> Decisions)
{
    /// <summary>True when no decision allowed any symbol: a run on this universe would hold nothing.</summary>
    public bool IsEmpty => Decisions.All(d => d.Allowed == 0);
}

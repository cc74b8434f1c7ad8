using ActorTrader.Domain.Calendar;

namespace ActorTrader.Trading.Day;

/// <summary>
/// One trading day as it went: the session, whether the pre-market reconciliation succeeded (no orders without it), every
/// phase in the order it ran (operator rebalances included) and every rebalance.
/// </summary>
public sealed record TradingDaySummary(
    DateOnly Date,
    MarketSession Session,
    bool Reconciled,
    IReadOnlyList<PhaseReport> Phases,
    IReadOnlyList<RebalanceReport> Rebalances)
{
    /// <summary>The phases that failed.</summary>
    public IReadOnlyList<PhaseReport> Failures => [.. Phases.Where(p => p.Status == PhaseStatus.Failed)];

    /// <summary>Orders accepted over the day's rebalances.</summary>
    public int OrdersAccepted => Rebalances.Sum(r => r.Accepted);
}

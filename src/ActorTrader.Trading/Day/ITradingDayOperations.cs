using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Day;

/// <summary>
/// What the trading day asks of the rest of the node, so the day knows no other actor's constructor. The node implements
/// it with asks to the account's orders, ledger and risk actors, the sleeves and the meta-portfolio (a replay wires the
/// paper broker and the <see cref="Replay.ReplayMarketFeed"/> behind it). Every method may throw: the day reports the
/// failure and goes on (fail closed: a failed reconciliation means no orders that day). Calls come one at a time, never
/// on the actor's thread; the token is cancelled when the phase times out or the day stops.
/// </summary>
public interface ITradingDayOperations
{
    /// <summary>Pre-market: reconcile orders, fills and positions with the broker; throw when they cannot be reconciled.</summary>
    Task ReconcileAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>Pre-market: bring the market data up to date (ingestion of the last session's bars).</summary>
    Task RefreshDataAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>The session opened: e.g. publish the opening quotes (a replay's open prices) and mark the ledger.</summary>
    Task MarketOpenAsync(MarketSession session, CancellationToken cancellationToken);

    /// <summary>A scheduled strategy run at <paramref name="at"/> (UTC) of the named strategies.</summary>
    Task RunStrategiesAsync(DateOnly date, DateTimeOffset at, IReadOnlyList<string> strategies, CancellationToken cancellationToken);

    /// <summary>
    /// The targets to rebalance towards: the meta-portfolio's, or the sleeves' with their capital shares. With a
    /// <paramref name="sleeve"/> (the operator's <c>actortrader rebalance SLEEVE</c>), that sleeve is brought up to date
    /// and the others keep their last targets — the result still covers the whole account, since positions are the account's.
    /// </summary>
    Task<RebalanceTargets> ComputeTargetsAsync(DateOnly date, string? sleeve, CancellationToken cancellationToken);

    /// <summary>The ledger now (NAV, positions, marks).</summary>
    Task<LedgerView> GetLedgerAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The account's orders that may still fill (the order manager's open orders, every sleeve's): the rebalance counts
    /// what they still have to fill, so a rebalance before an earlier one's orders filled does not order them again.
    /// </summary>
    Task<IReadOnlyList<OrderView>> GetOpenOrdersAsync(CancellationToken cancellationToken);

    /// <summary>The latest price of each symbol that has one (symbols without a price are left out).</summary>
    Task<IReadOnlyDictionary<Symbol, decimal>> GetPricesAsync(IReadOnlyCollection<Symbol> symbols, CancellationToken cancellationToken);

    /// <summary>
    /// Submits the intents in the given order (sells first) through risk and the order manager; one answer per intent. A
    /// resubmitted intent is harmless: its client order id is deterministic.
    /// </summary>
    Task<IReadOnlyList<IntentSubmission>> SubmitAsync(IReadOnlyList<OrderIntent> intents, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the order manager to cancel the open orders a rebalance found no longer fit (before it submits anything); one
    /// answer per cancel. A cancel of an order already final or not yet acknowledged by the broker is refused, with the reason.
    /// </summary>
    Task<IReadOnlyList<CancelSubmission>> CancelAsync(IReadOnlyList<PlannedCancel> cancels, CancellationToken cancellationToken);

    /// <summary>The session closed: e.g. the closing quotes and marks.</summary>
    Task MarketCloseAsync(MarketSession session, CancellationToken cancellationToken);

    /// <summary>Post-market: the ledger's daily snapshot (idempotent per date).</summary>
    Task SnapshotAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>Post-market: back up the journal.</summary>
    Task BackupAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>Post-market: write the day's report from its summary so far (every phase before post-market).</summary>
    Task WriteReportAsync(TradingDaySummary summary, CancellationToken cancellationToken);
}

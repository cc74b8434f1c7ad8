using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Ledger;

// The ledger's public protocol, used by the order manager (fills), reconciliation, risk, the trading day and the
// management API. The actor itself may add internal messages next to these.

/// <summary>
/// Book one execution. Idempotent on <see cref="ExecutionId"/>: a fill already booked is acknowledged again and changes
/// nothing. Replies <see cref="FillBooked"/> once the event is durable (the order manager delivers fills at least once
/// and confirms on this reply). <see cref="CommissionReported"/> is false for a fill the broker reported only as part of
/// an order's cumulative figures (a synthetic fill of reconciliation or a missed update): without a commission of its
/// own it is booked with the account's <see cref="CommissionModel"/> instead of for free.
/// </summary>
public sealed record BookFill(Fill Fill, string ExecutionId, long DeliveryId, bool CommissionReported = true);

/// <summary>The execution is in the ledger (now or before: <see cref="AlreadyBooked"/>).</summary>
public sealed record FillBooked(string ExecutionId, long DeliveryId, bool AlreadyBooked);

/// <summary>Latest prices to value positions with (unrealised P&amp;L, NAV); not journaled.</summary>
public sealed record MarkPrices(IReadOnlyList<MarketQuote> Quotes);

/// <summary>Asks for the ledger; replies <see cref="LedgerView"/>.</summary>
public sealed record GetLedger
{
    public static GetLedger Instance { get; } = new();
}

/// <summary>
/// The ledger now: cash, positions at average cost, P&amp;L and fees, valued at the latest marks (a position without a
/// mark is valued at its average cost and listed in <see cref="Unmarked"/>).
/// </summary>
public sealed record LedgerView(
    string AccountId,
    AccountKind Kind,
    decimal Cash,
    IReadOnlyList<Position> Positions,
    IReadOnlyDictionary<Symbol, decimal> Marks,
    decimal RealisedPnl,
    decimal UnrealisedPnl,
    decimal Fees,
    decimal NetAssetValue,
    decimal GrossExposure,
    decimal NetExposure,
    int FillCount,
    IReadOnlyList<Symbol> Unmarked,
    DateTimeOffset AsOf);

/// <summary>
/// Close the trading day: journal a <c>portfolio_daily</c> row (date, NAV, cash, P&amp;L of the day, positions) for
/// <see cref="Date"/> (exchange-local date). Idempotent per date. Replies <see cref="DailySnapshotTaken"/>.
/// </summary>
public sealed record TakeDailySnapshot(DateOnly Date);

public sealed record DailySnapshotTaken(DateOnly Date, decimal NetAssetValue, decimal DayPnl, bool AlreadyTaken);

/// <summary>Asks for the journaled daily rows (oldest first); replies <see cref="PortfolioDailyHistory"/>.</summary>
public sealed record GetPortfolioDaily
{
    public static GetPortfolioDaily Instance { get; } = new();
}

public sealed record PortfolioDailyRow(DateOnly Date, decimal NetAssetValue, decimal Cash, decimal DayPnl, decimal RealisedPnl, decimal Fees, int Positions);

public sealed record PortfolioDailyHistory(IReadOnlyList<PortfolioDailyRow> Rows);

/// <summary>
/// Reconciliation, last step (after orders and fills): compare the account kind, positions and cash with the broker's and
/// adopt the broker's truth, journaling one discrepancy event per difference. Replies <see cref="PositionsReconciled"/>.
/// </summary>
/// <param name="BrokerKind">The broker account's kind (cash or margin), adopted when the ledger's differs; null leaves the kind as it is.</param>
public sealed record ReconcilePositions(IReadOnlyList<BrokerPosition> BrokerPositions, decimal BrokerCash, string ReconciliationId, AccountKind? BrokerKind = null);

/// <summary>One difference found (symbol or cash), what the ledger had and what the broker says (adopted).</summary>
public sealed record LedgerDiscrepancy(string Item, decimal LedgerValue, decimal BrokerValue);

public sealed record PositionsReconciled(string ReconciliationId, IReadOnlyList<LedgerDiscrepancy> Discrepancies)
{
    /// <summary>The broker account's kind when the ledger adopted it (it had another one); null when they agreed.</summary>
    public AccountKind? AdoptedKind { get; init; }
}

/// <summary>Published on the event stream after every change (fill booked, marks, reconciliation): risk monitors it.</summary>
public sealed record LedgerChanged(LedgerView View);

/// <summary>
/// Published on the event stream (and logged as a warning) for each difference reconciliation found: the ledger
/// adopted the broker's value. <see cref="Message"/> says what changed and what to check.
/// </summary>
public sealed record LedgerDiscrepancyAlert(string AccountId, string ReconciliationId, LedgerDiscrepancy Discrepancy, string Message, DateTimeOffset At);

/// <summary>
/// Published on the event stream (and logged as an error) when the broker executed a fill this account's rules forbid
/// (a short or cash below zero on a cash account). The fill was booked anyway: the broker's fill is a fact, and a ledger
/// that refused it would no longer match the broker. <see cref="Rule"/> is the rule broken with its fix; <see cref="Message"/>
/// says what was booked and what to check.
/// </summary>
public sealed record LedgerRuleViolationAlert(string AccountId, string ExecutionId, Fill Fill, string Rule, string Message, DateTimeOffset At);

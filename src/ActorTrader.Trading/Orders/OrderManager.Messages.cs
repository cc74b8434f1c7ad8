using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Orders;

// The order manager's public protocol, used by the trading day, the risk manager's automatic actions, the kill switch
// and the management API. The actor itself may add internal messages next to these.

/// <summary>
/// Place an order. Replies <see cref="OrderSubmitAccepted"/> once <c>OrderSubmitted</c> is durable in the journal (before
/// the broker call), or <see cref="OrderSubmitRefused"/>. Sending the same intent again is harmless: the reply describes
/// the order already known under that client order id, and nothing is sent to the broker twice.
/// </summary>
public sealed record SubmitOrder(OrderIntent Intent);

/// <summary>The order is journaled and on its way to the broker (or already known under <see cref="ClientOrderId"/>).</summary>
public sealed record OrderSubmitAccepted(string ClientOrderId, bool AlreadyKnown);

/// <summary>The order was not placed, and nothing was journaled or sent; <see cref="Reason"/> names the cause and the fix.</summary>
public sealed record OrderSubmitRefused(string ClientOrderId, string Reason);

/// <summary>Cancel one open order. Replies <see cref="OrderCancelRequested"/> or <see cref="OrderSubmitRefused"/>-style refusal text.</summary>
public sealed record CancelOrder(string ClientOrderId, string Reason);

public sealed record OrderCancelRequested(string ClientOrderId);

/// <summary>Cancel every open order (kill switch, risk halt). Replies <see cref="OpenOrdersCanceled"/> with how many were asked to cancel.</summary>
public sealed record CancelAllOpenOrders(string Reason);

public sealed record OpenOrdersCanceled(int Count);

/// <summary>
/// Who may place new orders. The order manager starts with <c>Allowed = false</c> (fail closed) and refuses every
/// submit until told otherwise — after startup reconciliation succeeded and while neither the kill switch nor risk
/// has halted trading. With <see cref="ReducingOnly"/>, only intents with <c>ReducesExposure</c> pass.
/// </summary>
public sealed record TradingPermission(bool Allowed, bool ReducingOnly, string Reason);

/// <summary>
/// Told by the order manager to its permission source (the trading gate, or the account without one) once it has
/// recovered, after its first start and after every restart by its supervisor: it is closed again (a restart loses the
/// permission it was told), and the source answers with the current <see cref="TradingPermission"/>.
/// </summary>
public sealed record OrderManagerStarted(string AccountId);

/// <summary>The cancel was not requested; <see cref="Reason"/> names the cause (unknown order, already final, not acknowledged yet, broker refusal).</summary>
public sealed record OrderCancelRefused(string ClientOrderId, string Reason);

/// <summary>The broker did not take the cancel-all request; <see cref="Reason"/> names the cause. Open orders may still work.</summary>
public sealed record CancelAllOpenOrdersFailed(string Reason);

/// <summary>
/// Asks for the orders (only those that may still change with <see cref="OpenOnly"/>; only those submitted at or after
/// <see cref="SubmittedSince"/> when it is given, e.g. the risk manager's trades of the day); replies <see cref="OrdersView"/>.
/// </summary>
public sealed record GetOrders(bool OpenOnly = false, DateTimeOffset? SubmittedSince = null);

/// <summary>The orders, oldest submit first (ties by client order id).</summary>
public sealed record OrdersView(string AccountId, IReadOnlyList<OrderView> Orders);

/// <summary>Asks for one order; replies <see cref="OrderLookup"/>.</summary>
public sealed record GetOrder(string ClientOrderId);

/// <summary>The order, or null when no order has that client order id.</summary>
public sealed record OrderLookup(string ClientOrderId, OrderView? Order);

/// <summary>One order as the order manager knows it. <see cref="AverageFillPrice"/> is null before the first fill.</summary>
/// <param name="Adopted">True for an order found at the broker that this book never placed (sleeve <c>unknown</c>).</param>
public sealed record OrderView(
    string ClientOrderId,
    string? BrokerOrderId,
    string AccountId,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    OrderState Status,
    string Sleeve,
    string RebalanceId,
    string Leg,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    string? LastError,
    bool Adopted);

/// <summary>Asks for the current permission; replies <see cref="TradingPermission"/>.</summary>
public sealed record GetTradingPermission
{
    public static GetTradingPermission Instance { get; } = new();
}

/// <summary>
/// Startup reconciliation, first step: ask the broker about every order that may still change (by client order id)
/// and adopt its truth (status, fills missing here — journaled and delivered to the ledger), and adopt open broker
/// orders this book does not know (journaled as <c>UnknownBrokerOrderAdopted</c>). Replies <see cref="OrdersReconciled"/>,
/// or <see cref="OrderReconciliationFailed"/> when the broker cannot be asked (trading must stay halted).
/// </summary>
public sealed record ReconcileOrders(string ReconciliationId);

/// <summary>One difference between this book and the broker, and what was done about it.</summary>
public sealed record OrderDiscrepancy(string ClientOrderId, string Kind, string Detail);

/// <param name="Checked">Orders asked about.</param>
/// <param name="Changed">Orders whose state or fills changed.</param>
/// <param name="FillsAdded">Fills booked from the broker's figures.</param>
/// <param name="UnknownAdopted">Broker orders adopted.</param>
/// <param name="NeverAccepted">Orders the broker never had (grace period over).</param>
/// <param name="Unresolved">Orders awaiting the broker still unresolved (inside the grace period); resolved later by the order manager.</param>
public sealed record OrdersReconciled(
    string ReconciliationId, int Checked, int Changed, int FillsAdded, int UnknownAdopted, int NeverAccepted, int Unresolved, IReadOnlyList<OrderDiscrepancy> Discrepancies);

public sealed record OrderReconciliationFailed(string ReconciliationId, string Reason);

/// <summary>
/// Startup reconciliation, second step: replies <see cref="FillsReconciled"/> once the ledger confirmed every fill of the
/// book (redelivered at least once until it does), or <see cref="FillReconciliationFailed"/> after the fills timeout.
/// </summary>
public sealed record ReconcileFills(string ReconciliationId);

public sealed record FillsReconciled(string ReconciliationId, int Fills);

public sealed record FillReconciliationFailed(string ReconciliationId, string Reason, IReadOnlyList<string> UnconfirmedExecutionIds);

/// <summary>What changed in an <see cref="OrderChanged"/>.</summary>
public enum OrderChangeKind
{
    Submitted,
    Accepted,
    SubmitRejected,
    SubmitUncertain,
    NeverAccepted,
    StatusChanged,
    StatusForced,
    Filled,
    Adopted,
}

/// <summary>Published on the event stream after every journaled change of an order (risk's trade count, the dashboard).</summary>
public sealed record OrderChanged(string AccountId, OrderView Order, OrderChangeKind Change);

/// <summary>Published on the event stream for every execution booked (once per execution id).</summary>
public sealed record OrderFillRecorded(string AccountId, string ExecutionId, Fill Fill, bool Synthetic);

/// <summary>Published on the event stream when broker news did not fit the order's state; the order manager asks the broker for the order.</summary>
public sealed record OrderTransitionRefused(string AccountId, string ClientOrderId, OrderState From, OrderEventKind Event, string Reason);

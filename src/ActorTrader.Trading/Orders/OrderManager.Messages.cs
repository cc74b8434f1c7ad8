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

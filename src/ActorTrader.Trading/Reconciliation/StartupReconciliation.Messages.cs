using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Reconciliation;

/// <summary>The steps of startup reconciliation, in the order they run.</summary>
public enum ReconciliationStep
{
    /// <summary>Every order that may still change, and the broker's open orders (order manager).</summary>
    Orders,

    /// <summary>Every fill confirmed by the ledger (order manager, redelivering).</summary>
    Fills,

    /// <summary>Positions and cash compared with the broker's and adopted (ledger).</summary>
    Positions,
}

/// <summary>All three steps succeeded: trading may be permitted.</summary>
public sealed record StartupReconciliationSucceeded(string ReconciliationId, OrdersReconciled Orders, FillsReconciled Fills, PositionsReconciled Positions);

/// <summary>A step failed (named, with the reason and fix): trading stays halted.</summary>
public sealed record StartupReconciliationFailed(string ReconciliationId, ReconciliationStep Step, string Reason);

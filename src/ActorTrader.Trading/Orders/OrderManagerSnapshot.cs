namespace ActorTrader.Trading.Orders;

/// <summary>
/// The order manager's state at one sequence number: every order, and the fills the ledger has not confirmed yet (by
/// delivery id) with the delivery counter, so at-least-once delivery resumes exactly where it was.
/// </summary>
internal sealed record OrderManagerSnapshot(IReadOnlyList<TrackedOrder> Orders, long CurrentDeliveryId, IReadOnlyList<PendingFillDelivery> Unconfirmed);

/// <summary>A fill sent to the ledger and not confirmed yet.</summary>
internal sealed record PendingFillDelivery(long DeliveryId, string ExecutionId);

namespace ActorTrader.Trading.Orders;

/// <summary>
/// What one piece of broker news means for one order: the events to journal (fills first, then at most one status
/// event), the discrepancies found, an illegal transition (the fills are still journaled: money moved at the broker
/// whatever the book thought), or a repeat of something already booked.
/// </summary>
internal sealed record OrderDecision(IReadOnlyList<object> Events, IReadOnlyList<OrderDiscrepancy> Discrepancies, IllegalOrderTransitionException? Refused, bool Repeat)
{
    public static OrderDecision Repeated { get; } = new([], [], null, true);
}

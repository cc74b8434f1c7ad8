namespace ActorTrader.Brokers.Abstractions;

/// <summary>The <c>event</c> values of Alpaca's trade_updates stream.</summary>
public enum TradeUpdateEvent
{
    New,
    Fill,
    PartialFill,
    Canceled,
    Expired,
    DoneForDay,
    Replaced,
    Rejected,
    PendingNew,
    Stopped,
    PendingCancel,
    PendingReplace,
    Calculated,
    Suspended,
    OrderReplaceRejected,
    OrderCancelRejected,
}

using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// One submit attempt as the paper broker received it, whatever its outcome; persisted with the account, so "no client
/// order id was submitted twice" can be checked across restarts. <see cref="BrokerOrderId"/> is the order created (for
/// <see cref="SubmissionOutcome.Accepted"/>) or the order already holding the id (for <see cref="SubmissionOutcome.Duplicate"/>).
/// </summary>
public sealed record SubmissionRecord(
    long Sequence,
    string ClientOrderId,
    Symbol Symbol,
    OrderSide Side,
    decimal Quantity,
    OrderType Type,
    TimeInForce TimeInForce,
    DateTimeOffset Time,
    SubmissionOutcome Outcome,
    string? BrokerOrderId,
    string? ReasonCode);

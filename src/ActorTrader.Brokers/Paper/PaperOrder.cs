using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// One order of the paper account, mutable inside the broker's lock. Status moves only forward: an open order may fill
/// (partially or fully) or end (canceled, expired, rejected, replaced); an ended order never changes again.
/// </summary>
internal sealed class PaperOrder
{
    public required long Sequence { get; init; }

    public required string BrokerOrderId { get; init; }

    public required string ClientOrderId { get; init; }

    public required Symbol Symbol { get; init; }

    public required OrderSide Side { get; init; }

    public required OrderType Type { get; init; }

    public required TimeInForce TimeInForce { get; init; }

    public required decimal Quantity { get; init; }

    public decimal? LimitPrice { get; init; }

    public decimal? StopPrice { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Day orders end when the quote time passes this instant (their session's close); null for the others.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The last quote sequence seen when the order arrived: only later quotes may fill it.</summary>
    public required long AfterQuote { get; init; }

    public string? Replaces { get; init; }

    public OrderStatus Status { get; set; } = OrderStatus.New;

    public DateTimeOffset UpdatedAt { get; set; }

    public decimal FilledQuantity { get; set; }

    /// <summary>Σ quantity × price of the fills; the average price is this over the filled quantity.</summary>
    public decimal FilledNotional { get; set; }

    public DateTimeOffset? FilledAt { get; set; }

    /// <summary>A stop order whose stop price has traded (it now works as a market or limit order).</summary>
    public bool StopTriggered { get; set; }

    /// <summary>Commission before the per-order minimum, summed over the fills.</summary>
    public decimal RawCommission { get; set; }

    /// <summary>Commission charged, summed over the fills.</summary>
    public decimal Commission { get; set; }

    public string? ReplacedBy { get; set; }

    /// <summary>Why the order ended other than by filling, for the state dump and logs.</summary>
    public string? Reason { get; set; }

    public decimal Remaining => Quantity - FilledQuantity;

    public bool IsOpen => Status.IsOpen();

    public decimal? FilledAveragePrice => FilledQuantity > 0 ? FilledNotional / FilledQuantity : null;

    /// <summary>Fill granularity: whole units for an equity order of a whole number; crypto and fractional orders fill to a billionth.</summary>
    public decimal Lot => Symbol.Exchange != Exchanges.Crypto && decimal.Truncate(Quantity) == Quantity ? 1m : 0.000000001m;

    public void RecordFill(decimal quantity, decimal price, decimal rawCommission, decimal commission, DateTimeOffset time)
    {
        EnsureOpen("fill");
        if (quantity <= 0 || quantity > Remaining)
            throw new InvalidOperationException($"Paper order {BrokerOrderId} cannot fill {quantity} of its remaining {Remaining}.");
        FilledQuantity += quantity;
        FilledNotional += quantity * price;
        RawCommission += rawCommission;
        Commission += commission;
        Status = Remaining == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        if (Remaining == 0) FilledAt = time;
        UpdatedAt = time;
    }

    public void End(OrderStatus status, DateTimeOffset time, string reason)
    {
        EnsureOpen(status.ToWire());
        if (!status.IsTerminal() || status == OrderStatus.Filled)
            throw new InvalidOperationException($"Paper order {BrokerOrderId} cannot end as {status.ToWire()}.");
        Status = status;
        UpdatedAt = time;
        Reason = reason;
    }

    public BrokerOrder ToBrokerOrder() => new(BrokerOrderId, ClientOrderId, Symbol, Side, Type, TimeInForce, Quantity, FilledQuantity,
        FilledAveragePrice, LimitPrice, StopPrice, Status, CreatedAt, UpdatedAt, FilledAt, ReplacedBy, Replaces);

    private void EnsureOpen(string what)
    {
        if (!IsOpen)
            throw new InvalidOperationException($"Paper order {BrokerOrderId} is {Status.ToWire()} and cannot {what}; ended orders never change.");
    }
}

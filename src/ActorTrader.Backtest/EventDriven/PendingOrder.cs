using ActorTrader.Domain.Orders;

namespace ActorTrader.Backtest.EventDriven;

/// <summary>A simulated order while it lives: what has filled so far, its status and the reason it stopped short, if any.</summary>
internal sealed class PendingOrder(OrderRequest request, int symbolIndex, DateTimeOffset decisionTime)
{
    public OrderRequest Request { get; } = request;

    public int SymbolIndex { get; } = symbolIndex;

    public DateTimeOffset DecisionTime { get; } = decisionTime;

    public decimal Filled { get; private set; }

    public decimal Remaining => Request.Quantity - Filled;

    public OrderStatus Status { get; private set; } = OrderStatus.New;

    public string? Reason { get; private set; }

    public bool IsDone => Status.IsTerminal();

    private decimal _notional;
    private decimal _commission;

    public void Record(Fill fill)
    {
        Filled += fill.Quantity;
        _notional += fill.Notional;
        _commission += fill.Commission;
        Status = Filled == Request.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
    }

    /// <summary>Keeps a reason without ending the order (e.g. a scaled-down fill that still filled what was asked of it).</summary>
    public void Note(string reason) => Reason = Reason is null ? reason : Reason + " " + reason;

    public void Finish(OrderStatus status, string? reason)
    {
        Status = status;
        if (reason is not null) Note(reason);
    }

    public OrderRecord ToRecord() =>
        new(Request, DecisionTime, Status, Filled, Filled == 0 ? 0 : _notional / Filled, _commission, Reason);
}

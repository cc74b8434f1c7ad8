using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.TradeCount;

/// <summary>
/// The client order ids that count as trades of one <see cref="TradeDay"/>: those the pre-trade checks approved and those
/// the order manager placed since the day began (whoever asked for them). A set, so an id approved and then placed, or
/// reported twice, counts once. Moving to another day starts it empty.
/// </summary>
internal sealed class DailyTradeCount
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public TradeDay? Day { get; private set; }

    public int Count => _ids.Count;

    public IReadOnlySet<string> Ids => _ids;

    public void MoveTo(TradeDay day)
    {
        if (Day == day) return;
        Day = day;
        _ids.Clear();
    }

    public void Add(string clientOrderId) => _ids.Add(clientOrderId);

    /// <summary>Counts the order when it was placed on the current day (stamped by the order manager at or after its start).</summary>
    public void AddIfPlacedToday(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Day is { } day && order.SubmittedAt >= day.Since) _ids.Add(order.ClientOrderId);
    }
}

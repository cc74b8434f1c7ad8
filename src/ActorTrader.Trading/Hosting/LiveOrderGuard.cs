using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Host;

/// <summary>
/// The order path's last check before the live gate's promise "synthetic data never reaches a live broker": an intent
/// priced from synthetic (generated) data is refused when the broker moves real money. The node already refuses to start
/// a live broker with a synthetic data source; this catches anything that slips past that (a source that changes while
/// running, a test double).
/// </summary>
public static class LiveOrderGuard
{
    /// <summary>Null when the intent may go on, else why not (naming the order, the cause and the fix).</summary>
    public static string? Refusal(OrderIntent intent, bool brokerIsLive, bool pricesSynthetic)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (!brokerIsLive || !pricesSynthetic) return null;
        return $"Order {intent.Side.ToWire()} {intent.Quantity} {intent.Symbol} (sleeve {intent.Sleeve}, rebalance {intent.RebalanceId}) is priced from synthetic data " +
               "and the broker is live: synthetic data never reaches a live broker. Fix: trade live only on market data (lakehouse or csv), or use the paper broker.";
    }
}

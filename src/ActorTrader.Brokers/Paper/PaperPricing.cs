using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// Fill prices and commissions, exact decimals (not rounded to ticks or cents). Slippage moves the quote against the
/// trader; a limit order never fills worse than its limit. Commission is basis points of notional plus a per-unit part,
/// and one order pays at least the minimum in total: its first fill is topped up to the minimum, later fills pay only
/// what their raw commission adds above it.
/// </summary>
internal sealed class PaperPricing(PaperBrokerSettings settings)
{
    private readonly decimal _slippage = settings.SlippageBps / 10_000m;
    private readonly decimal _commissionRate = settings.CommissionBps / 10_000m;

    /// <summary>The quote moved against the trader: buys pay more, sells receive less.</summary>
    public decimal Slipped(OrderSide side, decimal quote) => side == OrderSide.Buy ? quote * (1 + _slippage) : quote * (1 - _slippage);

    /// <summary>The price <paramref name="order"/> fills at against <paramref name="quote"/>.</summary>
    public decimal FillPrice(PaperOrder order, decimal quote)
    {
        var price = Slipped(order.Side, quote);
        if (order.LimitPrice is not { } limit || order.Type is not (OrderType.Limit or OrderType.StopLimit)) return price;
        return order.Side == OrderSide.Buy ? Math.Min(price, limit) : Math.Max(price, limit);
    }

    /// <summary>True when a limit (or triggered stop-limit) order may trade at <paramref name="quote"/>.</summary>
    public static bool Crosses(PaperOrder order, decimal quote) =>
        order.LimitPrice is not { } limit || order.Type is not (OrderType.Limit or OrderType.StopLimit) ||
        (order.Side == OrderSide.Buy ? quote <= limit : quote >= limit);

    /// <summary>True when <paramref name="quote"/> trades through a stop order's stop price.</summary>
    public static bool Triggers(PaperOrder order, decimal quote) =>
        order.StopPrice is not { } stop || (order.Side == OrderSide.Buy ? quote >= stop : quote <= stop);

    /// <summary>Commission before the per-order minimum.</summary>
    public decimal RawCommission(decimal quantity, decimal price) => quantity * price * _commissionRate + quantity * settings.CommissionPerShare;

    /// <summary>What the next fill of <paramref name="order"/> pays, given its raw commission.</summary>
    public decimal Commission(PaperOrder order, decimal rawCommission) =>
        Math.Max(settings.MinCommission, order.RawCommission + rawCommission) - order.Commission;

    /// <summary>
    /// The price an order is expected to trade at, for buying-power checks before it fills: its limit, the slipped mark
    /// for market orders (the stop, if higher for a buy or lower for a sell), or null when no price is known yet.
    /// </summary>
    public decimal? Estimate(OrderSide side, OrderType type, decimal? limitPrice, decimal? stopPrice, decimal? mark)
    {
        if (type is OrderType.Limit or OrderType.StopLimit && limitPrice is { } limit) return limit;
        var reference = mark;
        if (type == OrderType.Stop && stopPrice is { } stop)
            reference = reference is { } m ? (side == OrderSide.Buy ? Math.Max(m, stop) : Math.Min(m, stop)) : stop;
        return reference is { } r ? Slipped(side, r) : null;
    }
}

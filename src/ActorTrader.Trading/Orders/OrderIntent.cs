using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Orders;

/// <summary>
/// An order the system wants to place, with where it came from. The rebalance planner and the risk manager's automatic
/// actions produce these; risk checks them; the order manager turns an approved one into an <see cref="OrderRequest"/>
/// whose client order id is derived from (account, sleeve, rebalance id, symbol, side, leg) — so the same intent
/// always gets the same id, and a retry after a crash can never become a second order.
/// </summary>
/// <param name="Sleeve">The sleeve the order serves, or <c>meta</c> / <c>risk</c> / <c>operator</c> for system orders.</param>
/// <param name="RebalanceId">Identifies one rebalance or one automatic action (e.g. <c>2026-11-20T15:45Z</c>, <c>risk-reduce-3</c>).</param>
/// <param name="Leg">Tells apart several orders of one rebalance for the same symbol and side (<c>target</c>, <c>close</c>, <c>reduce</c>).</param>
/// <param name="ReferencePrice">The last known price, for notional and exposure checks (market orders carry no price).</param>
/// <param name="Confidence">The signal's confidence in [0, 1], when the strategy gives one; risk refuses orders below its threshold.</param>
/// <param name="ReducesExposure">True for orders that only shrink positions (allowed while REDUCING; the kill switch's flatten).</param>
public sealed record OrderIntent(
    string AccountId,
    string Sleeve,
    string RebalanceId,
    Symbol Symbol,
    OrderSide Side,
    decimal Quantity,
    string Leg,
    decimal ReferencePrice,
    OrderType Type = OrderType.Market,
    TimeInForce TimeInForce = TimeInForce.Day,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    double? Confidence = null,
    bool ReducesExposure = false,
    string? Reason = null)
{
    /// <summary>The deterministic client order id of this intent.</summary>
    public string ClientOrderId => ClientOrderIds.For(AccountId, Sleeve, RebalanceId, Symbol, Side, Leg);

    public decimal Notional => Quantity * ReferencePrice;

    public decimal SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;

    /// <summary>The broker request for this intent (validated: throws <see cref="InvalidOrderException"/> naming the problem).</summary>
    public OrderRequest ToRequest() => new(ClientOrderId, Symbol, Side, Quantity, Type, TimeInForce, LimitPrice, StopPrice);
}

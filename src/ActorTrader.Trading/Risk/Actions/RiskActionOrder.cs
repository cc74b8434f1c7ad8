using System.Text.Json.Serialization;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.Actions;

/// <summary>
/// An automatic action's order as journaled in <see cref="RiskActionTaken"/>: enough to rebuild the same
/// <see cref="OrderIntent"/> (and so the same client order id) when an unfinished action is sent again after a restart.
/// </summary>
public sealed record RiskActionOrder(
    string Symbol,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OrderSide>))] OrderSide Side,
    decimal Quantity,
    string Leg,
    decimal ReferencePrice,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OrderType>))] OrderType Type,
    [property: JsonConverter(typeof(JsonStringEnumConverter<TimeInForce>))] TimeInForce TimeInForce,
    decimal? StopPrice)
{
    public static RiskActionOrder From(OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return new(intent.Symbol.ToString(), intent.Side, intent.Quantity, intent.Leg, intent.ReferencePrice, intent.Type, intent.TimeInForce, intent.StopPrice);
    }

    public OrderIntent ToIntent(string accountId, string rebalanceId, string reason) => new(
        accountId, RiskActionPlanner.Sleeve, rebalanceId, Domain.Instruments.Symbol.Parse(Symbol), Side, Quantity, Leg, ReferencePrice,
        Type, TimeInForce, StopPrice: StopPrice, ReducesExposure: true, Reason: reason);
}

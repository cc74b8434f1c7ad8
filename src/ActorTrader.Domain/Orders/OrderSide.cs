namespace ActorTrader.Domain.Orders;

/// <summary>Direction of an order or fill (Alpaca's <c>buy</c> / <c>sell</c>). A sell without a position opens a short.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}

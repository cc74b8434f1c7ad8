using System.Globalization;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Domain.Orders;

/// <summary>
/// One execution of (part of) an order: positive quantity at a positive price, the commission charged for it (zero or
/// more) and the UTC time it happened. Several fills may belong to one order (partial fills). The constructor refuses
/// values no venue can report, naming the order.
/// </summary>
public sealed record Fill
{
    public Fill(string clientOrderId, Symbol symbol, OrderSide side, decimal quantity, decimal price, decimal commission, DateTimeOffset time)
    {
        if (string.IsNullOrWhiteSpace(clientOrderId) || symbol.Ticker is null || !Enum.IsDefined(side) || quantity <= 0 || price <= 0 || commission < 0)
            throw Impossible(clientOrderId, symbol, side, quantity, price, commission);
        ClientOrderId = clientOrderId;
        Symbol = symbol;
        Side = side;
        Quantity = quantity;
        Price = price;
        Commission = commission;
        Time = time.ToUniversalTime();
    }

    public string ClientOrderId { get; }

    public Symbol Symbol { get; }

    public OrderSide Side { get; }

    public decimal Quantity { get; }

    public decimal Price { get; }

    public decimal Commission { get; }

    /// <summary>When the fill happened, UTC.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Quantity with the sign of the side: positive buys, negative sells.</summary>
    public decimal SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;

    /// <summary>Quantity × price, before commission.</summary>
    public decimal Notional => Quantity * Price;

    private static ArgumentException Impossible(string? clientOrderId, Symbol symbol, OrderSide side, decimal quantity, decimal price, decimal commission)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(clientOrderId)) problems.Add("client order id is empty.");
        if (symbol.Ticker is null) problems.Add("symbol is missing.");
        if (!Enum.IsDefined(side)) problems.Add($"side {(int)side} is not buy or sell.");
        if (quantity <= 0) problems.Add($"quantity is {Text(quantity)}; a fill quantity must be positive.");
        if (price <= 0) problems.Add($"price is {Text(price)}; a fill price must be positive.");
        if (commission < 0) problems.Add($"commission is {Text(commission)}; it must be zero or more (rebates are not modelled).");
        return new ArgumentException($"Fill of order {(string.IsNullOrWhiteSpace(clientOrderId) ? "(no id)" : clientOrderId)} is impossible: {string.Join(" ", problems)}");
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Domain.Orders;

/// <summary>
/// An order as the strategy side asks for it, before any broker has seen it: a deterministic client order id, the
/// symbol, side, a positive decimal quantity, type, time in force and the prices its type needs. Always valid: the
/// constructor refuses any inconsistent combination with <see cref="InvalidOrderException"/> listing every problem
/// (use <see cref="Problems"/> to check without throwing).
/// </summary>
public sealed record OrderRequest
{
    /// <summary>Alpaca accepts client order ids of at most this many characters.</summary>
    public const int MaxClientOrderIdLength = 128;

    public OrderRequest(string clientOrderId, Symbol symbol, OrderSide side, decimal quantity, OrderType type = OrderType.Market,
        TimeInForce timeInForce = TimeInForce.Day, decimal? limitPrice = null, decimal? stopPrice = null)
    {
        // The common case is checked without allocating; only a suspect order pays for the full list of problems.
        if (!LooksValid(clientOrderId, symbol, side, quantity, type, timeInForce, limitPrice, stopPrice))
        {
            var problems = Problems(clientOrderId, symbol, side, quantity, type, timeInForce, limitPrice, stopPrice);
            if (problems.Count > 0) throw new InvalidOrderException(clientOrderId, problems);
        }
        ClientOrderId = clientOrderId;
        Symbol = symbol;
        Side = side;
        Quantity = quantity;
        Type = type;
        TimeInForce = timeInForce;
        LimitPrice = limitPrice;
        StopPrice = stopPrice;
    }

    /// <summary>The caller's id of the order: the key that makes a resubmission idempotent.</summary>
    public string ClientOrderId { get; }

    public Symbol Symbol { get; }

    public OrderSide Side { get; }

    /// <summary>Units to trade, always positive (the side gives the direction); fractional for crypto and fractional shares.</summary>
    public decimal Quantity { get; }

    public OrderType Type { get; }

    public TimeInForce TimeInForce { get; }

    /// <summary>Set exactly for limit and stop-limit orders.</summary>
    public decimal? LimitPrice { get; }

    /// <summary>Set exactly for stop and stop-limit orders.</summary>
    public decimal? StopPrice { get; }

    /// <summary>Quantity with the sign of the side: positive buys, negative sells.</summary>
    public decimal SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;

    /// <summary>A market order.</summary>
    public static OrderRequest Market(string clientOrderId, Symbol symbol, OrderSide side, decimal quantity, TimeInForce timeInForce = TimeInForce.Day) =>
        new(clientOrderId, symbol, side, quantity, OrderType.Market, timeInForce);

    /// <summary>A limit order.</summary>
    public static OrderRequest Limit(string clientOrderId, Symbol symbol, OrderSide side, decimal quantity, decimal limitPrice, TimeInForce timeInForce = TimeInForce.Day) =>
        new(clientOrderId, symbol, side, quantity, OrderType.Limit, timeInForce, limitPrice);

    /// <summary>Every reason the combination is not a valid order (empty when it is).</summary>
    public static IReadOnlyList<string> Problems(string? clientOrderId, Symbol symbol, OrderSide side, decimal quantity, OrderType type,
        TimeInForce timeInForce, decimal? limitPrice, decimal? stopPrice)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(clientOrderId)) problems.Add("client order id is empty; give every order a deterministic id.");
        else if (clientOrderId.Length > MaxClientOrderIdLength)
            problems.Add($"client order id has {clientOrderId.Length} characters; at most {MaxClientOrderIdLength} are allowed.");
        if (symbol.Ticker is null) problems.Add("symbol is missing; pass an EXCHANGE:TICKER symbol.");
        if (!Enum.IsDefined(side)) problems.Add($"side {(int)side} is not buy or sell.");
        var typeKnown = Enum.IsDefined(type);
        if (!typeKnown) problems.Add($"order type {(int)type} is unknown; use one of {OrderWireNames.TypeChoices}.");
        if (!Enum.IsDefined(timeInForce)) problems.Add($"time in force {(int)timeInForce} is unknown; use one of {OrderWireNames.TimeInForceChoices}.");
        if (quantity <= 0) problems.Add($"quantity is {Text(quantity)}; it must be positive (the side gives the direction).");

        if (limitPrice is { } limit && limit <= 0) problems.Add($"limit price is {Text(limit)}; it must be positive.");
        if (stopPrice is { } stop && stop <= 0) problems.Add($"stop price is {Text(stop)}; it must be positive.");
        // Which prices a type needs can only be judged for a known type (an unknown one is reported above).
        if (!typeKnown) return problems;
        var typeName = type.ToWire();
        var needsLimit = type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = type is OrderType.Stop or OrderType.StopLimit;
        if (needsLimit && limitPrice is null) problems.Add($"a {typeName} order needs a limit price.");
        if (!needsLimit && limitPrice is not null) problems.Add($"a {typeName} order takes no limit price (got {Text(limitPrice.Value)}).");
        if (needsStop && stopPrice is null) problems.Add($"a {typeName} order needs a stop price.");
        if (!needsStop && stopPrice is not null) problems.Add($"a {typeName} order takes no stop price (got {Text(stopPrice.Value)}).");
        if (timeInForce is TimeInForce.Opg or TimeInForce.Cls && type is not (OrderType.Market or OrderType.Limit))
            problems.Add($"time in force {timeInForce.ToWire()} (auction) works only with market or limit orders, not {typeName}.");
        return problems;
    }

    private static bool LooksValid(string? clientOrderId, Symbol symbol, OrderSide side, decimal quantity, OrderType type,
        TimeInForce timeInForce, decimal? limitPrice, decimal? stopPrice) =>
        !string.IsNullOrWhiteSpace(clientOrderId) && clientOrderId.Length <= MaxClientOrderIdLength && symbol.Ticker is not null &&
        side is OrderSide.Buy or OrderSide.Sell && quantity > 0 &&
        type == OrderType.Market && timeInForce is >= TimeInForce.Day and <= TimeInForce.Fok && limitPrice is null && stopPrice is null;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

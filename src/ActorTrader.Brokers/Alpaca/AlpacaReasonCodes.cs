namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// The <see cref="Abstractions.BrokerRejectedException.ReasonCode"/> values the Alpaca broker uses, read from Alpaca's
/// status and message. Where the paper broker knows the same refusal, the code is the same.
/// </summary>
public static class AlpacaReasonCodes
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string InsufficientBuyingPower = "insufficient_buying_power";
    public const string InsufficientQuantity = "insufficient_qty";
    public const string NotShortable = "not_shortable";
    public const string NotTradable = "not_tradable";
    public const string UnknownSymbol = "unknown_symbol";
    public const string MarketClosed = "market_closed";
    public const string InvalidOrder = "invalid_order";
    public const string OrderNotFound = "order_not_found";
    public const string OrderNotCancelable = "order_not_cancelable";
    public const string OrderNotReplaceable = "order_not_replaceable";
    public const string NoPosition = "no_position";
    public const string NotFound = "not_found";

    /// <summary>
    /// The reason for a refusal with HTTP <paramref name="status"/> and Alpaca's <paramref name="message"/>, judged on
    /// <paramref name="route"/> (the path: /v2/orders, /v2/positions, …). Unknown refusals give <c>http_&lt;status&gt;</c>.
    /// </summary>
    public static string Classify(int status, string message, string route)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(route);
        var text = message.ToLowerInvariant();
        if (status == 401) return Unauthorized;
        if (text.Contains("buying power", StringComparison.Ordinal)) return InsufficientBuyingPower;
        if (text.Contains("insufficient qty", StringComparison.Ordinal) || text.Contains("insufficient quantity", StringComparison.Ordinal))
            return InsufficientQuantity;
        if (text.Contains("short", StringComparison.Ordinal)) return NotShortable;
        if (text.Contains("not tradable", StringComparison.Ordinal) || text.Contains("not_tradable", StringComparison.Ordinal)) return NotTradable;
        if (text.Contains("market", StringComparison.Ordinal) && text.Contains("closed", StringComparison.Ordinal)) return MarketClosed;
        if (text.Contains("asset", StringComparison.Ordinal) && (text.Contains("not found", StringComparison.Ordinal)
                                                                 || text.Contains("not active", StringComparison.Ordinal)
                                                                 || text.Contains("could not find", StringComparison.Ordinal)))
            return UnknownSymbol;
        var orders = route.StartsWith("/v2/orders", StringComparison.Ordinal);
        var positions = route.StartsWith("/v2/positions", StringComparison.Ordinal);
        return status switch
        {
            403 => Forbidden,
            404 when orders => OrderNotFound,
            404 when positions => NoPosition,
            404 when route.StartsWith("/v2/assets", StringComparison.Ordinal) => UnknownSymbol,
            404 => NotFound,
            422 when orders && text.Contains("cancel", StringComparison.Ordinal) => OrderNotCancelable,
            422 when orders && text.Contains("replace", StringComparison.Ordinal) => OrderNotReplaceable,
            422 => InvalidOrder,
            _ => $"http_{status}",
        };
    }
}

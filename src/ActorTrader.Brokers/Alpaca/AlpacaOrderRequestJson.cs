using System.Globalization;
using System.Text.Json;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// The bodies of <c>POST /v2/orders</c> and <c>PATCH /v2/orders/{id}</c>. Decimals are written as strings, as Alpaca's
/// own clients do, so no digit is lost to a binary float on either side.
/// </summary>
internal static class AlpacaOrderRequestJson
{
    public static byte[] Submit(OrderRequest request, string ticker) => Write(writer =>
    {
        writer.WriteString("symbol", ticker);
        writer.WriteString("qty", Text(request.Quantity));
        writer.WriteString("side", request.Side.ToWire());
        writer.WriteString("type", request.Type.ToWire());
        writer.WriteString("time_in_force", request.TimeInForce.ToWire());
        if (request.LimitPrice is { } limit) writer.WriteString("limit_price", Text(limit));
        if (request.StopPrice is { } stop) writer.WriteString("stop_price", Text(stop));
        writer.WriteString("client_order_id", request.ClientOrderId);
    });

    public static byte[] Replace(OrderReplacement replacement) => Write(writer =>
    {
        if (replacement.Quantity is { } quantity) writer.WriteString("qty", Text(quantity));
        if (replacement.LimitPrice is { } limit) writer.WriteString("limit_price", Text(limit));
        if (replacement.StopPrice is { } stop) writer.WriteString("stop_price", Text(stop));
        if (replacement.TimeInForce is { } timeInForce) writer.WriteString("time_in_force", timeInForce.ToWire());
        if (replacement.ClientOrderId is { } clientOrderId) writer.WriteString("client_order_id", clientOrderId);
    });

    /// <summary>A decimal as Alpaca reads it: invariant, no exponent, no trailing zeros.</summary>
    public static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

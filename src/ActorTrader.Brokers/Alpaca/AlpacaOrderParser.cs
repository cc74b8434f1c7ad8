using System.Text.Json;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// Reads Alpaca order objects tolerantly: numbers as JSON numbers or strings, timestamps with up to 9 fractional digits
/// and offsets, unknown fields ignored, null where a value is unset. Alpaca's names with no ActorTrader equivalent map
/// to the nearest one: type <c>trailing_stop</c> → stop (its current stop is <c>stop_price</c>), status
/// <c>accepted_for_bidding</c> and <c>held</c> (a bracket leg waiting for its parent) → accepted. Bracket legs are not read.
/// Throws <see cref="FormatException"/> naming the JSON path of anything it cannot read.
/// </summary>
internal static class AlpacaOrderParser
{
    public static AlpacaOrderRecord ParseOne(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, "order");
    }

    public static IReadOnlyList<AlpacaOrderRecord> ParseList(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new FormatException($"response is {root.ValueKind}, expected an array of orders.");
        var orders = new List<AlpacaOrderRecord>(root.GetArrayLength());
        var index = 0;
        foreach (var order in root.EnumerateArray())
        {
            orders.Add(Read(order, $"orders[{index}]"));
            index++;
        }
        return orders;
    }

    public static AlpacaOrderRecord Read(JsonElement order, string path)
    {
        AlpacaJson.RequireObject(order, path);
        var createdAt = AlpacaJson.RequiredTimestamp(order, "created_at", path);
        return new AlpacaOrderRecord(
            Id: AlpacaJson.RequiredString(order, "id", path),
            ClientOrderId: AlpacaJson.OptionalString(order, "client_order_id", path) ?? "",
            Ticker: AlpacaJson.RequiredString(order, "symbol", path),
            AssetId: AlpacaJson.OptionalString(order, "asset_id", path),
            AssetClass: AlpacaJson.OptionalString(order, "asset_class", path),
            Side: Enum(order, "side", path, OrderWireNames.ParseSide),
            Type: Enum(order, order.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? "type" : "order_type", path, ParseType),
            TimeInForce: Enum(order, "time_in_force", path, OrderWireNames.ParseTimeInForce),
            Quantity: AlpacaJson.OptionalDecimal(order, "qty", path),
            Notional: AlpacaJson.OptionalDecimal(order, "notional", path),
            FilledQuantity: AlpacaJson.OptionalDecimal(order, "filled_qty", path) ?? 0m,
            FilledAveragePrice: AlpacaJson.OptionalDecimal(order, "filled_avg_price", path),
            LimitPrice: AlpacaJson.OptionalDecimal(order, "limit_price", path),
            StopPrice: AlpacaJson.OptionalDecimal(order, "stop_price", path),
            Status: Enum(order, "status", path, ParseStatus),
            CreatedAt: createdAt,
            UpdatedAt: AlpacaJson.OptionalTimestamp(order, "updated_at", path) ?? createdAt,
            SubmittedAt: AlpacaJson.OptionalTimestamp(order, "submitted_at", path),
            FilledAt: AlpacaJson.OptionalTimestamp(order, "filled_at", path),
            ReplacedBy: AlpacaJson.OptionalString(order, "replaced_by", path),
            Replaces: AlpacaJson.OptionalString(order, "replaces", path));
    }

    /// <summary>The order status for Alpaca's <paramref name="text"/>.</summary>
    public static OrderStatus ParseStatus(string text) => text.Trim().ToLowerInvariant() switch
    {
        "accepted_for_bidding" or "held" => OrderStatus.Accepted,
        _ => OrderWireNames.ParseStatus(text),
    };

    private static OrderType ParseType(string text) =>
        string.Equals(text.Trim(), "trailing_stop", StringComparison.OrdinalIgnoreCase) ? OrderType.Stop : OrderWireNames.ParseType(text);

    private static T Enum<T>(JsonElement order, string name, string path, Func<string, T> parse)
    {
        var text = AlpacaJson.RequiredString(order, name, path);
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}.{name}: {e.Message}", e);
        }
    }
}

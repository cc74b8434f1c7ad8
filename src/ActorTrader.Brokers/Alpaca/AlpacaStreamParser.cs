using System.Text.Json;
using ActorTrader.Data.Providers.Alpaca;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// Reads trade-updates WebSocket frames (text or binary, both UTF-8 JSON): one message object, or an array of them.
/// Unknown streams and fields are ignored; a trade update that cannot be read throws <see cref="FormatException"/>
/// or <see cref="JsonException"/> naming the path.
/// </summary>
internal static class AlpacaStreamParser
{
    public static IReadOnlyList<AlpacaStreamMessage> Parse(ReadOnlyMemory<byte> frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            var messages = new List<AlpacaStreamMessage>(root.GetArrayLength());
            var index = 0;
            foreach (var message in root.EnumerateArray())
            {
                messages.Add(Read(message, $"message[{index}]"));
                index++;
            }
            return messages;
        }
        return [Read(root, "message")];
    }

    private static AlpacaStreamMessage Read(JsonElement message, string path)
    {
        AlpacaJson.RequireObject(message, path);
        var stream = AlpacaJson.OptionalString(message, "stream", path);
        var hasData = message.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
        switch (stream)
        {
            case "authorization" when hasData:
                var status = AlpacaJson.OptionalString(data, "status", path + ".data") ?? "";
                return new AlpacaStreamMessage.Authorization(string.Equals(status, "authorized", StringComparison.OrdinalIgnoreCase), status);
            case "listening" when hasData:
                var streams = new List<string>();
                if (data.TryGetProperty("streams", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var name in list.EnumerateArray())
                    {
                        if (name.ValueKind == JsonValueKind.String) streams.Add(name.GetString()!);
                    }
                }
                return new AlpacaStreamMessage.Listening(streams);
            case "trade_updates" when hasData:
                return new AlpacaStreamMessage.TradeUpdate(ReadUpdate(data, path + ".data"));
            case "error":
                return new AlpacaStreamMessage.Error(hasData ? data.GetRawText() : message.GetRawText());
        }
        if (message.TryGetProperty("error", out var error))
            return new AlpacaStreamMessage.Error(error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetRawText());
        return new AlpacaStreamMessage.Other(stream);
    }

    private static AlpacaTradeUpdateRecord ReadUpdate(JsonElement data, string path)
    {
        if (!data.TryGetProperty("order", out var order))
            throw new FormatException($"{path}.order is missing.");
        return new AlpacaTradeUpdateRecord(
            Event: AlpacaJson.RequiredString(data, "event", path),
            Order: AlpacaOrderParser.Read(order, path + ".order"),
            Timestamp: AlpacaJson.OptionalTimestamp(data, "timestamp", path),
            Price: AlpacaJson.OptionalDecimal(data, "price", path),
            Quantity: AlpacaJson.OptionalDecimal(data, "qty", path),
            PositionQuantity: AlpacaJson.OptionalDecimal(data, "position_qty", path),
            ExecutionId: AlpacaJson.OptionalString(data, "execution_id", path));
    }
}

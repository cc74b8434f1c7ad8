using System.Text.Json;
using ActorTrader.Data.Providers.Alpaca;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>Reads multi-status answers: an array of <c>{id | symbol, status, body}</c> where a successful close's body is an order.</summary>
internal static class AlpacaMultiStatusParser
{
    public static IReadOnlyList<AlpacaMultiStatusItem> Parse(ReadOnlyMemory<byte> json)
    {
        if (json.IsEmpty) return [];
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new FormatException($"response is {root.ValueKind}, expected an array of per-item results.");
        var items = new List<AlpacaMultiStatusItem>(root.GetArrayLength());
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var path = $"results[{index}]";
            AlpacaJson.RequireObject(item, path);
            var subject = AlpacaJson.OptionalString(item, "symbol", path) ?? AlpacaJson.OptionalString(item, "id", path) ?? "?";
            var status = (int)AlpacaJson.OptionalInt64(item, "status", path);
            var message = "";
            AlpacaOrderRecord? order = null;
            if (item.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
            {
                if (status is >= 200 and <= 299 && body.TryGetProperty("id", out _))
                    order = AlpacaOrderParser.Read(body, path + ".body");
                else
                    message = AlpacaJson.OptionalString(body, "message", path + ".body") ?? body.GetRawText();
            }
            items.Add(new AlpacaMultiStatusItem(subject, status, message, order));
            index++;
        }
        return items;
    }
}

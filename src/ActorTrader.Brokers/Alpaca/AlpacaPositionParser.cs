using System.Text.Json;
using ActorTrader.Data.Providers.Alpaca;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>Reads <c>/v2/positions</c>: the sign of the quantity follows <c>side</c> (long/short) when Alpaca sends it.</summary>
internal static class AlpacaPositionParser
{
    public static IReadOnlyList<AlpacaPositionRecord> ParseList(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new FormatException($"response is {root.ValueKind}, expected an array of positions.");
        var positions = new List<AlpacaPositionRecord>(root.GetArrayLength());
        var index = 0;
        foreach (var position in root.EnumerateArray())
        {
            positions.Add(Read(position, $"positions[{index}]"));
            index++;
        }
        return positions;
    }

    public static AlpacaPositionRecord Read(JsonElement position, string path)
    {
        AlpacaJson.RequireObject(position, path);
        var quantity = AlpacaJson.RequiredDecimal(position, "qty", path);
        var side = AlpacaJson.OptionalString(position, "side", path)?.Trim().ToLowerInvariant();
        var signed = side switch
        {
            "short" => -Math.Abs(quantity),
            "long" => Math.Abs(quantity),
            null or "" => quantity,
            _ => throw new FormatException($"{path}.side is \"{side}\", expected long or short."),
        };
        return new AlpacaPositionRecord(
            Ticker: AlpacaJson.RequiredString(position, "symbol", path),
            AssetId: AlpacaJson.OptionalString(position, "asset_id", path),
            Exchange: AlpacaJson.OptionalString(position, "exchange", path),
            AssetClass: AlpacaJson.OptionalString(position, "asset_class", path),
            Quantity: signed,
            AverageEntryPrice: AlpacaJson.OptionalDecimal(position, "avg_entry_price", path) ?? 0m,
            MarketValue: AlpacaJson.OptionalDecimal(position, "market_value", path) ?? 0m,
            CurrentPrice: AlpacaJson.OptionalDecimal(position, "current_price", path) ?? 0m,
            UnrealizedPnl: AlpacaJson.OptionalDecimal(position, "unrealized_pl", path) ?? 0m);
    }
}

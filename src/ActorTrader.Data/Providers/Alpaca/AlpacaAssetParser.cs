using System.Text.Json;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>Reads <c>/v2/assets</c> (an array) and <c>/v2/assets/{symbol}</c> (one object); unknown fields are ignored.</summary>
public static class AlpacaAssetParser
{
    public static IReadOnlyList<AlpacaAsset> ParseList(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new FormatException($"response is {root.ValueKind}, expected an array of assets.");
        var assets = new List<AlpacaAsset>(root.GetArrayLength());
        var index = 0;
        foreach (var asset in root.EnumerateArray())
        {
            assets.Add(Read(asset, $"assets[{index}]"));
            index++;
        }
        return assets;
    }

    public static AlpacaAsset ParseOne(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, "asset");
    }

    private static AlpacaAsset Read(JsonElement asset, string path)
    {
        AlpacaJson.RequireObject(asset, path);
        return new AlpacaAsset(
            Ticker: AlpacaJson.RequiredString(asset, "symbol", path),
            AssetClass: AlpacaJson.RequiredString(asset, "class", path),
            Exchange: AlpacaJson.RequiredString(asset, "exchange", path),
            Name: AlpacaJson.OptionalString(asset, "name", path),
            Status: AlpacaJson.OptionalString(asset, "status", path),
            Tradable: AlpacaJson.OptionalBool(asset, "tradable", path),
            Shortable: AlpacaJson.OptionalBool(asset, "shortable", path),
            Fractionable: AlpacaJson.OptionalBool(asset, "fractionable", path),
            EasyToBorrow: AlpacaJson.OptionalBool(asset, "easy_to_borrow", path),
            MinTradeIncrement: AlpacaJson.OptionalDecimal(asset, "min_trade_increment", path),
            PriceIncrement: AlpacaJson.OptionalDecimal(asset, "price_increment", path));
    }
}

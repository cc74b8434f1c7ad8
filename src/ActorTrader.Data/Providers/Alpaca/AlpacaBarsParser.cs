using System.Text.Json;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// Reads a bars page in any of the shapes Alpaca answers with: the multi-symbol route
/// (<c>{"bars": {"AAPL": [...]}, "next_page_token"}</c>), the single-symbol route
/// (<c>{"bars": [...], "symbol": "AAPL", "next_page_token"}</c>) and the latest-bar shape (one bar object per
/// ticker). Null or missing <c>bars</c> is an empty page. Throws <see cref="FormatException"/> or
/// <see cref="JsonException"/> naming the position of anything it cannot read.
/// </summary>
internal static class AlpacaBarsParser
{
    public static AlpacaBarsPage Parse(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        AlpacaJson.RequireObject(root, "response");
        var bars = new Dictionary<string, List<Bar>>(StringComparer.Ordinal);

        if (root.TryGetProperty("bars", out var barsElement))
        {
            switch (barsElement.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var perSymbol in barsElement.EnumerateObject())
                        bars[perSymbol.Name] = ReadSeries(perSymbol.Value, $"bars.{perSymbol.Name}");
                    break;
                case JsonValueKind.Array:
                    var symbol = AlpacaJson.RequiredString(root, "symbol", "response");
                    bars[symbol] = ReadSeries(barsElement, "bars");
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    throw new FormatException($"response.bars is {barsElement.ValueKind}, expected an object of tickers or an array of bars.");
            }
        }

        var token = AlpacaJson.OptionalString(root, "next_page_token", "response");
        return new AlpacaBarsPage(bars, string.IsNullOrEmpty(token) ? null : token);
    }

    private static List<Bar> ReadSeries(JsonElement series, string path)
    {
        var result = new List<Bar>();
        switch (series.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var bar in series.EnumerateArray())
                {
                    result.Add(ReadBar(bar, $"{path}[{index}]"));
                    index++;
                }
                break;
            case JsonValueKind.Object:
                result.Add(ReadBar(series, path));
                break;
            case JsonValueKind.Null:
                break;
            default:
                throw new FormatException($"{path} is {series.ValueKind}, expected an array of bars.");
        }
        return result;
    }

    private static Bar ReadBar(JsonElement bar, string path)
    {
        AlpacaJson.RequireObject(bar, path);
        return new Bar(
            Timestamp: AlpacaJson.RequiredTimestamp(bar, "t", path),
            Open: AlpacaJson.RequiredDecimal(bar, "o", path),
            High: AlpacaJson.RequiredDecimal(bar, "h", path),
            Low: AlpacaJson.RequiredDecimal(bar, "l", path),
            Close: AlpacaJson.RequiredDecimal(bar, "c", path),
            Volume: AlpacaJson.RequiredDecimal(bar, "v", path),
            TradeCount: AlpacaJson.OptionalInt64(bar, "n", path),
            Vwap: AlpacaJson.OptionalDecimal(bar, "vw", path) ?? 0m);
    }
}

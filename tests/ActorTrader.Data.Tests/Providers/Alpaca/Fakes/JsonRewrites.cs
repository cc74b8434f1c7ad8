using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorTrader.Data.Tests.Providers.Alpaca.Fakes;

/// <summary>Variations of recorded responses that real Alpaca payloads show: pages, quoted numbers, long fractions, new fields.</summary>
internal static class JsonRewrites
{
    /// <summary>Every JSON number becomes a string holding the same text ("o": 174.84 → "o": "174.84").</summary>
    public static string NumbersAsStrings(string json) => Rewrite(json, node => Quote(node));

    /// <summary>Every bar's <c>t</c> gets 9 fractional digits: 2022-02-01T05:00:00Z → 2022-02-01T05:00:00.123456789Z.</summary>
    public static string NineDigitTimestamps(string json, string fraction = "123456789") =>
        Rewrite(json, root =>
        {
            foreach (var bar in AllBars(root))
            {
                var t = bar["t"]!.GetValue<string>();
                bar["t"] = t[..^1] + "." + fraction + "Z";
            }
        });

    /// <summary>Fields Alpaca might add later, at the top level and in every bar.</summary>
    public static string WithUnknownFields(string json) =>
        Rewrite(json, root =>
        {
            root.AsObject().Insert(0, "currency", "USD");
            root["zz_future"] = JsonNode.Parse("""{"nested":[1,{"deep":null}],"flag":true}""");
            foreach (var bar in AllBars(root))
            {
                bar.AsObject().Insert(0, "x", "IEX");
                bar["extra_number"] = 1e300;
                bar["extra_list"] = new JsonArray(1, "two", null);
            }
        });

    /// <summary>The recorded bars of <paramref name="ticker"/> cut into pages of <paramref name="barsPerPage"/>, chained by tokens page-2, page-3, ….</summary>
    public static IReadOnlyList<string> SplitIntoPages(string json, string ticker, int barsPerPage)
    {
        var bars = JsonNode.Parse(json)!["bars"]![ticker]!.AsArray();
        var pages = new List<string>();
        var chunks = bars.Select(b => b!.DeepClone()).Chunk(barsPerPage).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var page = new JsonObject
            {
                ["bars"] = new JsonObject { [ticker] = new JsonArray(chunks[i]) },
                ["next_page_token"] = i + 1 < chunks.Count ? $"page-{i + 2}" : null,
            };
            pages.Add(page.ToJsonString());
        }
        return pages;
    }

    /// <summary>The single-symbol route's shape: <c>{"bars": [...], "symbol": "AAPL", "next_page_token": null}</c>.</summary>
    public static string AsSingleSymbolShape(string json, string ticker)
    {
        var bars = JsonNode.Parse(json)!["bars"]![ticker]!.DeepClone();
        return new JsonObject { ["bars"] = bars, ["symbol"] = ticker, ["next_page_token"] = null }.ToJsonString();
    }

    /// <summary>The same response with the bars filed under another ticker (BTC/USD for crypto) and no next page.</summary>
    public static string Retickered(string json, string from, string to) =>
        Rewrite(json, root =>
        {
            var barsOf = root["bars"]!.AsObject();
            var series = barsOf[from]!.DeepClone();
            barsOf.Remove(from);
            barsOf[to] = series;
            root["next_page_token"] = null;
        });

    /// <summary>The same response with no next page.</summary>
    public static string LastPage(string json) => Rewrite(json, root => root["next_page_token"] = null);

    private static IEnumerable<JsonObject> AllBars(JsonNode root) =>
        root["bars"]!.AsObject().SelectMany(p => p.Value!.AsArray()).Select(b => b!.AsObject());

    private static string Rewrite(string json, Action<JsonNode> change)
    {
        var root = JsonNode.Parse(json)!;
        change(root);
        return root.ToJsonString();
    }

    private static void Quote(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
                        obj[name] = value.ToJsonString();
                    else if (obj[name] is { } child)
                        Quote(child);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
                        array[i] = value.ToJsonString();
                    else if (array[i] is { } child)
                        Quote(child);
                }
                break;
        }
    }
}

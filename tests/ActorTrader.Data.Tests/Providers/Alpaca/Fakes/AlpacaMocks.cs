using System.Globalization;
using System.Text.Json;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Tests.Providers.Alpaca.Fakes;

/// <summary>The recorded Alpaca responses copied into TestData/alpaca, and an independent reading of their bars.</summary>
internal static class AlpacaMocks
{
    public const string AaplBars = "test_historical_stock_data__test_get_bars__get1.json";
    public const string TslaBarsDescending = "test_historical_stock_data__test_get_bars_desc__get1.json";
    public const string MultiSymbolBars = "test_historical_stock_data__test_multisymbol_get_bars__get1.json";
    public const string EmptyBars = "test_historical_stock_data__test_get_bars_multi_empty_response__get1.json";
    public const string Asset = "test_asset_routes__test_get_asset__get1.json";
    public const string AllAssets = "test_asset_routes__test_get_all_assets__get1.json";

    public static string Read(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "alpaca", file));

    /// <summary>
    /// The bars of <paramref name="ticker"/> as System.Text.Json's own number and date readers see them: a second
    /// reading, independent of the parser under test.
    /// </summary>
    public static IReadOnlyList<Bar> ExpectedBars(string json, string ticker)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("bars").GetProperty(ticker).EnumerateArray()
            .Select(b => new Bar(
                DateTimeOffset.Parse(b.GetProperty("t").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                b.GetProperty("o").GetDecimal(),
                b.GetProperty("h").GetDecimal(),
                b.GetProperty("l").GetDecimal(),
                b.GetProperty("c").GetDecimal(),
                b.GetProperty("v").GetDecimal(),
                b.GetProperty("n").GetInt64(),
                b.GetProperty("vw").GetDecimal()))
            .ToList();
    }
}

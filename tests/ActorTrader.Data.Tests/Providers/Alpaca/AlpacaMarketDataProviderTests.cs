using System.Text.Json;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Tests.Providers.Alpaca.Fakes;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Providers.Alpaca;

public sealed class AlpacaMarketDataProviderTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");

    private static AlpacaTestContext NewContext() => new();

    [Fact]
    public async Task The_provider_is_named_alpaca_and_is_not_synthetic()
    {
        await using var context = NewContext();
        var provider = context.Provider();

        Assert.Equal("alpaca", provider.Name);
        Assert.False(provider.IsSynthetic);
    }

    [Fact]
    public async Task Bars_are_asked_for_by_ticker_and_returned_for_the_requested_symbol()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.MultiSymbolBars);
        context.Server.MapJson("/v2/stocks/bars", json);

        var bars = await context.Provider().GetBarsAsync(new BarRequest(
            Aapl, Timeframe.Day1, new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 4, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "AAPL"), bars);
        Assert.Equal("AAPL", Assert.Single(context.Server.Requests).QueryValue("symbols"));
    }

    [Fact]
    public async Task Bars_come_back_ascending_even_when_the_server_sends_them_descending()
    {
        await using var context = NewContext();
        var json = JsonRewrites.LastPage(AlpacaMocks.Read(AlpacaMocks.TslaBarsDescending));
        context.Server.MapJson("/v2/stocks/bars", json);

        var bars = await context.Provider().GetBarsAsync(new BarRequest(
            Symbol.Parse("NASDAQ:TSLA"), Timeframe.Day1, new DateTimeOffset(2023, 9, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "TSLA").Reverse(), bars);
    }

    [Fact]
    public async Task A_bar_stamped_exactly_at_the_end_is_left_out()
    {
        await using var context = NewContext();
        var json = JsonRewrites.LastPage(AlpacaMocks.Read(AlpacaMocks.AaplBars));
        var recorded = AlpacaMocks.ExpectedBars(json, "AAPL");
        context.Server.MapJson("/v2/stocks/bars", json);

        var bars = await context.Provider().GetBarsAsync(new BarRequest(Aapl, Timeframe.Day1, recorded[0].Timestamp, recorded[1].Timestamp));

        Assert.Equal([recorded[0]], bars);
        Assert.Equal("2022-02-02T05:00:00Z", Assert.Single(context.Server.Requests).QueryValue("end"));
    }

    [Fact]
    public async Task A_bar_before_the_start_is_left_out()
    {
        await using var context = NewContext();
        var json = JsonRewrites.LastPage(AlpacaMocks.Read(AlpacaMocks.AaplBars));
        var recorded = AlpacaMocks.ExpectedBars(json, "AAPL");
        context.Server.MapJson("/v2/stocks/bars", json);

        var bars = await context.Provider().GetBarsAsync(new BarRequest(Aapl, Timeframe.Day1, recorded[0].Timestamp.AddTicks(1), recorded[1].Timestamp.AddDays(1)));

        Assert.Equal([recorded[1]], bars);
    }

    [Fact]
    public async Task An_empty_range_asks_nothing()
    {
        await using var context = NewContext();
        var at = new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero);

        var bars = await context.Provider().GetBarsAsync(new BarRequest(Aapl, Timeframe.Day1, at, at));

        Assert.Empty(bars);
        Assert.Empty(context.Server.Requests);
    }

    [Fact]
    public async Task A_ticker_missing_from_the_answer_has_no_bars()
    {
        await using var context = NewContext();
        context.Server.MapJson("/v2/stocks/bars", AlpacaMocks.Read(AlpacaMocks.EmptyBars));

        var bars = await context.Provider().GetBarsAsync(new BarRequest(
            Aapl, Timeframe.Minute1, new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 3, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.Empty(bars);
    }

    [Fact]
    public async Task Crypto_symbols_use_the_crypto_route_and_come_back_under_their_symbol()
    {
        await using var context = NewContext();
        var json = JsonRewrites.Retickered(AlpacaMocks.Read(AlpacaMocks.AaplBars), "AAPL", "BTC/USD");
        context.Server.MapJson("/v1beta3/crypto/us/bars", json);

        var bars = await context.Provider().GetBarsAsync(new BarRequest(
            Symbol.Parse("CRYPTO:BTC/USD"), Timeframe.Day1, new DateTimeOffset(2022, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "BTC/USD"), bars);
        Assert.Equal("BTC/USD", Assert.Single(context.Server.Requests).QueryValue("symbols"));
    }

    [Fact]
    public async Task A_requested_symbols_metadata_comes_from_its_asset()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.Asset);
        context.Server.MapJson("/v2/assets/AAPL", json);

        var metadata = Assert.Single(await context.Provider().GetSymbolsAsync([Aapl]));

        using var asset = JsonDocument.Parse(json);
        Assert.Equal(Aapl, metadata.Symbol);
        Assert.Equal(AssetProfile.UsEquity, metadata.Profile);
        Assert.Equal(asset.RootElement.GetProperty("name").GetString(), metadata.Name);
        Assert.Equal(asset.RootElement.GetProperty("tradable").GetBoolean(), metadata.Tradable);
        Assert.Equal(asset.RootElement.GetProperty("shortable").GetBoolean(), metadata.Shortable);
        Assert.Equal(AlpacaTestContext.Secret, Assert.Single(context.Server.Requests).Header("APCA-API-SECRET-KEY"));
    }

    [Fact]
    public async Task A_symbol_Alpaca_does_not_list_is_left_out()
    {
        await using var context = NewContext();
        context.Server.MapJson("/v2/assets/AAPL", AlpacaMocks.Read(AlpacaMocks.Asset));

        var metadata = await context.Provider().GetSymbolsAsync([Symbol.Parse("NYSE:NOPE"), Aapl]);

        Assert.Equal([Aapl], metadata.Select(m => m.Symbol));
    }

    [Fact]
    public async Task All_active_assets_are_listed_with_their_exchange_and_class()
    {
        await using var context = NewContext();
        context.Server.Map("/v2/assets", r => FakeResponse.Json(r.QueryValue("asset_class") == "crypto" ? CryptoAssets : AlpacaMocks.Read(AlpacaMocks.AllAssets)));

        var metadata = await context.Provider().GetSymbolsAsync();

        Assert.Equal([Aapl, Symbol.Parse("CRYPTO:BTC/USD")], metadata.Select(m => m.Symbol));
        Assert.Equal([AssetProfile.UsEquity, AssetProfile.Crypto], metadata.Select(m => m.Profile));
        Assert.All(context.Server.Requests, r => Assert.Equal("active", r.QueryValue("status")));
    }

    [Fact]
    public async Task Crypto_increments_written_as_strings_become_tick_and_lot_sizes()
    {
        await using var context = NewContext();
        context.Server.Map("/v2/assets", r => FakeResponse.Json(r.QueryValue("asset_class") == "crypto" ? CryptoAssets : "[]"));

        var btc = Assert.Single(await context.Provider().GetSymbolsAsync());

        Assert.Equal(1m, btc.TickSize);
        Assert.Equal(0.000000001m, btc.LotSize);
        Assert.False(btc.Shortable);
    }

    [Fact]
    public async Task Many_requested_symbols_are_looked_up_in_the_full_list_at_once()
    {
        await using var context = NewContext();
        context.Server.MapJson("/v2/assets", AlpacaMocks.Read(AlpacaMocks.AllAssets));
        var wanted = Enumerable.Range(0, 29).Select(i => Symbol.Parse($"NYSE:T{i}")).Append(Aapl).ToList();

        var metadata = await context.Provider().GetSymbolsAsync(wanted);

        Assert.Equal([Aapl], metadata.Select(m => m.Symbol));
        Assert.Single(context.Server.Requests);
    }

    private const string CryptoAssets = """
        [{"id":"276e2673-764b-4ab6-a611-caf665ca6340","class":"crypto","exchange":"CRYPTO","symbol":"BTC/USD","name":"Bitcoin",
          "status":"active","tradable":true,"marginable":false,"shortable":false,"easy_to_borrow":false,"fractionable":true,
          "min_order_size":"0.0001","min_trade_increment":"0.000000001","price_increment":"1"},
         {"id":"x","class":"us_option","exchange":"OPRA","symbol":"AAPL240315C00150000","status":"active","tradable":true}]
        """;
}

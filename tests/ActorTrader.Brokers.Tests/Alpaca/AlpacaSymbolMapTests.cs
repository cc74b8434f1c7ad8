using ActorTrader.Brokers.Alpaca;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Brokers.Tests.Alpaca;

public sealed class AlpacaSymbolMapTests
{
    private readonly List<string> _lookups = [];

    [Fact]
    public async Task Crypto_ticker_with_a_slash_maps_to_the_crypto_exchange()
    {
        var map = Map();

        Assert.Equal(Symbol.Parse("CRYPTO:BTC/USD"), await map.ResolveAsync("BTC/USD", "crypto", "id-btc", null, default));
        Assert.Empty(_lookups);
    }

    [Theory]
    [InlineData("BTCUSD", "CRYPTO:BTC/USD")]
    [InlineData("ETHUSDT", "CRYPTO:ETH/USDT")]
    [InlineData("SOLUSDC", "CRYPTO:SOL/USDC")]
    [InlineData("ETHBTC", "CRYPTO:ETH/BTC")]
    public async Task Crypto_position_ticker_without_its_slash_gets_it_back(string ticker, string expected) =>
        Assert.Equal(Symbol.Parse(expected), await Map().ResolveAsync(ticker, "crypto", null, null, default));

    [Fact]
    public void Crypto_symbol_is_sent_with_its_slash() =>
        Assert.Equal("BTC/USD", AlpacaSymbolMap.TickerOf(Symbol.Parse("CRYPTO:BTC/USD")));

    [Fact]
    public async Task Ticker_the_broker_sent_maps_back_to_the_symbol_that_was_asked_for()
    {
        var map = Map();
        map.Remember("SPY", Symbol.Parse("NYSE:SPY"));

        // Alpaca lists SPY on ARCA; the answer must still come back under the symbol the caller used.
        Assert.Equal(Symbol.Parse("NYSE:SPY"), await map.ResolveAsync("SPY", "us_equity", "id-spy", "ARCA", default));
    }

    [Fact]
    public async Task Listing_does_not_override_the_symbol_a_caller_used()
    {
        var map = Map();
        map.Remember("SPY", Symbol.Parse("NYSE:SPY"));

        map.Learn("SPY", Symbol.Parse("ARCA:SPY"));

        Assert.Equal(Symbol.Parse("NYSE:SPY"), await map.ResolveAsync("SPY", "us_equity", null, null, default));
    }

    [Fact]
    public async Task Position_names_its_own_exchange()
    {
        Assert.Equal(Symbol.Parse("NASDAQ:AAPL"), await Map().ResolveAsync("AAPL", "us_equity", "id-aapl", "NASDAQ", default));
        Assert.Empty(_lookups);
    }

    [Fact]
    public async Task Unknown_ticker_is_resolved_once_through_its_asset_id_and_remembered()
    {
        var map = Map();

        var first = await map.ResolveAsync("AAPL`", "us_equity", "id-aapl", null, default);
        var again = await map.ResolveAsync("AAPL`", "us_equity", "id-aapl", null, default);
        var byTicker = await map.ResolveAsync("AAPL", "us_equity", null, null, default);

        Assert.Equal(Symbol.Parse("NASDAQ:AAPL"), first);
        Assert.Equal(first, again);
        Assert.Equal(first, byTicker);
        Assert.Equal(["id-aapl"], _lookups);
    }

    [Fact]
    public async Task Ticker_alpaca_does_not_list_fails_naming_it()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => Map().ResolveAsync("GONE", "us_equity", "id-gone", null, default));

        Assert.Contains("GONE", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    private AlpacaSymbolMap Map() => new((key, _) =>
    {
        _lookups.Add(key);
        AlpacaAsset? asset = key is "id-aapl" or "AAPL"
            ? new AlpacaAsset("AAPL", "us_equity", "NASDAQ", "Apple", "active", true, true, true, true, null, null)
            : null;
        return Task.FromResult(asset);
    });
}

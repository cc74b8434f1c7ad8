using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using static ActorTrader.Data.Tests.Providers.Synthetic.SyntheticFixture;

namespace ActorTrader.Data.Tests.Providers.Synthetic;

public sealed class SyntheticProviderContractTests
{
    private static readonly SyntheticMarketDataProvider Provider = new(42);

    [Fact]
    public void The_provider_is_named_synthetic_and_says_its_data_is_synthetic()
    {
        Assert.Equal("synthetic", Provider.Name);
        Assert.True(Provider.IsSynthetic);
    }

    [Fact]
    public async Task Metadata_marks_every_name_as_synthetic()
    {
        var metadata = await Provider.GetSymbolsAsync([Symbol.Parse("NYSE:GE"), Symbol.Parse("CRYPTO:BTC/USD")]);

        Assert.All(metadata, m => Assert.EndsWith("(synthetic)", m.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CRYPTO:BTC/USD", AssetProfile.Crypto, "UTC")]
    [InlineData("ARCA:SPY", AssetProfile.Etf, "America/New_York")]
    [InlineData("NASDAQ:AAPL", AssetProfile.UsEquity, "America/New_York")]
    public async Task Metadata_infers_the_profile_and_time_zone(string symbol, AssetProfile profile, string timeZone)
    {
        var metadata = Assert.Single(await Provider.GetSymbolsAsync([Symbol.Parse(symbol)]));

        Assert.Equal(Symbol.Parse(symbol), metadata.Symbol);
        Assert.Equal(profile, metadata.Profile);
        Assert.Equal(timeZone, metadata.TimeZone);
        Assert.False(string.IsNullOrEmpty(metadata.Sector));
    }

    [Fact]
    public async Task Tick_sizes_are_a_cent_for_equities_and_1e_8_for_crypto()
    {
        var metadata = await Provider.GetSymbolsAsync([Symbol.Parse("NYSE:GE"), Symbol.Parse("CRYPTO:BTC/USD")]);

        Assert.Equal(0.01m, metadata[0].TickSize);
        Assert.Equal(0.00000001m, metadata[1].TickSize);
    }

    [Fact]
    public async Task Without_a_list_no_symbols_are_returned()
    {
        Assert.Empty(await Provider.GetSymbolsAsync());
    }

    [Fact]
    public async Task A_symbol_on_an_exchange_without_a_calendar_is_left_out_of_metadata()
    {
        Assert.Empty(await Provider.GetSymbolsAsync([Symbol.Parse("LSE:VOD")]));
    }

    [Fact]
    public async Task Bars_for_an_exchange_without_a_calendar_fail_permanently_naming_the_symbol()
    {
        var error = await Assert.ThrowsAsync<MarketDataException>(() =>
            Provider.GetBarsAsync(new BarRequest(Symbol.Parse("LSE:VOD"), Timeframe.Day1, Utc(2020, 1, 1), Utc(2021, 1, 1))));

        Assert.False(error.IsTransient);
        Assert.Contains("LSE:VOD", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_request_throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Provider.GetBarsAsync(new BarRequest(Symbol.Parse("NYSE:GE"), Timeframe.Day1, Utc(2020, 1, 1), Utc(2021, 1, 1)), cancellation.Token));
    }

    [Fact]
    public void The_universe_helper_names_numbered_NYSE_tickers()
    {
        Assert.Equal(["NYSE:SYN00001", "NYSE:SYN00002", "NYSE:SYN00003"], SyntheticMarketDataProvider.Universe(3).Select(s => s.ToString()));
    }
}

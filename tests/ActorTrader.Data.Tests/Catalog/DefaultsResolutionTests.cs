using ActorTrader.Data.Catalog;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Instruments;
using static ActorTrader.Data.Tests.Catalog.CatalogFixture;

namespace ActorTrader.Data.Tests.Catalog;

public sealed class DefaultsResolutionTests : IDisposable
{
    private readonly CatalogFixture _catalog = new();

    public void Dispose() => _catalog.Dispose();

    private SymbolVersion Upsert(SymbolMetadata metadata)
    {
        _catalog.Catalog.Upsert([metadata], Jan1);
        return _catalog.Reopen().Current(metadata.Symbol)!;
    }

    [Fact]
    public void The_provider_time_zone_and_session_win_over_the_exchange_defaults()
    {
        var version = Upsert(Etf(Spy) with { TimeZone = "America/Chicago", Session = "08:30-15:00" });

        Assert.Equal(("America/Chicago", ValueSource.Provider), (version.TimeZone, version.TimeZoneSource));
        Assert.Equal(("08:30-15:00", ValueSource.Provider), (version.Session, version.SessionSource));
    }

    [Fact]
    public void The_exchange_defaults_fill_what_the_provider_leaves_out()
    {
        var version = Upsert(Etf(Spy));

        Assert.Equal(("America/New_York", ValueSource.Exchange), (version.TimeZone, version.TimeZoneSource));
        Assert.Equal(("09:30-16:00", ValueSource.Exchange), (version.Session, version.SessionSource));
        Assert.Equal(0.01m, version.TickSize);
        Assert.Equal(1m, version.LotSize);
    }

    [Fact]
    public void An_unknown_exchange_falls_back_to_New_York_regular_hours_and_is_flagged()
    {
        var symbol = new Symbol("XETRA", "SAP");

        var version = Upsert(new SymbolMetadata(symbol, AssetProfile.UsEquity));

        Assert.Equal(("America/New_York", ValueSource.Fallback), (version.TimeZone, version.TimeZoneSource));
        Assert.Equal(("09:30-16:00", ValueSource.Fallback), (version.Session, version.SessionSource));
        Assert.True(_catalog.Reopen().Exchanges.Single(e => e.Code == "XETRA").IsFallback);
    }

    [Theory]
    [InlineData("UTC", null)]
    [InlineData("Etc/UTC", "24x7")]
    [InlineData(null, "24x7")]
    [InlineData("GMT", null)]
    public void A_non_crypto_symbol_is_never_put_on_UTC_or_24x7(string? timeZone, string? session)
    {
        var result = _catalog.Catalog.Upsert([Etf(Spy) with { TimeZone = timeZone, Session = session }], Jan1);
        var version = _catalog.Catalog.Current(Spy)!;

        Assert.Equal("America/New_York", version.TimeZone);
        Assert.Equal("09:30-16:00", version.Session);
        Assert.Contains(result.Notes, n => n.Contains("ARCA:SPY", StringComparison.Ordinal) && n.Contains("only crypto", StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_crypto_symbol_on_an_unknown_exchange_is_not_given_UTC_even_by_a_crypto_looking_name()
    {
        var version = Upsert(new SymbolMetadata(new Symbol("COINBASE", "COIN"), AssetProfile.UsEquity, TimeZone: "UTC", Session: "24x7"));

        Assert.Equal(("America/New_York", "09:30-16:00"), (version.TimeZone, version.Session));
    }

    [Fact]
    public void A_crypto_symbol_gets_UTC_and_24x7()
    {
        var version = Upsert(new SymbolMetadata(Btc, AssetProfile.Crypto));

        Assert.Equal(("UTC", "24x7"), (version.TimeZone, version.Session));
    }

    [Fact]
    public void A_crypto_symbol_on_an_unknown_venue_falls_back_to_UTC_24x7()
    {
        var version = Upsert(new SymbolMetadata(new Symbol("KRAKEN", "ETH/USD"), AssetProfile.Crypto));

        Assert.Equal(("UTC", "24x7", ValueSource.Fallback), (version.TimeZone, version.Session, version.TimeZoneSource));
    }

    [Fact]
    public void An_invalid_provider_time_zone_is_ignored_with_a_note()
    {
        var result = _catalog.Catalog.Upsert([Etf(Spy) with { TimeZone = "Mars/Olympus_Mons", Session = "9 to 5" }], Jan1);
        var version = _catalog.Catalog.Current(Spy)!;

        Assert.Equal(("America/New_York", ValueSource.Exchange), (version.TimeZone, version.TimeZoneSource));
        Assert.Equal(("09:30-16:00", ValueSource.Exchange), (version.Session, version.SessionSource));
        Assert.Contains(result.Notes, n => n.Contains("Mars/Olympus_Mons", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("9 to 5", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tick_size_beyond_the_stored_precision_is_rejected_naming_the_symbol()
    {
        var error = Assert.Throws<ArgumentException>(() => _catalog.Catalog.Upsert([Etf(Spy) with { TickSize = 0.0000000000000000001m }], Jan1));

        Assert.Contains("ARCA:SPY", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9:30-16:00", "09:30-16:00")]
    [InlineData(" 24X7 ", "24x7")]
    [InlineData("18:00-17:00", "18:00-17:00")]
    [InlineData("16:00-16:00", null)]
    [InlineData("0930-1600", null)]
    public void Sessions_are_normalized_or_rejected(string text, string? expected)
    {
        Assert.Equal(expected, SessionHours.Normalize(text));
    }
}

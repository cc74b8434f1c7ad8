using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Domain.Tests.Calendar;

public sealed class MarketCalendarsTests
{
    [Theory]
    [InlineData("NYSE")]
    [InlineData("NASDAQ")]
    [InlineData("ARCA")]
    [InlineData("AMEX")]
    [InlineData("BATS")]
    [InlineData("IEX")]
    [InlineData("OTC")]
    [InlineData("nasdaq")]
    public void US_equity_exchanges_use_the_NYSE_calendar(string exchange)
    {
        Assert.Same(MarketCalendars.Nyse, MarketCalendars.For(AssetProfile.UsEquity, exchange));
    }

    [Fact]
    public void An_ETF_on_ARCA_uses_the_NYSE_calendar()
    {
        Assert.Same(MarketCalendars.Nyse, MarketCalendars.For(AssetProfile.Etf, "ARCA"));
    }

    [Fact]
    public void Crypto_uses_the_24x7_calendar()
    {
        Assert.Same(MarketCalendars.Crypto, MarketCalendars.For(AssetProfile.Crypto, "CRYPTO"));
    }

    [Fact]
    public void Futures_on_CME_use_the_NYSE_regular_session_as_a_conservative_subset()
    {
        Assert.Same(MarketCalendars.Nyse, MarketCalendars.For(AssetProfile.Future, "CME"));
    }

    [Fact]
    public void An_unknown_exchange_is_refused_with_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => MarketCalendars.For(AssetProfile.UsEquity, "LSE"));

        Assert.Contains("LSE", error.Message, StringComparison.Ordinal);
        Assert.Contains("NASDAQ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_equity_on_the_crypto_exchange_is_refused()
    {
        Assert.False(MarketCalendars.TryFor(AssetProfile.UsEquity, "CRYPTO", out _, out var error));
        Assert.Contains("crypto profile", error, StringComparison.Ordinal);
    }
}

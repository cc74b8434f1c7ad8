using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using static ActorTrader.Data.Tests.Providers.Synthetic.SyntheticFixture;

namespace ActorTrader.Data.Tests.Providers.Synthetic;

public sealed class SyntheticBarShapeTests
{
    private static readonly SyntheticMarketDataProvider Provider = new(5);

    [Theory]
    [InlineData("NYSE:GE")]
    [InlineData("NASDAQ:TINY")]
    [InlineData("ARCA:SPY")]
    [InlineData("CRYPTO:BTC/USD")]
    [InlineData("CRYPTO:DOGE/USD")]
    [InlineData("CME:ES")]
    public void Every_daily_bar_has_consistent_OHLC_volume_trades_and_vwap(string symbol)
    {
        var bars = Provider.Daily(symbol, Utc(1985, 1, 1), Utc(2025, 1, 1));

        Assert.True(bars.Count > 9000);
        foreach (var bar in bars)
        {
            AssertWellFormed(bar, $"{symbol} {bar.Timestamp:u}");
            Assert.True(bar.Volume > 0 && bar.TradeCount > 0, $"{symbol} {bar.Timestamp:u}: no trading");
        }
    }

    [Fact]
    public void Every_minute_bar_has_consistent_OHLC_volume_trades_and_vwap()
    {
        foreach (var symbol in new[] { "NYSE:GE", "CRYPTO:BTC/USD" })
        {
            foreach (var bar in Provider.Bars(symbol, Timeframe.Minute1, Utc(2022, 1, 3), Utc(2022, 1, 15)))
                AssertWellFormed(bar, $"{symbol} {bar.Timestamp:u}");
        }
    }

    [Fact]
    public void Equity_prices_are_whole_cents_and_volumes_whole_shares()
    {
        var bars = Provider.Daily("NYSE:GE", Utc(2000, 1, 1), Utc(2010, 1, 1))
            .Concat(Provider.Bars("NYSE:GE", Timeframe.Minute1, Utc(2009, 12, 28), Utc(2010, 1, 1)));

        foreach (var bar in bars)
        {
            foreach (var price in new[] { bar.Open, bar.High, bar.Low, bar.Close, bar.Vwap })
                Assert.Equal(decimal.Round(price, 2), price);
            Assert.Equal(decimal.Truncate(bar.Volume), bar.Volume);
        }
    }

    [Fact]
    public void Crypto_prices_have_at_most_eight_decimals()
    {
        foreach (var bar in Provider.Daily("CRYPTO:BTC/USD", Utc(2020, 1, 1), Utc(2021, 1, 1)))
        {
            foreach (var price in new[] { bar.Open, bar.High, bar.Low, bar.Close, bar.Vwap })
                Assert.Equal(decimal.Round(price, 8), price);
        }
    }

    [Fact]
    public void Minute_bars_of_a_session_add_up_to_its_daily_bar()
    {
        var sessions = MarketCalendars.Nyse.Sessions(new DateOnly(2023, 6, 28), new DateOnly(2023, 7, 7));
        foreach (var session in sessions)
        {
            var daily = Assert.Single(Provider.Daily("NYSE:GE", session.Open.AddHours(-12), session.Close));
            var minutes = Provider.Bars("NYSE:GE", Timeframe.Minute1, session.Open, session.Close);

            Assert.Equal(daily.Open, minutes[0].Open);
            Assert.Equal(daily.Close, minutes[^1].Close);
            Assert.Equal(daily.High, minutes.Max(b => b.High));
            Assert.Equal(daily.Low, minutes.Min(b => b.Low));
            Assert.Equal(daily.Volume, minutes.Sum(b => b.Volume));
        }
    }

    [Fact]
    public void Consecutive_minute_bars_continue_where_the_previous_one_closed()
    {
        var minutes = Provider.Bars("NASDAQ:QQQ", Timeframe.Minute1, Utc(2023, 5, 10, 13, 30), Utc(2023, 5, 10, 20, 0));

        Assert.Equal(390, minutes.Count);
        for (var i = 1; i < minutes.Count; i++) Assert.Equal(minutes[i - 1].Close, minutes[i].Open);
    }

    [Fact]
    public void Equity_minute_volume_is_heavier_at_the_open_and_close_than_at_midday()
    {
        var sessions = MarketCalendars.Nyse.Sessions(new DateOnly(2019, 3, 1), new DateOnly(2019, 5, 31)).Where(s => !s.IsEarlyClose).ToList();
        var byMinute = new decimal[390];
        foreach (var session in sessions)
        {
            var minutes = Provider.Bars("NYSE:GE", Timeframe.Minute1, session.Open, session.Close);
            for (var i = 0; i < minutes.Count; i++) byMinute[i] += minutes[i].Volume;
        }

        var firstHalfHour = byMinute[..30].Average();
        var lastHalfHour = byMinute[^30..].Average();
        var midday = byMinute[180..210].Average();
        Assert.True(firstHalfHour > 1.5m * midday, $"open {firstHalfHour} vs midday {midday}");
        Assert.True(lastHalfHour > 1.5m * midday, $"close {lastHalfHour} vs midday {midday}");
    }

    [Fact]
    public void Crypto_opens_each_day_at_the_previous_close()
    {
        var bars = Provider.Daily("CRYPTO:ETH/USD", Utc(2021, 1, 1), Utc(2021, 3, 1));

        for (var i = 1; i < bars.Count; i++) Assert.Equal(bars[i - 1].Close, bars[i].Open);
    }
}

using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using static ActorTrader.Data.Tests.Providers.Synthetic.SyntheticFixture;

namespace ActorTrader.Data.Tests.Providers.Synthetic;

public sealed class SyntheticSessionTests
{
    private static readonly SyntheticMarketDataProvider Provider = new(5);

    [Fact]
    public void Equity_daily_bars_are_exactly_the_NYSE_sessions_stamped_at_New_York_midnight()
    {
        var bars = Provider.Daily("NYSE:GE", Utc(2000, 1, 1), Utc(2025, 1, 1));
        var sessions = MarketCalendars.Nyse.Sessions(new DateOnly(2000, 1, 1), new DateOnly(2024, 12, 31));

        Assert.Equal(sessions.Select(s => MarketCalendars.Nyse.StartOfDayUtc(s.Date)), bars.Select(b => b.Timestamp));
    }

    [Fact]
    public void Equity_minute_bars_lie_inside_regular_hours_with_half_days_cut_at_13_00()
    {
        var bars = Provider.Bars("NYSE:GE", Timeframe.Minute1, Utc(2023, 6, 30), Utc(2023, 7, 8));

        Assert.All(bars, b => Assert.True(MarketCalendars.Nyse.IsOpen(b.Timestamp), $"{b.Timestamp:u} is outside a session"));
        var perDay = bars.GroupBy(b => MarketCalendars.Nyse.LocalDate(b.Timestamp)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(390, perDay[new DateOnly(2023, 6, 30)]);
        Assert.Equal(210, perDay[new DateOnly(2023, 7, 3)]);
        Assert.False(perDay.ContainsKey(new DateOnly(2023, 7, 4)));
        Assert.Equal(390, perDay[new DateOnly(2023, 7, 5)]);
        Assert.Equal(5, perDay.Count);
    }

    [Fact]
    public void Equity_minute_bars_follow_the_DST_switch()
    {
        var friday = Provider.Bars("NYSE:GE", Timeframe.Minute1, Utc(2024, 3, 8), Utc(2024, 3, 9));
        var monday = Provider.Bars("NYSE:GE", Timeframe.Minute1, Utc(2024, 3, 11), Utc(2024, 3, 12));

        Assert.Equal(Utc(2024, 3, 8, 14, 30), friday[0].Timestamp);
        Assert.Equal(Utc(2024, 3, 11, 13, 30), monday[0].Timestamp);
        Assert.Equal(Utc(2024, 3, 11, 19, 59), monday[^1].Timestamp);
    }

    [Fact]
    public void Crypto_has_a_daily_bar_on_every_day_including_weekends_at_UTC_midnight()
    {
        var bars = Provider.Daily("CRYPTO:BTC/USD", Utc(2024, 6, 10), Utc(2024, 6, 24));

        Assert.Equal(Enumerable.Range(0, 14).Select(d => Utc(2024, 6, 10).AddDays(d)), bars.Select(b => b.Timestamp));
    }

    [Fact]
    public void Crypto_trades_every_minute_of_a_Sunday()
    {
        var bars = Provider.Bars("CRYPTO:BTC/USD", Timeframe.Minute1, Utc(2024, 6, 16), Utc(2024, 6, 17));

        Assert.Equal(Enumerable.Range(0, 1440).Select(m => Utc(2024, 6, 16).AddMinutes(m)), bars.Select(b => b.Timestamp));
    }

    [Fact]
    public void History_starts_at_1970_and_requests_before_it_are_cut()
    {
        var bars = Provider.Daily("NYSE:GE", Utc(1960, 1, 1), Utc(1970, 2, 1));

        Assert.NotEmpty(bars);
        Assert.True(MarketCalendars.Nyse.LocalDate(bars[0].Timestamp) >= SyntheticMarketDataProvider.FirstDate);
    }

    [Fact]
    public void An_empty_or_inverted_range_has_no_bars()
    {
        Assert.Empty(Provider.Daily("NYSE:GE", Utc(2020, 1, 1), Utc(2020, 1, 1)));
        Assert.Empty(Provider.Daily("NYSE:GE", Utc(2020, 2, 1), Utc(2020, 1, 1)));
    }
}

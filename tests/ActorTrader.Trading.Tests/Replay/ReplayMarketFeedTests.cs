using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Replay;
using ActorTrader.Trading.Tests.Sleeves;

namespace ActorTrader.Trading.Tests.Replay;

public sealed class ReplayMarketFeedTests
{
    private static readonly Symbol Spy = Symbol.Parse("NYSE:SPY");
    private static readonly Symbol Btc = Symbol.Parse("CRYPTO:BTC/USD");

    private static Bar Daily(DateOnly date, decimal open, decimal close) =>
        new(MarketCalendars.Nyse.StartOfDayUtc(date), open, Math.Max(open, close), Math.Min(open, close), close, 1000m);

    private static ReplayMarketFeed Feed(params Bar[] bars) =>
        ReplayMarketFeed.FromBars(new Dictionary<Symbol, IReadOnlyList<Bar>> { [Spy] = bars }, synthetic: false, "test", MarketCalendars.Nyse);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_winter_day_quotes_the_open_at_14_30_UTC_and_the_close_at_21_00_UTC()
    {
        var day = Assert.Single(Feed(Daily(new DateOnly(2026, 1, 6), 100m, 101m)).Days);

        Assert.Equal((Spy, 100m, Utc(2026, 1, 6, 14, 30)), (day.Open[0].Symbol, day.Open[0].Price, day.Open[0].Time));
        Assert.Equal((Spy, 101m, Utc(2026, 1, 6, 21, 0)), (day.Close[0].Symbol, day.Close[0].Price, day.Close[0].Time));
    }

    [Fact]
    public void A_summer_day_quotes_the_open_at_13_30_UTC_and_the_close_at_20_00_UTC()
    {
        var day = Assert.Single(Feed(Daily(new DateOnly(2026, 7, 7), 100m, 101m)).Days);

        Assert.Equal((Utc(2026, 7, 7, 13, 30), Utc(2026, 7, 7, 20, 0)), (day.Open[0].Time, day.Close[0].Time));
    }

    [Fact]
    public void The_day_after_Thanksgiving_quotes_the_close_at_the_13_00_early_close()
    {
        var day = Assert.Single(Feed(Daily(new DateOnly(2026, 11, 27), 100m, 101m)).Days);

        Assert.Equal(Utc(2026, 11, 27, 18, 0), day.Close[0].Time);
    }

    [Fact]
    public void A_bar_on_a_holiday_is_not_replayed()
    {
        var feed = Feed(Daily(new DateOnly(2026, 11, 25), 1m, 2m), Daily(new DateOnly(2026, 11, 26), 3m, 4m), Daily(new DateOnly(2026, 11, 27), 5m, 6m));

        Assert.Equal([new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 27)], feed.Days.Select(d => d.Date));
    }

    [Fact]
    public void A_crypto_bar_belongs_to_its_own_UTC_date_and_is_quoted_at_the_equity_session()
    {
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>
        {
            [Spy] = [Daily(new DateOnly(2026, 1, 6), 100m, 101m)],
            [Btc] = [new Bar(Utc(2026, 1, 6, 0, 0), 90_000m, 91_000m, 89_000m, 90_500m, 5m)],
        };

        var day = Assert.Single(ReplayMarketFeed.FromBars(bars, synthetic: false, "test", MarketCalendars.Nyse).Days);

        Assert.Equal([(Btc, 90_000m), (Spy, 100m)], day.Open.Select(q => (q.Symbol, q.Price)));
        Assert.All(day.Close, q => Assert.Equal(Utc(2026, 1, 6, 21, 0), q.Time));
    }

    [Fact]
    public void Quotes_at_an_instant_are_the_open_during_the_session_and_the_close_after_it()
    {
        var feed = Feed(Daily(new DateOnly(2026, 1, 6), 100m, 101m), Daily(new DateOnly(2026, 1, 7), 102m, 103m));

        Assert.Equal(100m, Assert.Single(feed.QuotesAt(Utc(2026, 1, 6, 20, 45))).Price);
        Assert.Equal(101m, Assert.Single(feed.QuotesAt(Utc(2026, 1, 7, 13, 0))).Price);
        Assert.Equal(103m, Assert.Single(feed.QuotesAt(Utc(2026, 1, 7, 21, 0))).Price);
    }

    [Fact]
    public async Task A_feed_from_generated_bars_says_it_is_synthetic()
    {
        var loader = new PanelLoader(PanelDataSources.SyntheticOnly(seed: 42));

        var feed = await ReplayMarketFeed.LoadAsync(loader, [Spy], new DateOnly(2026, 1, 5), 5, MarketCalendars.Nyse);

        Assert.True(feed.Synthetic);
        Assert.All(feed.Days, d => Assert.True(d.Synthetic));
        Assert.Equal([5, 6, 7, 8, 9], feed.Days.Select(d => d.Date.Day));
    }

    [Fact]
    public async Task A_feed_from_the_bundled_samples_is_not_synthetic_and_reads_the_same_twice()
    {
        var symbol = Symbol.Parse("NYSE:AAPL");

        var first = await ReplayMarketFeed.LoadAsync(SleeveTestFiles.EmbeddedData(), [symbol], new DateOnly(2022, 9, 1), 10, MarketCalendars.Nyse);
        var second = await ReplayMarketFeed.LoadAsync(SleeveTestFiles.EmbeddedData(), [symbol], new DateOnly(2022, 9, 1), 10, MarketCalendars.Nyse);

        Assert.False(first.Synthetic);
        Assert.StartsWith("csv", first.Source, StringComparison.Ordinal);
        Assert.Equal(10, first.Days.Count);
        Assert.Equal(first.Days.SelectMany(d => d.Open.Concat(d.Close)), second.Days.SelectMany(d => d.Open.Concat(d.Close)));
    }
}

using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Csv;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using static ActorTrader.Data.Tests.Providers.Csv.CsvTestFiles;

namespace ActorTrader.Data.Tests.Providers.Csv;

public sealed class CsvSampleFilesTests
{
    private static readonly CsvMarketDataProvider Provider = new(SamplesDirectory);
    private static readonly DateTimeOffset Always = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Never = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Task<IReadOnlyList<Bar>> All(string symbol) =>
        Provider.GetBarsAsync(new BarRequest(Symbol.Parse(symbol), Timeframe.Day1, Always, Never));

    [Fact]
    public async Task SPY_first_and_last_rows_are_read_as_written()
    {
        var bars = await All("NYSE:SPY");

        // spy_daily_ohlcv.csv line 2: 0,1999-11-01,136.5,137.0,135.5625,135.5625,4006500.0
        Assert.Equal(new Bar(new DateTimeOffset(1999, 11, 1, 5, 0, 0, TimeSpan.Zero), 136.5m, 137.0m, 135.5625m, 135.5625m, 4006500m), bars[0]);
        // last line: 5240,2020-08-28,349.44,350.72,348.15,350.58,48588940.0 (EDT, so 04:00 UTC)
        Assert.Equal(new Bar(new DateTimeOffset(2020, 8, 28, 4, 0, 0, TimeSpan.Zero), 349.44m, 350.72m, 348.15m, 350.58m, 48588940m), bars[^1]);
    }

    [Fact]
    public async Task Every_SPY_row_round_trips()
    {
        var rows = ReadCells("spy_daily_ohlcv.csv").Skip(1).ToList();
        var bars = await All("NYSE:SPY");

        Assert.Equal(rows.Count, bars.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            Assert.Equal(MarketCalendars.Nyse.StartOfDayUtc(Date(r[1])), bars[i].Timestamp);
            Assert.Equal((Number(r[2]), Number(r[3]), Number(r[4]), Number(r[5]), Number(r[6])),
                (bars[i].Open, bars[i].High, bars[i].Low, bars[i].Close, bars[i].Volume));
        }
    }

    [Fact]
    public async Task Every_cell_of_a_gzipped_wide_table_round_trips_as_a_close_only_bar()
    {
        var rows = ReadCells("sp500_20_dataset.csv.gz");
        var column = Array.IndexOf(rows[0], "MSFT");
        var bars = await All("NASDAQ:MSFT");

        var expected = rows.Skip(1).Where(r => r[column].Length > 0).ToList();
        Assert.Equal(expected.Count, bars.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var close = Number(expected[i][column]);
            Assert.Equal(new Bar(MarketCalendars.Nyse.StartOfDayUtc(Date(expected[i][0])), close, close, close, close, 0m), bars[i]);
        }
    }

    [Fact]
    public async Task A_wide_table_skips_blank_cells_before_listing_and_records_the_listing_date()
    {
        var rows = ReadCells("stock_prices_20.csv");
        var column = Array.IndexOf(rows[0], "GOOG");
        var firstRow = rows.Skip(1).First(r => r[column].Length > 0);

        var bars = await All("NASDAQ:GOOG");
        var metadata = Assert.Single(await Provider.GetSymbolsAsync([Symbol.Parse("NASDAQ:GOOG")]));

        Assert.Equal(MarketCalendars.Nyse.StartOfDayUtc(Date(firstRow[0])), bars[0].Timestamp);
        Assert.Equal(Number(firstRow[column]), bars[0].Close);
        Assert.Equal(Date(firstRow[0]), metadata.ListedOn);
    }

    [Fact]
    public async Task A_ticker_in_several_files_comes_from_the_first_file_by_name()
    {
        // AAPL is in sp500_20_dataset.csv.gz (to 2022-12-28) and stock_prices_20.csv (to 2018-04-11).
        var bars = await All("NASDAQ:AAPL");

        Assert.Equal(new DateOnly(2022, 12, 28), MarketCalendars.Nyse.LocalDate(bars[^1].Timestamp));
        Assert.Equal(125.674m, bars[^1].Close);
    }

    [Fact]
    public async Task The_SPY_sample_trades_exactly_on_the_computed_NYSE_sessions()
    {
        var bars = await All("NYSE:SPY");
        var dates = bars.Select(b => MarketCalendars.Nyse.LocalDate(b.Timestamp)).ToList();

        Assert.Equal(MarketCalendars.Nyse.Sessions(dates[0], dates[^1]).Select(s => s.Date), dates);
    }

    [Fact]
    public async Task The_1990_to_2022_table_trades_exactly_on_the_computed_NYSE_sessions()
    {
        var bars = await All("NYSE:XOM");
        var dates = bars.Select(b => MarketCalendars.Nyse.LocalDate(b.Timestamp)).ToList();

        Assert.Equal(MarketCalendars.Nyse.Sessions(dates[0], dates[^1]).Select(s => s.Date), dates);
    }

    [Fact]
    public async Task A_range_returns_the_bars_with_start_inclusive_and_end_exclusive()
    {
        var start = MarketCalendars.Nyse.StartOfDayUtc(new DateOnly(2020, 8, 24));
        var end = MarketCalendars.Nyse.StartOfDayUtc(new DateOnly(2020, 8, 28));

        var bars = await Provider.GetBarsAsync(new BarRequest(Symbol.Parse("NYSE:SPY"), Timeframe.Day1, start, end));

        Assert.Equal(4, bars.Count);
        Assert.Equal(start, bars[0].Timestamp);
    }

    [Fact]
    public async Task A_ticker_is_found_under_any_US_equity_exchange()
    {
        var nyse = await All("NYSE:SPY");

        Assert.Equal(nyse, await All("ARCA:SPY"));
        Assert.Equal(nyse, await All("NASDAQ:SPY"));
    }

    [Fact]
    public async Task All_symbols_are_listed_under_the_default_exchange_with_inferred_profiles()
    {
        var header = ReadCells("stock_prices_20.csv")[0].Skip(1).Concat(ReadCells("sp500_20_dataset.csv.gz")[0].Skip(1)).Append("SPY").ToHashSet();

        var metadata = await Provider.GetSymbolsAsync();

        Assert.Equal(header.Order(StringComparer.Ordinal), metadata.Select(m => m.Symbol.Ticker));
        Assert.All(metadata, m => Assert.Equal("NYSE", m.Symbol.Exchange));
        Assert.Equal(AssetProfile.Etf, metadata.Single(m => m.Symbol.Ticker == "SPY").Profile);
        Assert.Equal(AssetProfile.UsEquity, metadata.Single(m => m.Symbol.Ticker == "AAPL").Profile);
    }

    [Fact]
    public async Task Another_default_exchange_lists_the_tickers_there()
    {
        var provider = new CsvMarketDataProvider(SamplesDirectory, "nasdaq");

        Assert.All(await provider.GetSymbolsAsync(), m => Assert.Equal("NASDAQ", m.Symbol.Exchange));
    }

    [Fact]
    public void The_provider_is_named_csv_and_is_not_synthetic()
    {
        Assert.Equal("csv", Provider.Name);
        Assert.False(Provider.IsSynthetic);
    }
}

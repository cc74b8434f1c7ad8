using System.IO.Compression;
using System.Text;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Csv;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Providers.Csv;

public sealed class CsvErrorTests
{
    private static readonly DateTimeOffset Start = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Task<IReadOnlyList<Bar>> Bars(string directory, string symbol, Timeframe? timeframe = null) =>
        new CsvMarketDataProvider(directory).GetBarsAsync(new BarRequest(Symbol.Parse(symbol), timeframe ?? Timeframe.Day1, Start, End));

    private static async Task<MarketDataException> Failure(string directory, string symbol = "NYSE:ABC")
    {
        var error = await Assert.ThrowsAsync<MarketDataException>(() => Bars(directory, symbol));
        Assert.False(error.IsTransient);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public async Task A_malformed_number_names_file_line_column_and_the_fix()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,100\n2020-01-03,1x,2,0.5,1.5,100\n");

        var error = await Failure(dir.Path);

        Assert.Contains("ABC.csv:3:12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_number_in_a_wide_table_names_its_ticker_column()
    {
        using var dir = new TempPriceDirectory().With("closes.csv", "date,ABC,XYZ\n2020-01-02,1.5,2\n2020-01-03,1.6,two\n");

        var error = await Failure(dir.Path);

        Assert.Contains("closes.csv:3:16", error.Message, StringComparison.Ordinal);
        Assert.Contains("XYZ \"two\" is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_date_names_file_line_column_and_the_expected_format()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,1\n01/03/2020,2\n");

        var error = await Failure(dir.Path);

        Assert.Contains("ABC.csv:3:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intraday_timestamp_is_refused()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02 15:30:00,1\n");

        var error = await Failure(dir.Path);

        Assert.Contains("time of day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_midnight_timestamp_is_read_as_its_date()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02 00:00:00,1\n2020-01-03T00:00:00Z,2\n");

        Assert.Equal(2, (await Bars(dir.Path, "NYSE:ABC")).Count);
    }

    [Fact]
    public async Task A_row_with_too_few_fields_is_refused()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,open,high,low,close\n2020-01-02,1,2,0.5\n");

        var error = await Failure(dir.Path);

        Assert.Contains("ABC.csv:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("4 fields but the header has 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_date_names_both_lines()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,1\n2020-01-03,2\n2020-01-02,3\n");

        var error = await Failure(dir.Path);

        Assert.Contains("lines 2 and 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_high_below_the_close_is_refused()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,open,high,low,close,volume\n2020-01-02,1,1.2,0.9,1.5,100\n");

        var error = await Failure(dir.Path);

        Assert.Contains("inconsistent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_positive_price_is_refused()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,0\n");

        var error = await Failure(dir.Path);

        Assert.Contains("not positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unterminated_quote_names_where_it_opened()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,\"1\n");

        var error = await Failure(dir.Path);

        Assert.Contains("ABC.csv:2:12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_gzip_file_is_named()
    {
        using var dir = new TempPriceDirectory().WithBytes("ABC.csv.gz", Encoding.ASCII.GetBytes("date,close\n2020-01-02,1\n"));

        var error = await Failure(dir.Path);

        Assert.Contains("ABC.csv.gz", error.Message, StringComparison.Ordinal);
        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_without_a_date_column_is_refused()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "day,close\n2020-01-02,1\n");

        var error = await Failure(dir.Path);

        Assert.Contains("ABC.csv:1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_symbol_fails_permanently_naming_it_and_the_files_searched()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,1\n").With("wide.csv", "date,DEF\n2020-01-02,1\n");

        var error = await Failure(dir.Path, "NYSE:XYZ");

        Assert.Contains("NYSE:XYZ", error.Message, StringComparison.Ordinal);
        Assert.Contains("ABC.csv, wide.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains(dir.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_ticker_on_a_non_US_exchange_is_unknown()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,1\n");

        var error = await Failure(dir.Path, "CRYPTO:ABC");

        Assert.Contains("not a US equity exchange", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_directory_is_named_with_the_setting_to_fix()
    {
        var missing = Path.Combine(Path.GetTempPath(), "actortrader-missing-" + Guid.NewGuid().ToString("N"));

        var error = await Failure(missing);

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("actortrader.data.csv.dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minute_bars_are_refused_permanently()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,1\n");

        var error = await Assert.ThrowsAsync<MarketDataException>(() => Bars(dir.Path, "NYSE:ABC", Timeframe.Minute1));

        Assert.False(error.IsTransient);
        Assert.Contains("daily bars only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixed_file_is_read_on_the_next_call_after_a_failure()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,oops\n");
        var provider = new CsvMarketDataProvider(dir.Path);
        var request = new BarRequest(Symbol.Parse("NYSE:ABC"), Timeframe.Day1, Start, End);
        await Assert.ThrowsAsync<MarketDataException>(() => provider.GetBarsAsync(request));

        dir.With("ABC.csv", "date,close\n2020-01-02,1.25\n");

        Assert.Equal(1.25m, Assert.Single(await provider.GetBarsAsync(request)).Close);
    }

    [Fact]
    public void A_default_exchange_that_is_not_a_US_equity_exchange_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new CsvMarketDataProvider(Path.GetTempPath(), "CRYPTO"));

        Assert.Contains("CRYPTO", error.Message, StringComparison.Ordinal);
    }
}

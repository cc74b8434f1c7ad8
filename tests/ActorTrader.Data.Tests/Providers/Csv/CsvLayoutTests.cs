using System.IO.Compression;
using System.Text;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Csv;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Providers.Csv;

public sealed class CsvLayoutTests
{
    private static readonly DateTimeOffset Start = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Task<IReadOnlyList<Bar>> Bars(string directory, string symbol) =>
        new CsvMarketDataProvider(directory).GetBarsAsync(new BarRequest(Symbol.Parse(symbol), Timeframe.Day1, Start, End));

    [Fact]
    public async Task A_long_file_with_a_symbol_column_holds_several_tickers()
    {
        using var dir = new TempPriceDirectory().With("bars.csv",
            "symbol,date,open,high,low,close,volume\nABC,2020-01-02,1,2,0.5,1.5,10\nDEF,2020-01-02,5,6,4,5.5,20\nABC,2020-01-03,1.5,2,1,1.8,30\n");

        Assert.Equal([1.5m, 1.8m], (await Bars(dir.Path, "NYSE:ABC")).Select(b => b.Close));
        Assert.Equal(20m, Assert.Single(await Bars(dir.Path, "NYSE:DEF")).Volume);
    }

    [Fact]
    public async Task A_long_file_with_a_close_column_only_gives_close_only_bars()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,1.5\n");

        var bar = Assert.Single(await Bars(dir.Path, "NYSE:ABC"));

        Assert.Equal((1.5m, 1.5m, 1.5m, 1.5m, 0m), (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
    }

    [Fact]
    public async Task Rows_out_of_order_are_returned_ascending()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-03,2\n2020-01-02,1\n");

        Assert.Equal([1m, 2m], (await Bars(dir.Path, "NYSE:ABC")).Select(b => b.Close));
    }

    [Fact]
    public async Task Quoted_cells_and_a_byte_order_mark_are_understood()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "\uFEFF\"date\",\"close\"\r\n\"2020-01-02\",\"1.5\"\r\n");

        Assert.Equal(1.5m, Assert.Single(await Bars(dir.Path, "NYSE:ABC")).Close);
    }

    [Fact]
    public async Task A_gzipped_long_file_takes_its_ticker_from_the_name()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.ASCII.GetBytes("date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n"));
        using var dir = new TempPriceDirectory().WithBytes("brk.b_daily.csv.gz", compressed.ToArray());

        Assert.Single(await Bars(dir.Path, "NYSE:BRK.B"));
    }

    [Fact]
    public async Task Files_that_are_not_csv_are_ignored()
    {
        using var dir = new TempPriceDirectory().With("notes.txt", "not prices").With("ABC.csv", "date,close\n2020-01-02,1\n");

        Assert.Single(await Bars(dir.Path, "NYSE:ABC"));
    }

    [Fact]
    public async Task Daily_bars_are_stamped_at_New_York_midnight_in_UTC()
    {
        using var dir = new TempPriceDirectory().With("ABC.csv", "date,close\n2020-01-02,1\n2020-07-01,1\n");

        var bars = await Bars(dir.Path, "NYSE:ABC");

        Assert.Equal(new DateTimeOffset(2020, 1, 2, 5, 0, 0, TimeSpan.Zero), bars[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2020, 7, 1, 4, 0, 0, TimeSpan.Zero), bars[1].Timestamp);
    }
}

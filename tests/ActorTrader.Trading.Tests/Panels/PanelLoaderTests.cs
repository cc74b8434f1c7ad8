using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Tests.Sleeves;

namespace ActorTrader.Trading.Tests.Panels;

public sealed class PanelLoaderTests
{
    private static readonly DateTimeOffset End = new(2019, 12, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Aapl = new("NYSE", "AAPL");
    private static readonly Symbol Msft = new("NYSE", "MSFT");
    private static readonly Symbol Btc = new("CRYPTO", "BTC/USD");

    [Fact]
    public async Task Without_a_lakehouse_the_bundled_samples_are_used_and_the_window_keeps_the_last_bars()
    {
        var loaded = await SleeveTestFiles.EmbeddedData().LoadAsync(new PanelRequest([Aapl, Msft], Timeframe.Day1, To: End, LookbackBars: 100));

        Assert.Equal(PanelSourceKind.Csv, loaded.Source);
        Assert.False(loaded.Synthetic);
        Assert.Equal(100, loaded.Panel.TimeCount);
        Assert.True(loaded.Panel.Times[^1] < End);
        Assert.Contains(loaded.Skipped, s => s.StartsWith("lakehouse:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Symbols_the_samples_do_not_hold_fall_back_to_synthetic_data_and_say_why()
    {
        var loaded = await SleeveTestFiles.EmbeddedData().LoadAsync(new PanelRequest([Btc], Timeframe.Day1, To: End, LookbackBars: 50));

        Assert.Equal(PanelSourceKind.Synthetic, loaded.Source);
        Assert.True(loaded.Synthetic);
        Assert.Equal(50, loaded.Panel.TimeCount);
        Assert.Contains(loaded.Skipped, s => s.StartsWith("csv:", StringComparison.Ordinal) && s.Contains("CRYPTO:BTC/USD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synthetic_panels_are_the_same_on_every_load()
    {
        var request = new PanelRequest([Btc, new Symbol("NYSE", "SYN00001")], Timeframe.Day1, PanelSourceKind.Synthetic, To: End, LookbackBars: 60);

        var first = await SleeveTestFiles.EmbeddedData().LoadAsync(request);
        var second = await SleeveTestFiles.EmbeddedData().LoadAsync(request);

        Assert.Equal(first.Panel.Times, second.Panel.Times);
        for (var s = 0; s < first.Panel.SymbolCount; s++)
            Assert.Equal(first.Panel.AsOf(59).Close(s).ToArray(), second.Panel.AsOf(59).Close(s).ToArray());
    }

    [Fact]
    public async Task A_forced_csv_source_names_the_missing_symbols_and_the_fix()
    {
        var request = new PanelRequest([Aapl, new Symbol("NYSE", "NOPE"), Btc], Timeframe.Day1, PanelSourceKind.Csv, To: End, LookbackBars: 50);

        var error = await Assert.ThrowsAsync<PanelLoadException>(() => SleeveTestFiles.EmbeddedData().LoadAsync(request));

        Assert.Equal(["NYSE:NOPE", "CRYPTO:BTC/USD"], error.MissingSymbols);
        Assert.Contains("NYSE:NOPE", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forced_lakehouse_without_the_symbols_names_them_and_the_fix()
    {
        using var temp = SleeveTestFiles.TempRuns();
        var loader = new PanelLoader(new PanelDataSources(new ParquetBarStore(new LakehouseLayout(temp.Path)), temp.Path, null, "NYSE", 42, TimeProvider.System));

        var error = await Assert.ThrowsAsync<PanelLoadException>(() => loader.LoadAsync(new PanelRequest([Aapl], Timeframe.Day1, PanelSourceKind.Lakehouse, To: End, LookbackBars: 10)));

        Assert.Equal(["NYSE:AAPL"], error.MissingSymbols);
        Assert.Contains("actortrader ingest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lakehouse_is_preferred_when_it_holds_every_symbol()
    {
        using var temp = SleeveTestFiles.TempRuns();
        var store = new ParquetBarStore(new LakehouseLayout(temp.Path));
        var generator = new SyntheticMarketDataProvider(7);
        var bars = await generator.GetBarsAsync(new BarRequest(Aapl, Timeframe.Day1, End.AddDays(-90), End));
        store.Write([new BarBatch(Aapl, Timeframe.Day1, bars)], new BarWriteSource("synthetic", true, "test"));
        // A lakehouse outside the working directory keeps its absolute path.
        var loader = new PanelLoader(new PanelDataSources(store, temp.Path, SleeveTestFiles.SamplesDirectory, "NYSE", 42, TimeProvider.System)
        {
            WorkingDirectory = SleeveTestFiles.SamplesDirectory,
        });

        var loaded = await loader.LoadAsync(new PanelRequest([Aapl], Timeframe.Day1, To: End, LookbackBars: 20));

        Assert.Equal(PanelSourceKind.Lakehouse, loaded.Source);
        Assert.Equal(temp.Path, loaded.Location);
        Assert.Equal(20, loaded.Panel.TimeCount);
        Assert.Equal((double)bars[^1].Close, loaded.Panel.AsOf(19).CloseAt(0, 19));
    }

    [Fact]
    public void The_data_settings_give_the_samples_and_no_lakehouse_when_its_directory_does_not_exist()
    {
        using var temp = SleeveTestFiles.TempRuns();
        Directory.CreateDirectory(Path.Combine(temp.Path, "data", "samples"));
        var settings = Data.Settings.DataSettings.FromConfig(SleeveTestFiles.Reference, temp.Path);

        var sources = PanelDataSources.FromSettings(settings);

        Assert.Null(sources.Lakehouse);
        Assert.Equal(Path.Combine(temp.Path, "data", "samples"), sources.CsvDirectory);
        Assert.Equal(settings.SyntheticSeed, sources.SyntheticSeed);
    }

    [Fact]
    public async Task Directories_under_the_working_directory_are_named_relative_to_it()
    {
        using var temp = SleeveTestFiles.TempRuns();
        var samples = Path.Combine(temp.Path, "data", "samples");
        Directory.CreateDirectory(samples);
        File.WriteAllText(Path.Combine(samples, "prices.csv"), "date,AAPL\n2019-12-23,100\n2019-12-24,101\n2019-12-26,102\n");
        var loader = new PanelLoader(new PanelDataSources(null, null, samples, "NYSE", 42, TimeProvider.System) { WorkingDirectory = temp.Path });

        var fromSamples = await loader.LoadAsync(new PanelRequest([Aapl], Timeframe.Day1, To: End, LookbackBars: 3));
        var fallback = await loader.LoadAsync(new PanelRequest([Btc], Timeframe.Day1, To: End, LookbackBars: 3));

        Assert.Equal("data/samples", fromSamples.Location);
        var skipped = Assert.Single(fallback.Skipped, s => s.StartsWith("csv:", StringComparison.Ordinal));
        Assert.Contains("data/samples has no prices", skipped, StringComparison.Ordinal);
        Assert.DoesNotContain(temp.Path, skipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_start_or_lookback_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SleeveTestFiles.EmbeddedData().LoadAsync(new PanelRequest([Aapl], Timeframe.Day1, To: End)));
    }
}

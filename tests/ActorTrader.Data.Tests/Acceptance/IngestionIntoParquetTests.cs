using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Tests.Acceptance;

/// <summary>Issue 6 acceptance: idempotence, quarantine and provenance of ingestion into the real Parquet lakehouse.</summary>
public sealed class IngestionIntoParquetTests : ParquetIngestionHarness
{
    private readonly SyntheticMarketDataProvider _synthetic = new(seed: 7);

    [Fact]
    public async Task Running_twice_adds_no_bars_and_leaves_every_file_byte_for_byte_untouched()
    {
        var first = await IngestAsync(_synthetic, OpenStore(), Jan1, Mar1, symbols: [S("NYSE:SPY"), S("CRYPTO:BTC/USD")]);
        var before = Snapshot();

        var second = await IngestAsync(_synthetic, OpenStore(), Jan1, Mar1, symbols: [S("NYSE:SPY"), S("CRYPTO:BTC/USD")]);

        // 41 NYSE sessions (Jan 1 and Feb 19 closed, 2024 is a leap year) and 60 crypto days.
        Assert.Equal(41 + 60, first.BarsWritten);
        Assert.Equal(0, second.BarsWritten);
        var after = Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, file) in before)
        {
            Assert.Equal(file.Bytes, after[path].Bytes);
            Assert.Equal(file.Written, after[path].Written);
        }
    }

    [Fact]
    public async Task A_corrupt_existing_partition_is_quarantined_with_an_error_and_the_other_symbols_are_written()
    {
        await IngestAsync(_synthetic, OpenStore(), Jan1, Mar1, symbols: [S("NYSE:AAA"), S("NYSE:BAD")]);
        var corrupt = Path.Combine(OpenStore().PartitionDirectory(S("NYSE:BAD"), Timeframe.Day1), "part-00000.parquet");
        File.WriteAllText(corrupt, "not a parquet file");

        var summary = await IngestAsync(_synthetic, OpenStore(), Jan1, Apr1, symbols: [S("NYSE:AAA"), S("NYSE:BAD"), S("NYSE:CCC")]);

        var quarantine = Assert.Single(summary.Quarantined);
        Assert.Equal(S("NYSE:BAD"), quarantine.Symbol);
        Assert.True(Directory.Exists(quarantine.MovedTo), $"quarantine directory {quarantine.MovedTo} exists");
        Assert.StartsWith(Layout.Quarantine, quarantine.MovedTo, StringComparison.Ordinal);
        Assert.Contains(S("NYSE:BAD"), summary.Failed.Select(f => f.Symbol));
        var store = OpenStore();
        // March 2024 has 20 NYSE sessions (Good Friday, March 29, is closed).
        Assert.Equal(41 + 20, store.Read(S("NYSE:AAA"), Timeframe.Day1).Count);
        Assert.Equal(41 + 20, store.Read(S("NYSE:CCC"), Timeframe.Day1).Count);
    }

    [Fact]
    public async Task Bars_from_the_synthetic_provider_are_marked_synthetic_in_every_partition()
    {
        await IngestAsync(_synthetic, OpenStore(), Jan1, Mar1, symbols: [S("NASDAQ:AAPL"), S("CRYPTO:ETH/USD")]);

        var partitions = OpenStore().List();

        Assert.Equal(2, partitions.Count);
        Assert.All(partitions, p => Assert.True(p.IsSynthetic, $"{p.Symbol} is marked synthetic"));
        Assert.All(partitions, p => Assert.Equal(SyntheticMarketDataProvider.ProviderName, p.Provider));
    }

    [Fact]
    public async Task A_symbol_written_recently_for_another_range_is_still_fetched_for_the_range_it_lacks()
    {
        var settings = Settings with { FreshnessHours = 12 };
        await IngestAsync(_synthetic, OpenStore(), new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), Mar1, settings, S("NYSE:SPY"));

        var summary = await IngestAsync(_synthetic, OpenStore(), Jan1, Mar1, settings, S("NYSE:SPY"));

        Assert.Empty(summary.SkippedFresh);
        Assert.Equal(41, OpenStore().Read(S("NYSE:SPY"), Timeframe.Day1).Count);
    }
}

using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Parquet;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class RoundTripTests : IDisposable
{
    private readonly StoreFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Random_decimals_with_up_to_nine_places_round_trip_exactly()
    {
        var random = new Random(11);
        // |price| < 10^9 with 0..9 decimals; volume up to ~9.2·10^18 with 9 decimals.
        decimal Price()
        {
            var decimals = random.Next(0, 10);
            var unscaled = random.NextInt64(0, (long)Math.Pow(10, 9 + decimals));
            return new decimal(unscaled) / (decimal)Math.Pow(10, decimals) * (random.Next(5) == 0 ? -1 : 1);
        }

        var bars = Enumerable.Range(0, 500).Select(i => new Bar(
            Bars.Start.AddDays(i), Price(), Price(), Price(), Price(),
            new decimal(random.Next(), random.Next(), random.Next(0, 500_000_000), false, 9),
            random.NextInt64(0, long.MaxValue), Price())).ToArray();

        _lake.Write(Aapl, bars);

        var read = _lake.Reopen().Read(Aapl, Timeframe.Day1);
        Assert.Equal(bars, read);
    }

    [Fact]
    public void Extreme_values_of_each_column_round_trip()
    {
        var max = 999_999_999.999999999m;
        var bars = new[]
        {
            new Bar(Bars.Start, max, max, -max, 0.000000001m, 9_999_999_999_999_999_999.999999999m, long.MaxValue, max),
            new Bar(Bars.Start.AddDays(1), 0m, 1m, 0m, 0.5m, 0.000000001m, 0, 0m),
        };

        _lake.Write(Aapl, bars);

        Assert.Equal(bars, _lake.Reopen().Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void Timestamps_come_back_as_the_same_instant_in_UTC()
    {
        var local = new DateTimeOffset(2024, 3, 8, 9, 30, 0, 123, 456, TimeSpan.FromHours(-5));
        _lake.Write(Aapl, new Bar(local, 1m, 1m, 1m, 1m, 1m));

        var read = _lake.Reopen().Read(Aapl, Timeframe.Day1).Single();

        Assert.Equal(TimeSpan.Zero, read.Timestamp.Offset);
        Assert.Equal(local.UtcTicks, read.Timestamp.UtcTicks);
    }

    [Fact]
    public void Part_files_use_the_documented_column_types()
    {
        _lake.Write(Aapl, Bars.Daily(3));

        using var reader = ParquetFileReader.Open(Path.Combine(_lake.PartitionDirectory(Aapl), "part-00000.parquet"));

        var types = reader.Schema.Fields.ToDictionary(f => f.Name, f => f.Type);
        Assert.Equal(ParquetColumnType.Timestamp(TimestampUnit.Micros, adjustedToUtc: true), types["timestamp"]);
        foreach (var price in new[] { "open", "high", "low", "close", "vwap" }) Assert.Equal(ParquetColumnType.Decimal(18, 9), types[price]);
        Assert.Equal(ParquetColumnType.Decimal(38, 9), types["volume"]);
        Assert.Equal(ParquetColumnType.Int64, types["trade_count"]);
    }

    [Fact]
    public void Part_files_record_provider_synthetic_flag_run_and_write_time()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 21, 20, 30, 0, TimeSpan.Zero));
        var store = new ParquetBarStore(_lake.Layout, clock: clock);
        store.Write([new BarBatch(Aapl, Timeframe.Day1, Bars.Daily(3))], new BarWriteSource("synthetic", IsSynthetic: true, RunId: "run-7"));

        using var reader = ParquetFileReader.Open(Path.Combine(_lake.PartitionDirectory(Aapl), "part-00000.parquet"));

        var kv = reader.Metadata.KeyValueMetadata;
        Assert.Equal("synthetic", kv["actortrader.provider"]);
        Assert.Equal("true", kv["actortrader.synthetic"]);
        Assert.Equal("run-7", kv["actortrader.run_id"]);
        Assert.Equal("2026-11-21T20:30:00.0000000Z", kv["actortrader.written_at"]);
        Assert.Equal("NASDAQ:AAPL", kv["actortrader.symbol"]);
    }

    [Fact]
    public void A_rewrite_keeps_the_synthetic_mark_of_the_bars_it_merges()
    {
        var bars = Bars.Daily(30);
        _lake.Store.Write([new BarBatch(Aapl, Timeframe.Day1, bars[..10].Concat(bars[20..]).ToArray())], new BarWriteSource("synthetic", true, "r1"));

        _lake.Store.Write([new BarBatch(Aapl, Timeframe.Day1, bars[10..20])], new BarWriteSource("alpaca", false, "r2"));

        var info = _lake.Reopen().Describe(Aapl, Timeframe.Day1)!;
        Assert.True(info.IsSynthetic);
        Assert.Equal("synthetic+alpaca", info.Provider);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

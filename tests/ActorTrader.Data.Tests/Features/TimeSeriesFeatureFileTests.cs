using ActorTrader.Data.Features;
using ActorTrader.Data.Tests.Lakehouse;
using ActorTrader.Quant.TimeSeries;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Features;

public sealed class TimeSeriesFeatureFileTests : IDisposable
{
    private readonly StoreFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Every_daily_partition_is_written_and_reads_back_as_its_computed_features()
    {
        var aapl = Bars.Daily(90, seed: 1);
        var msft = Bars.Daily(70, seed: 2);
        _lake.Write(Aapl, aapl);
        _lake.Write(Msft, msft);
        var path = TimeSeriesFeatureFile.PathIn(_lake.Layout);

        var (symbols, rows, skipped) = TimeSeriesFeatureFile.Write(_lake.Store, path);
        var (times, features) = TimeSeriesFeatureFile.Read(path, Msft);

        Assert.Equal(2, symbols);
        Assert.Equal(160, rows);
        Assert.Empty(skipped);
        Assert.Equal(msft.Select(b => b.Timestamp.UtcDateTime), times);
        var expected = TimeSeriesFeatures.Compute([.. msft.Select(b => DateOnly.FromDateTime(b.Timestamp.UtcDateTime))], [.. msft.Select(b => (double)b.Close)]);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), features.Keys.Order(StringComparer.Ordinal));
        // Warm-up values are null in the file and NaN again when read.
        Assert.All(expected, kv => Assert.Equal(kv.Value, features[kv.Key]));
    }

    [Fact]
    public void An_unreadable_file_is_named_with_the_fix()
    {
        var path = TimeSeriesFeatureFile.PathIn(_lake.Layout);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "not parquet");

        var error = Assert.Throws<InvalidDataException>(() => TimeSeriesFeatureFile.Read(path, Aapl));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("features backfill", error.Message, StringComparison.Ordinal);
    }
}

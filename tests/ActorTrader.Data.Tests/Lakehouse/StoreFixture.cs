using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Tests.Lakehouse.Support;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Lakehouse;

/// <summary>A bar store in a temporary lakehouse, with helpers to write one partition and inspect its files.</summary>
public sealed class StoreFixture : IDisposable
{
    public static readonly Symbol Aapl = new("NASDAQ", "AAPL");
    public static readonly Symbol Msft = new("NASDAQ", "MSFT");
    public static readonly BarWriteSource Source = new("csv", IsSynthetic: false, RunId: "20260101T000000Z-abcdef");

    private readonly TempDirectory _directory = new();

    public StoreFixture(BarStoreOptions? options = null)
    {
        Layout = new LakehouseLayout(_directory.Path);
        Options = options;
        Store = new ParquetBarStore(Layout, options);
    }

    public LakehouseLayout Layout { get; }

    public BarStoreOptions? Options { get; }

    public ParquetBarStore Store { get; }

    /// <summary>A second store over the same directory with an empty cache (what a restarted process sees).</summary>
    public ParquetBarStore Reopen() => new(Layout, Options);

    public BarWriteResult Write(Symbol symbol, params Bar[] bars) => Store.Write([new BarBatch(symbol, Timeframe.Day1, bars)], Source);

    public string PartitionDirectory(Symbol symbol) => Store.PartitionDirectory(symbol, Timeframe.Day1);

    public string[] PartFiles(Symbol symbol) =>
        Directory.Exists(PartitionDirectory(symbol))
            ? Directory.GetFiles(PartitionDirectory(symbol)).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray()
            : [];

    public void Dispose() => _directory.Dispose();
}

using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Acceptance;

/// <summary>
/// Issue 6 acceptance, "one bad symbol never fails the run", at the write stage: a symbol whose bars pass the toxic
/// and OHLC guards but cannot be stored, or whose partition write fails on its own, must fail alone.
/// </summary>
public sealed class OneBadSymbolAtWriteTests : ParquetIngestionHarness
{
    private static readonly Symbol Good = Symbol.Parse("NYSE:GOOD");
    private static readonly Symbol Odd = Symbol.Parse("NYSE:ODD");

    [Fact]
    public async Task A_bar_the_lakehouse_cannot_store_fails_only_its_symbol()
    {
        // A VWAP with ten decimals (a sub-cent crypto pair's average easily has them) passes the OHLC guard, but the
        // lakehouse stores prices as DECIMAL(18, 9) and refuses the write.
        var provider = new AlteredProvider(new SyntheticMarketDataProvider(seed: 3), Odd, b => b with { Vwap = b.Close + 0.0000000001m });

        var summary = await IngestAsync(provider, OpenStore(), Jan1, Mar1, symbols: [Good, Odd]);

        Assert.Equal(Odd, Assert.Single(summary.Rejected.Select(r => r.Symbol).Concat(summary.Failed.Select(f => f.Symbol))));
        Assert.Equal(41, OpenStore().Read(Good, Timeframe.Day1).Count);
    }

    [Fact]
    public async Task A_write_error_of_a_symbol_alone_in_its_batch_fails_only_that_symbol()
    {
        var store = new FailingStore(OpenStore(), Odd, new IOException("No space left on device"));

        var summary = await IngestAsync(new SyntheticMarketDataProvider(seed: 3), store, Jan1, Mar1, Settings with { WriteBatchSize = 1 }, Good, Odd);

        var failure = Assert.Single(summary.Failed);
        Assert.Equal(Odd, failure.Symbol);
        Assert.Contains("No space left on device", failure.Error, StringComparison.Ordinal);
        Assert.Equal(41, OpenStore().Read(Good, Timeframe.Day1).Count);
    }

    /// <summary>A provider whose bars for one symbol are changed by <paramref name="alter"/>.</summary>
    private sealed class AlteredProvider(IMarketDataProvider inner, Symbol symbol, Func<Bar, Bar> alter) : IMarketDataProvider
    {
        public string Name => inner.Name;

        public bool IsSynthetic => inner.IsSynthetic;

        public async Task<IReadOnlyList<Bar>> GetBarsAsync(BarRequest request, CancellationToken cancellationToken = default)
        {
            var bars = await inner.GetBarsAsync(request, cancellationToken);
            return request.Symbol == symbol ? bars.Select(alter).ToList() : bars;
        }

        public Task<IReadOnlyList<SymbolMetadata>> GetSymbolsAsync(IReadOnlyCollection<Symbol>? symbols = null, CancellationToken cancellationToken = default) =>
            inner.GetSymbolsAsync(symbols, cancellationToken);
    }

    /// <summary>A store whose writes throw <paramref name="error"/> whenever they include <paramref name="symbol"/>.</summary>
    private sealed class FailingStore(IBarStore inner, Symbol symbol, Exception error) : IBarStore
    {
        public BarPartitionInfo? Describe(Symbol s, Timeframe timeframe) => inner.Describe(s, timeframe);

        public IReadOnlyList<BarPartitionInfo> List() => inner.List();

        public IReadOnlyList<Bar> Read(Symbol s, Timeframe timeframe, DateTimeOffset? from = null, DateTimeOffset? to = null) => inner.Read(s, timeframe, from, to);

        public BarWriteResult Write(IReadOnlyList<BarBatch> batches, BarWriteSource source) =>
            batches.Any(b => b.Symbol == symbol) ? throw error : inner.Write(batches, source);

        public int Compact() => inner.Compact();
    }
}

using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>
/// An <see cref="IBarStore"/> in memory with the contract's semantics: already-stored timestamps are not added again,
/// a corrupt partition throws on Describe/Read and is quarantined (and reported) by Write while the others are written.
/// A partition's provider is its newest writer's, and it is synthetic when any write was.
/// </summary>
internal sealed class InMemoryBarStore(TimeProvider clock) : IBarStore
{
    private readonly Dictionary<(Symbol, Timeframe), SortedList<DateTimeOffset, Bar>> _partitions = [];
    private readonly Dictionary<(Symbol, Timeframe), DateTimeOffset> _written = [];
    private readonly Dictionary<(Symbol, Timeframe), (string Provider, bool IsSynthetic)> _provenance = [];
    private readonly HashSet<(Symbol, Timeframe)> _corrupt = [];
    private readonly object _gate = new();

    private readonly Dictionary<Symbol, Exception> _writeErrors = [];

    public int WriteCalls { get; private set; }

    /// <summary>Every later write that includes <paramref name="symbol"/> throws <paramref name="error"/> and writes nothing.</summary>
    public void FailWritesOf(Symbol symbol, Exception error)
    {
        lock (_gate) _writeErrors[symbol] = error;
    }

    public void MarkCorrupt(Symbol symbol, Timeframe timeframe)
    {
        lock (_gate) _corrupt.Add((symbol, timeframe));
    }

    public BarPartitionInfo? Describe(Symbol symbol, Timeframe timeframe)
    {
        lock (_gate)
        {
            ThrowIfCorrupt(symbol, timeframe);
            if (!_partitions.TryGetValue((symbol, timeframe), out var bars) || bars.Count == 0) return null;
            var (provider, synthetic) = _provenance[(symbol, timeframe)];
            return new BarPartitionInfo(symbol, timeframe, bars.Keys[0], bars.Keys[^1], bars.Count, 1, bars.Count * 64L, _written[(symbol, timeframe)], provider, synthetic);
        }
    }

    public IReadOnlyList<BarPartitionInfo> List()
    {
        lock (_gate) return _partitions.Keys.Where(k => !_corrupt.Contains(k)).Select(k => Describe(k.Item1, k.Item2)!).ToList();
    }

    public IReadOnlyList<Bar> Read(Symbol symbol, Timeframe timeframe, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        lock (_gate)
        {
            ThrowIfCorrupt(symbol, timeframe);
            return _partitions.TryGetValue((symbol, timeframe), out var bars)
                ? bars.Values.Where(b => (from is null || b.Timestamp >= from) && (to is null || b.Timestamp < to)).ToList()
                : [];
        }
    }

    public BarWriteResult Write(IReadOnlyList<BarBatch> batches, BarWriteSource source)
    {
        lock (_gate)
        {
            WriteCalls++;
            if (batches.FirstOrDefault(b => _writeErrors.ContainsKey(b.Symbol)) is { } failing) throw _writeErrors[failing.Symbol];
            var added = new Dictionary<(Symbol Symbol, Timeframe Timeframe), int>();
            var quarantined = new List<QuarantinedPartition>();
            foreach (var batch in batches)
            {
                var key = (batch.Symbol, batch.Timeframe);
                if (_corrupt.Remove(key))
                {
                    _partitions.Remove(key);
                    quarantined.Add(new QuarantinedPartition(batch.Symbol, batch.Timeframe, $"quarantine/{batch.Symbol.Ticker}", "bad magic bytes"));
                    continue;
                }
                if (!_partitions.TryGetValue(key, out var bars)) _partitions[key] = bars = [];
                var count = 0;
                foreach (var bar in batch.Bars)
                {
                    if (bars.ContainsKey(bar.Timestamp)) continue;
                    bars.Add(bar.Timestamp, bar);
                    count++;
                }
                if (count > 0)
                {
                    _written[key] = clock.GetUtcNow();
                    // Like the Parquet store: the newest writer's name, synthetic when any part is.
                    _provenance[key] = (source.Provider, source.IsSynthetic || (_provenance.TryGetValue(key, out var before) && before.IsSynthetic));
                }
                added[key] = count;
            }
            return new BarWriteResult(added, quarantined);
        }
    }

    public int Compact() => 0;

    private void ThrowIfCorrupt(Symbol symbol, Timeframe timeframe)
    {
        if (_corrupt.Contains((symbol, timeframe)))
            throw new CorruptPartitionException($"lakehouse/bars/{timeframe}/{symbol.Ticker}.parquet is not a Parquet file") { File = symbol.Ticker };
    }
}

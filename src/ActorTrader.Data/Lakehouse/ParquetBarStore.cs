using System.Collections.Concurrent;
using ActorTrader.Data.Lakehouse.Concurrency;
using ActorTrader.Data.Lakehouse.Durability;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using Serilog;

namespace ActorTrader.Data.Lakehouse;

/// <summary>
/// <see cref="IBarStore"/> on Parquet files under <see cref="LakehouseLayout.Bars"/>, one directory per partition
/// (<c>timeframe=1Day/symbol=NASDAQ_AAPL</c>, see <see cref="PartitionNaming"/>) holding <c>part-NNNNN.parquet</c> files
/// in the <see cref="BarFileFormat"/> schema.
/// <para>
/// Appending: bars whose timestamps are already stored are dropped (a repeated write adds nothing and leaves every file
/// untouched). Bars that fall outside every part's time range become a new part file, so a daily append reads no data.
/// Bars inside a part's range (back-fills, out-of-order data) rewrite the parts they overlap into one new file; so does
/// an append that would pass <see cref="BarStoreOptions.MaxPartFiles"/> (it rewrites the whole partition).
/// Two bars with the same timestamp in one write are an input error (<see cref="ArgumentException"/>, nothing written):
/// the ingestion guard removes duplicates earlier and the store never stores one twice.
/// </para>
/// <para>
/// Atomicity: every file is written under a temporary name in its partition directory, fsynced, renamed into place and
/// the directory fsynced. A rewrite writes its new part first and records the part numbers it replaces in its footer
/// (<c>actortrader.supersedes</c>); readers ignore replaced parts, so a crash before they are deleted changes nothing.
/// </para>
/// <para>
/// Corruption: a partition whose file cannot be read is moved to <c>quarantine/&lt;UTC stamp&gt;-timeframe=...-symbol=...</c>
/// by <see cref="Write"/> (and <see cref="Compact"/>), logged as an error naming the file and cause, reported in
/// <see cref="BarWriteResult.Quarantined"/>; the batch's bars then start a fresh partition, and other partitions are
/// written as usual. <see cref="Describe"/>, <see cref="List"/> and <see cref="Read"/> do not move anything: they throw
/// <see cref="CorruptPartitionException"/>.
/// </para>
/// <para>
/// <see cref="Describe"/> reads only footers, once; the store caches each partition's footer summary and keeps it up to
/// date on its own writes, so it assumes it is the only writer of its directory (call <see cref="Refresh"/> after
/// outside changes). Work is per partition: a write never reads other partitions, and reads only the timestamps of the
/// parts a batch overlaps unless it has to rewrite them.
/// </para>
/// </summary>
public sealed partial class ParquetBarStore : IBarStore
{
    private readonly BarStoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<PartitionKey, PartitionState> _states = new();
    private readonly ConcurrentDictionary<PartitionKey, object> _locks = new();
    private readonly BarColumnBuffers _columnBuffers;

    /// <summary>A store over <paramref name="layout"/>; directories are created on the first write.</summary>
    public ParquetBarStore(LakehouseLayout layout, BarStoreOptions? options = null, TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        _options = options ?? new BarStoreOptions();
        _options.Validate();
        // One set per partition being encoded, and as many again so a returning writer rarely finds the pool empty.
        _columnBuffers = new BarColumnBuffers(2 * _options.MaxDegreeOfParallelism);
        _clock = clock ?? TimeProvider.System;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<ParquetBarStore>();
    }

    public LakehouseLayout Layout { get; }

    /// <summary>The directory of a partition (it may not exist yet).</summary>
    public string PartitionDirectory(Symbol symbol, Timeframe timeframe) =>
        Path.Combine(Layout.Bars, PartitionNaming.TimeframeDirectory(timeframe), PartitionNaming.SymbolDirectory(symbol));

    /// <inheritdoc />
    public BarPartitionInfo? Describe(Symbol symbol, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(timeframe);
        return State(new PartitionKey(symbol, timeframe)).ToInfo();
    }

    /// <inheritdoc />
    public IReadOnlyList<BarPartitionInfo> List() =>
        PartitionsOnDisk().Select(key => State(key).ToInfo()).OfType<BarPartitionInfo>().ToArray();

    /// <inheritdoc />
    public IReadOnlyList<Bar> Read(Symbol symbol, Timeframe timeframe, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(timeframe);
        var state = State(new PartitionKey(symbol, timeframe));
        var low = from ?? DateTimeOffset.MinValue;
        var high = to ?? DateTimeOffset.MaxValue;
        if (high <= low) return [];
        return ReadBars(state.Parts.Where(p => p.Overlaps(low, high)), from, to, parallelColumns: true);
    }

    /// <inheritdoc />
    public BarWriteResult Write(IReadOnlyList<BarBatch> batches, BarWriteSource source)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(source);
        var prepared = BarBatchPreparation.Prepare(batches);
        var outcomes = new PartitionOutcome[prepared.Count];
        var sync = new DirectorySyncBatch();
        RunThenFlush(sync, () => ForEachPartition(prepared.Count, i => prepared[i].Key, (i, slots) => outcomes[i] = WritePartition(prepared[i].Key, prepared[i].Bars, source, sync, slots)));
        var added = new Dictionary<(Symbol Symbol, Timeframe Timeframe), int>(prepared.Count);
        for (var i = 0; i < prepared.Count; i++) added[(prepared[i].Key.Symbol, prepared[i].Key.Timeframe)] = outcomes[i].Added;
        return new BarWriteResult(added, outcomes.Select(o => o.Quarantined).OfType<QuarantinedPartition>().ToArray());
    }

    /// <inheritdoc />
    public int Compact()
    {
        var keys = PartitionsOnDisk().ToArray();
        var compacted = new bool[keys.Length];
        var sync = new DirectorySyncBatch();
        RunThenFlush(sync, () => ForEachPartition(keys.Length, i => keys[i], (i, slots) => compacted[i] = CompactPartition(keys[i], sync, slots)));
        return compacted.Count(c => c);
    }

    /// <summary>Forgets the cached footer summaries; the next call reads them from disk again.</summary>
    public void Refresh() => _states.Clear();

    /// <summary>The quarantined partition directories, oldest first.</summary>
    public IReadOnlyList<string> QuarantinedDirectories() =>
        Directory.Exists(Layout.Quarantine) ? Directory.GetDirectories(Layout.Quarantine).Order(StringComparer.Ordinal).ToArray() : [];

    private object LockOf(PartitionKey key) => _locks.GetOrAdd(key, _ => new object());

    /// <summary>The cached state, loading the footers under the partition's lock the first time.</summary>
    private PartitionState State(PartitionKey key)
    {
        if (_states.TryGetValue(key, out var state)) return state;
        lock (LockOf(key))
        {
            return LockedState(key);
        }
    }

    private PartitionState LockedState(PartitionKey key)
    {
        if (_states.TryGetValue(key, out var state)) return state;
        state = LoadState(key);
        _states[key] = state;
        return state;
    }

    private IEnumerable<PartitionKey> PartitionsOnDisk()
    {
        if (!Directory.Exists(Layout.Bars)) yield break;
        foreach (var timeframeDir in Directory.EnumerateDirectories(Layout.Bars).Order(StringComparer.Ordinal))
        {
            var timeframe = PartitionNaming.ParseTimeframeDirectory(Path.GetFileName(timeframeDir));
            if (timeframe is null) continue;
            foreach (var symbolDir in Directory.EnumerateDirectories(timeframeDir).Order(StringComparer.Ordinal))
            {
                var symbol = PartitionNaming.ParseSymbolDirectory(Path.GetFileName(symbolDir));
                if (symbol is not null) yield return new PartitionKey(symbol.Value, timeframe);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0..count-1 with up to <see cref="BarStoreOptions.MaxConcurrentSyncs"/> partitions in
    /// flight, at most <see cref="BarStoreOptions.MaxDegreeOfParallelism"/> of them using the CPU (the rest wait on fsyncs).
    /// One failure is rethrown as itself, several as an <see cref="AggregateException"/>.
    /// </summary>
    private void ForEachPartition(int count, Func<int, PartitionKey> keyOf, Action<int, CpuSlots> body)
    {
        using var slots = new CpuSlots(_options.MaxDegreeOfParallelism);
        DiskBoundParallel.For(count, Math.Max(_options.MaxDegreeOfParallelism, _options.MaxConcurrentSyncs), i =>
        {
            // Partition lock first, CPU slot second: a partition gives its slot back while it waits on an fsync and takes
            // one again afterwards, so taking them in the other order could deadlock two concurrent writes.
            lock (LockOf(keyOf(i)))
            {
                slots.Enter();
                try
                {
                    body(i, slots);
                }
                finally
                {
                    slots.Exit();
                }
            }
        });
    }

    /// <summary>
    /// Runs the partition work, then fsyncs every directory it touched — also when a partition failed, since the other
    /// partitions' files are already in place and counted as stored (a later write of the same bars would add nothing).
    /// </summary>
    private void RunThenFlush(DirectorySyncBatch sync, Action work)
    {
        Exception? failure = null;
        try
        {
            work();
        }
        catch (Exception e)
        {
            failure = e;
        }
        try
        {
            sync.FlushAll(_options.MaxConcurrentSyncs);
        }
        catch (Exception flushFailure) when (failure is not null)
        {
            throw new AggregateException(failure, flushFailure);
        }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private readonly record struct PartitionOutcome(int Added, QuarantinedPartition? Quarantined);
}

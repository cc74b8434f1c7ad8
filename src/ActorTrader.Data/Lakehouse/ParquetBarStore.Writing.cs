using System.Globalization;
using ActorTrader.Data.Lakehouse.Concurrency;
using ActorTrader.Data.Lakehouse.Durability;
using ActorTrader.Domain.Bars;
using ActorTrader.Parquet;

namespace ActorTrader.Data.Lakehouse;

/// <summary>Appending to one partition: drop stored timestamps, add a part file or rewrite the overlapped parts, keep the cache current.</summary>
public sealed partial class ParquetBarStore
{
    private PartitionOutcome WritePartition(PartitionKey key, IReadOnlyList<Bar> bars, BarWriteSource source, DirectorySyncBatch sync, CpuSlots slots)
    {
        lock (LockOf(key))
        {
            try
            {
                return new PartitionOutcome(Append(LockedState(key), bars, source, sync, slots), null);
            }
            catch (CorruptPartitionException e)
            {
                var quarantined = Quarantine(key, e, sync);
                return new PartitionOutcome(Append(LockedState(key), bars, source, sync, slots), quarantined);
            }
        }
    }

    /// <summary>Adds the bars not yet stored; returns how many. Reads happen before any file changes, so a corrupt file leaves the partition as it was.</summary>
    private int Append(PartitionState state, IReadOnlyList<Bar> input, BarWriteSource source, DirectorySyncBatch sync, CpuSlots slots)
    {
        var bars = BarBatchPreparation.SpanOf(input);
        if (bars.IsEmpty) return 0;
        DeleteStaleFiles(state, sync);
        if (state.IsEmpty)
        {
            WritePart(state, bars, [], Provenance.Of(source), sync, slots);
            return bars.Length;
        }

        var overlapped = Overlapped(state, bars[0].Timestamp, bars[^1].Timestamp);
        if (overlapped.Length > 0)
        {
            var fresh = WithoutStored(bars, ReadTimestamps(overlapped, bars[0].Timestamp, bars[^1].Timestamp));
            if (fresh.Length == 0) return 0;
            bars = fresh;
            overlapped = Overlapped(state, bars[0].Timestamp, bars[^1].Timestamp);
        }

        var remainingParts = state.Parts.Count - overlapped.Length + 1;
        if (overlapped.Length == 0 && remainingParts <= _options.MaxPartFiles)
        {
            WritePart(state, bars, [], Provenance.Of(source), sync, slots);
            return bars.Length;
        }

        // Rewrite what the new bars fall into, or everything when the partition has too many parts.
        var merging = remainingParts > _options.MaxPartFiles ? state.Parts.ToArray() : overlapped;
        var stored = ReadBars(merging, null, null, parallelColumns: false);
        var merged = MergeDisjoint(stored, bars);
        WritePart(state, merged, merging.Select(p => p.Number).ToArray(), Provenance.Of(source, merging), sync, slots);
        return bars.Length;
    }

    private static PartFile[] Overlapped(PartitionState state, DateTimeOffset first, DateTimeOffset last) =>
        state.Parts.Where(p => p.Overlaps(first, last)).ToArray();

    private bool CompactPartition(PartitionKey key, DirectorySyncBatch sync, CpuSlots slots)
    {
        lock (LockOf(key))
        {
            PartitionState state;
            try
            {
                state = LockedState(key);
                if (state.Parts.Count <= 1 && state.StaleFiles.Count == 0) return false;
                DeleteStaleFiles(state, sync);
                if (state.Parts.Count <= 1) return true;
                var bars = ReadBars(state.Parts, null, null, parallelColumns: false);
                WritePart(state, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bars), state.Parts.Select(p => p.Number).ToArray(), Provenance.Of(null, state.Parts), sync, slots);
                return true;
            }
            catch (CorruptPartitionException e)
            {
                Quarantine(key, e, sync);
                return false;
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="bars"/> as the partition's next part file, deletes the parts it replaces and updates the cache.
    /// The file's data is fsynced before its rename; the directory entry is made durable by <paramref name="sync"/> at the
    /// end of the batch, except before deleting replaced parts, which waits until the replacement is durable. While an
    /// fsync waits on the disk the CPU slot goes to another partition.
    /// </summary>
    private void WritePart(PartitionState state, ReadOnlySpan<Bar> bars, int[] supersedes, Provenance provenance, DirectorySyncBatch sync, CpuSlots slots)
    {
        sync.CreateDirectory(state.Directory);
        var number = state.MaxNumber + 1;
        var path = Path.Combine(state.Directory, PartFile.FileName(number));
        var writtenAt = _clock.GetUtcNow();
        var metadata = new Dictionary<string, string>
        {
            [BarFileFormat.KeyProvider] = provenance.Provider,
            [BarFileFormat.KeySynthetic] = provenance.IsSynthetic ? "true" : "false",
            [BarFileFormat.KeyRunId] = provenance.RunId,
            [BarFileFormat.KeyWrittenAt] = writtenAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [BarFileFormat.KeySymbol] = state.Key.Symbol.ToString(),
            [BarFileFormat.KeyTimeframe] = state.Key.Timeframe.Name,
        };
        if (supersedes.Length > 0) metadata[BarFileFormat.KeySupersedes] = string.Join(',', supersedes.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        var options = new ParquetWriterOptions
        {
            Compression = _options.Compression,
            // Prices of a random walk rarely repeat within a partition, so dictionaries would only cost time.
            UseDictionary = false,
            MaxDegreeOfParallelism = 1,
            KeyValueMetadata = metadata,
        };
        using (var writer = ParquetFileWriter.Create(path, BarFileFormat.Schema, options))
        {
            for (var start = 0; start < bars.Length; start += _options.RowGroupRows)
            {
                var columns = _columnBuffers.Fill(bars.Slice(start, Math.Min(_options.RowGroupRows, bars.Length - start)));
                try
                {
                    writer.WriteRowGroup(columns.Parquet);
                }
                finally
                {
                    _columnBuffers.Return(columns);
                }
            }

            slots.WhileWaitingOnDisk(writer.Complete);
        }

        var part = new PartFile(number, path, bars[0].Timestamp.ToUniversalTime(), bars[^1].Timestamp.ToUniversalTime(), bars.Length, new FileInfo(path).Length,
            provenance.Provider, provenance.IsSynthetic, provenance.RunId, writtenAt, supersedes);
        if (supersedes.Length > 0)
        {
            slots.WhileWaitingOnDisk(() => DirectorySync.Flush(state.Directory));
            var gone = supersedes.ToHashSet();
            foreach (var old in state.Parts.Where(p => gone.Contains(p.Number))) File.Delete(old.Path);
        }

        sync.Add(state.Directory);

        _states[state.Key] = state.With(part);
    }

    private void DeleteStaleFiles(PartitionState state, DirectorySyncBatch sync)
    {
        if (state.StaleFiles.Count == 0) return;
        foreach (var path in state.StaleFiles) File.Delete(path);
        sync.Add(state.Directory);
        _states[state.Key] = state with { StaleFiles = [] };
    }

    /// <summary>The bars whose timestamps are not in <paramref name="stored"/> (both ascending).</summary>
    private static Bar[] WithoutStored(ReadOnlySpan<Bar> bars, List<long> stored)
    {
        var fresh = new List<Bar>(Math.Max(0, bars.Length - stored.Count));
        var s = 0;
        foreach (ref readonly var bar in bars)
        {
            var t = bar.Timestamp.UtcTicks;
            while (s < stored.Count && stored[s] < t) s++;
            if (s < stored.Count && stored[s] == t) continue;
            fresh.Add(bar);
        }

        return fresh.ToArray();
    }

    /// <summary>Merges two ascending bar sequences whose timestamps are distinct.</summary>
    private static Bar[] MergeDisjoint(List<Bar> stored, ReadOnlySpan<Bar> fresh)
    {
        var merged = new Bar[stored.Count + fresh.Length];
        int a = 0, b = 0, m = 0;
        while (a < stored.Count && b < fresh.Length)
        {
            merged[m++] = stored[a].Timestamp.UtcTicks < fresh[b].Timestamp.UtcTicks ? stored[a++] : fresh[b++];
        }

        while (a < stored.Count) merged[m++] = stored[a++];
        while (b < fresh.Length) merged[m++] = fresh[b++];
        return merged;
    }

    /// <summary>The provenance written into a part's footer; a rewrite keeps the providers and synthetic marks of what it merges.</summary>
    private readonly record struct Provenance(string Provider, bool IsSynthetic, string RunId)
    {
        public static Provenance Of(BarWriteSource source) => new(source.Provider, source.IsSynthetic, source.RunId);

        public static Provenance Of(BarWriteSource? source, IReadOnlyList<PartFile> merged)
        {
            var providers = merged.Select(p => p.Provider).Concat(source is null ? [] : [source.Provider])
                .SelectMany(p => p.Split('+')).Distinct(StringComparer.Ordinal);
            return new Provenance(
                string.Join('+', providers),
                merged.Any(p => p.IsSynthetic) || source?.IsSynthetic == true,
                source?.RunId ?? merged.MaxBy(p => p.WrittenAt)!.RunId);
        }
    }
}

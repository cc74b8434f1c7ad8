using ActorTrader.Data.Lakehouse.Durability;

namespace ActorTrader.Data.Lakehouse;

/// <summary>Moving an unreadable partition aside so the lakehouse keeps working and the bad files stay available for inspection.</summary>
public sealed partial class ParquetBarStore
{
    private QuarantinedPartition Quarantine(PartitionKey key, CorruptPartitionException cause, DirectorySyncBatch sync)
    {
        var directory = PartitionDirectory(key.Symbol, key.Timeframe);
        var stamp = _clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var name = $"{stamp}-{PartitionNaming.TimeframeDirectory(key.Timeframe)}-{PartitionNaming.SymbolDirectory(key.Symbol)}";
        var destination = Path.Combine(Layout.Quarantine, name);
        if (Directory.Exists(destination)) destination += "-" + Guid.NewGuid().ToString("N")[..8];
        DirectorySync.CreateDurably(Layout.Quarantine);
        Directory.Move(directory, destination);
        DirectorySync.Flush(Layout.Quarantine);
        DirectorySync.Flush(Path.GetDirectoryName(directory)!);
        // Deleting a crash leftover before the corruption was found may have queued the directory; it is gone now.
        sync.Forget(directory);
        _states.TryRemove(key, out _);
        _log.Error(cause, "Quarantined bar partition {Partition}: {Reason} Moved to {MovedTo}; the partition starts afresh.", key.ToString(), cause.Message, destination);
        return new QuarantinedPartition(key.Symbol, key.Timeframe, destination, cause.Message);
    }
}

using System.Collections.Concurrent;
using ActorTrader.Data.Lakehouse.Concurrency;

namespace ActorTrader.Data.Lakehouse.Durability;

/// <summary>
/// Directories whose new entries (renamed-in files, created subdirectories) must be made durable before a batch
/// operation returns. Flushing each once at the end instead of after every file turns thousands of journal commits
/// into a few: a file's data is already fsynced before its rename, so until the flush a crash can only lose whole,
/// not-yet-acknowledged files, never leave a partial one.
/// </summary>
internal sealed class DirectorySyncBatch
{
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);

    public void Add(string directory) => _pending.TryAdd(directory, 0);

    /// <summary>Drops a queued directory that has been moved away (quarantined): it no longer exists to be fsynced, and the move itself was made durable.</summary>
    public void Forget(string directory) => _pending.TryRemove(directory, out _);

    /// <summary>Creates <paramref name="directory"/> and missing parents, queueing each parent that gained an entry.</summary>
    public void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory)) return;
        var missing = new Stack<string>();
        for (var d = directory; !string.IsNullOrEmpty(d) && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing.Push(d);
        while (missing.TryPop(out var d))
        {
            Directory.CreateDirectory(d);
            Add(Path.GetDirectoryName(d)!);
        }
    }

    /// <summary>Fsyncs every queued directory, up to <paramref name="concurrency"/> at once (concurrent fsyncs overlap on the device).</summary>
    public void FlushAll(int concurrency)
    {
        var directories = _pending.Keys.ToArray();
        _pending.Clear();
        DiskBoundParallel.For(directories.Length, concurrency, i => DirectorySync.Flush(directories[i]));
    }
}

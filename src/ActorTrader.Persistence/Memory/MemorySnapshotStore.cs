using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence.Memory;

/// <summary>The in-memory snapshot store: one snapshot per (persistence id, sequence nr), a later save replaces an earlier one.</summary>
public sealed class MemorySnapshotStore(MemoryStorage storage) : ISnapshotStore
{
    private bool _disposed;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Task.CompletedTask;
    }

    public Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (storage.Gate)
        {
            if (!storage.SnapshotsById.TryGetValue(snapshot.Metadata.PersistenceId, out var rows))
            {
                rows = [];
                storage.SnapshotsById[snapshot.Metadata.PersistenceId] = rows;
            }
            rows[snapshot.Metadata.SequenceNr] = snapshot with { Payload = (byte[])snapshot.Payload.Clone() };
        }
        return Task.CompletedTask;
    }

    public Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (storage.Gate)
        {
            var newest = storage.SnapshotsById.TryGetValue(persistenceId, out var rows)
                ? rows.Values.LastOrDefault(r => criteria.Matches(r.Metadata))
                : null;
            return Task.FromResult(newest is null ? null : newest with { Payload = (byte[])newest.Payload.Clone() });
        }
    }

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (storage.Gate)
        {
            if (storage.SnapshotsById.TryGetValue(persistenceId, out var rows))
            {
                foreach (var sequenceNr in rows.Values.Where(r => criteria.Matches(r.Metadata)).Select(r => r.Metadata.SequenceNr).ToArray())
                    rows.Remove(sequenceNr);
            }
        }
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ValueTask.CompletedTask;
    }
}

namespace ActorTrader.Persistence.Snapshots;

/// <summary>
/// Snapshot storage. Saving never blocks journal writes (separate table, separate connection/writer).
/// Saving the same (persistence id, sequence nr) twice replaces the earlier snapshot.
/// </summary>
public interface ISnapshotStore : IAsyncDisposable
{
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Durably stores the snapshot before the task completes.</summary>
    Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken = default);

    /// <summary>The newest snapshot (highest sequence number) that matches, or null.</summary>
    Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Deletes every matching snapshot of the id.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);
}

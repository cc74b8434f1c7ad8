using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Memory;
using ActorTrader.Persistence.Query;
using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

/// <summary>The journal, snapshot store and query of one backend; <see cref="DisposeAsync"/> closes them (and anything they share).</summary>
public sealed record PersistenceStores(IJournal Journal, ISnapshotStore SnapshotStore, IJournalQuery Query) : IAsyncDisposable
{
    /// <summary>Something the stores share (a connection pool) disposed after them; null when nothing.</summary>
    public IAsyncDisposable? Shared { get; init; }

    public static PersistenceStores InMemory(MemoryStorage storage) =>
        new(new MemoryJournal(storage), new MemorySnapshotStore(storage), new MemoryJournalQuery(storage));

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Journal.StartAsync(cancellationToken).ConfigureAwait(false);
        await SnapshotStore.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private int _disposed;

    /// <summary>Closes the stores once (queued journal writes drain first); later calls do nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await Journal.DisposeAsync().ConfigureAwait(false);
        await SnapshotStore.DisposeAsync().ConfigureAwait(false);
        if (Shared is not null) await Shared.DisposeAsync().ConfigureAwait(false);
    }
}

using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Query;
using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence.Sql;

/// <summary>
/// The journal, snapshot store and journal query of one backend (a PostgreSQL schema, or the SQLite journal file and
/// the snapshot file next to it), as a backend factory builds them.
/// <see cref="StartAsync"/> creates the schema and starts the writer; <see cref="DisposeAsync"/> drains
/// queued writes and releases connections. <see cref="AsPersistenceStores"/> hands them to persistence.
/// </summary>
public sealed class SqlPersistenceStores : IAsyncDisposable
{
    private readonly IAsyncDisposable? _sharedResource;
    private bool _disposed;

    internal SqlPersistenceStores(IJournal journal, ISnapshotStore snapshots, IJournalQuery query, IAsyncDisposable? sharedResource)
    {
        Journal = journal;
        Snapshots = snapshots;
        Query = query;
        _sharedResource = sharedResource;
    }

    public IJournal Journal { get; }

    public ISnapshotStore Snapshots { get; }

    public IJournalQuery Query { get; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Journal.StartAsync(cancellationToken).ConfigureAwait(false);
        await Snapshots.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same stores (and shared connection pool) as <see cref="PersistenceStores"/>; dispose one or the other, not both.</summary>
    public PersistenceStores AsPersistenceStores() => new(Journal, Snapshots, Query) { Shared = _sharedResource };

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await Journal.DisposeAsync().ConfigureAwait(false);
        await Snapshots.DisposeAsync().ConfigureAwait(false);
        if (_sharedResource is not null)
        {
            await _sharedResource.DisposeAsync().ConfigureAwait(false);
        }
    }
}

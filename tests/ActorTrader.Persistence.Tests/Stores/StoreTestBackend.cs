using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Tests.Stores;

/// <summary>
/// One empty database for one test, on some backend. <see cref="OpenStoresAsync"/> may be called again to
/// reopen the same data (a restart); every store set opened is disposed with the backend.
/// </summary>
public abstract class StoreTestBackend : IAsyncDisposable
{
    private readonly List<PersistenceStores> _opened = [];

    /// <summary>The journal table as raw SQL must name it (schema-qualified on PostgreSQL).</summary>
    public abstract string JournalTable { get; }

    public async Task<PersistenceStores> OpenStoresAsync()
    {
        var stores = CreateStores();
        _opened.Add(stores);
        await stores.StartAsync();
        return stores;
    }

    /// <summary>Runs SQL directly against the database, bypassing the stores (to damage rows).</summary>
    public abstract Task ExecuteSqlAsync(string sql);

    public async ValueTask DisposeAsync()
    {
        foreach (var stores in _opened)
        {
            await stores.DisposeAsync();
        }

        await DisposeStorageAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract PersistenceStores CreateStores();

    protected abstract ValueTask DisposeStorageAsync();
}

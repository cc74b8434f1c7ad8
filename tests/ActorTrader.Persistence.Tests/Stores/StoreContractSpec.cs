using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Tests.Stores;

/// <summary>Base of the store contract suites: a fresh backend and started stores per test.</summary>
public abstract class StoreContractSpec : IAsyncLifetime
{
    private StoreTestBackend? _backend;
    private PersistenceStores? _stores;

    protected StoreTestBackend Backend => _backend ?? throw new InvalidOperationException("The backend is created in InitializeAsync.");

    protected PersistenceStores Stores => _stores ?? throw new InvalidOperationException("The stores are opened in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _backend = CreateBackend();
        _stores = await _backend.OpenStoresAsync();
    }

    public async Task DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }

    protected abstract StoreTestBackend CreateBackend();
}

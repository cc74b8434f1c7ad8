using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The behaviour specs' backend on a fresh schema of the shared test server, dropped afterwards.</summary>
public sealed class PostgresBehaviourBackend(PostgresServerFixture server) : PersistenceBackend
{
    private readonly string _schema = $"b_{Guid.NewGuid():N}";

    public override async Task<PersistenceStores> OpenAsync()
    {
        // A short gap timeout: the specs query only after their writes are acknowledged.
        var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(server.ConnectionString) { Schema = _schema, GapTimeout = TimeSpan.FromSeconds(1), MaxPoolSize = 10 });
        await stores.StartAsync();
        return stores;
    }

    public override async ValueTask DisposeAsync()
    {
        await server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
        await base.DisposeAsync();
    }
}

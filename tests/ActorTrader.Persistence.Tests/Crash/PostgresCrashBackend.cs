using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Tests.Postgres;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>A fresh schema on the shared test server, dropped afterwards.</summary>
internal sealed class PostgresCrashBackend(PostgresServerFixture server) : ICrashBackend
{
    private readonly string _schema = $"crash_{Guid.NewGuid():N}";

    public string Description => $"PostgreSQL schema {_schema}";

    public IReadOnlyList<string> ProbeArguments => ["postgresql", server.ConnectionString, _schema];

    public PersistenceStores CreateStores() => PostgresStoreFactory.Create(new PostgresStoreOptions(server.ConnectionString) { Schema = _schema, MaxPoolSize = 4 });

    public async ValueTask DisposeAsync() => await server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
}

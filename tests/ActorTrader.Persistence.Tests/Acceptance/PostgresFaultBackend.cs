using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Tests.Behaviour;
using ActorTrader.Persistence.Tests.Postgres;
using Npgsql;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>
/// A fresh schema of the shared test server whose stores connect under an application name of their own, so a
/// test can make the server drop exactly their connections (as a server restart or failover would).
/// </summary>
public sealed class PostgresFaultBackend(PostgresServerFixture server) : PersistenceBackend
{
    private readonly string _schema = $"f_{Guid.NewGuid():N}";
    private readonly string _applicationName = $"actortrader-fault-{Guid.NewGuid():N}";

    public override async Task<PersistenceStores> OpenAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { ApplicationName = _applicationName }.ConnectionString;
        var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(connectionString) { Schema = _schema, GapTimeout = TimeSpan.FromSeconds(1), MaxPoolSize = 10 });
        await stores.StartAsync();
        return stores;
    }

    /// <summary>Terminates every server process serving these stores; returns how many there were.</summary>
    public async Task<int> TerminateConnectionsAsync()
    {
        await using var connection = await server.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", _applicationName);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many server processes still serve these stores (a terminated one goes away shortly after the signal).</summary>
    public async Task<long> ConnectionsAsync()
    {
        await using var connection = await server.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", _applicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override async ValueTask DisposeAsync()
    {
        await server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
        await base.DisposeAsync();
    }
}

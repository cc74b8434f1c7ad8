using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Tests.Postgres;
using Npgsql;

namespace ActorTrader.Cluster.Tests.Support;

/// <summary>
/// A fresh schema per test class on the shared test server, with the journal and the cluster tables created, so tests
/// in different classes never see each other's members, leases, commands or work.
/// </summary>
public sealed class ClusterDatabaseFixture : IAsyncLifetime
{
    private readonly PostgresServerFixture _server = new();

    public string ConnectionString => _server.ConnectionString;

    public string Schema { get; } = $"cluster_{Guid.NewGuid():N}"[..30];

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        // The journal's tables first: the cluster's fencing trigger sits on them.
        await using (var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(ConnectionString) { Schema = Schema }))
        {
            await stores.StartAsync();
        }
        await using var database = NewDatabase();
        await database.EnsureSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
        NpgsqlConnection.ClearAllPools();
        await _server.DisposeAsync();
    }

    /// <summary>A database handle on this fixture's schema; the caller disposes it.</summary>
    public ClusterDatabase NewDatabase() => new(ConnectionString, Schema);

    /// <summary>Runs SQL on this fixture's schema (search_path set), for arranging and checking rows.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await _server.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SET search_path TO \"{Schema}\"; {sql}", connection);
        return await command.ExecuteScalarAsync();
    }
}

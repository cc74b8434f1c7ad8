using ActorTrader.Cluster;
using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Tests.Postgres;
using Npgsql;

namespace ActorTrader.Research.Tests.Evaluation.Distributed;

/// <summary>A fresh schema per test class on the shared test server, with the journal's and the cluster's tables, so classes never see each other's work.</summary>
public sealed class ClusterEvaluationDatabaseFixture : IAsyncLifetime
{
    private readonly PostgresServerFixture _server = new();

    public string Schema { get; } = $"research_{Guid.NewGuid():N}"[..30];

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        // The journal's tables first: the cluster's fencing trigger sits on them.
        await using (var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(_server.ConnectionString) { Schema = Schema }))
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
    public ClusterDatabase NewDatabase() => new(_server.ConnectionString, Schema);
}

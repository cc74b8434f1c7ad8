using ActorTrader.Cluster;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Tests.Postgres;
using Npgsql;

namespace ActorTrader.Data.Tests.Ingestion.Distributed;

/// <summary>
/// A fresh schema on the shared test server with the journal and cluster tables, one per test: the ingestion queue's
/// name is fixed, so tests must not see each other's batches.
/// </summary>
internal sealed class WorkQueueDatabase : IAsyncDisposable
{
    private readonly PostgresServerFixture _server = new();
    private ClusterDatabase? _database;

    private WorkQueueDatabase()
    {
    }

    public string Schema { get; } = $"ingest_{Guid.NewGuid():N}"[..30];

    public WorkQueue Queue { get; private set; } = null!;

    public static async Task<WorkQueueDatabase> CreateAsync()
    {
        var database = new WorkQueueDatabase();
        await database.InitializeAsync();
        return database;
    }

    private async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        // The journal's tables first: the cluster's fencing trigger sits on them.
        await using (var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(_server.ConnectionString) { Schema = Schema }))
        {
            await stores.StartAsync();
        }
        _database = new ClusterDatabase(_server.ConnectionString, Schema);
        await _database.EnsureSchemaAsync();
        Queue = new WorkQueue(_database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        await _server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
        NpgsqlConnection.ClearAllPools();
        await _server.DisposeAsync();
    }
}

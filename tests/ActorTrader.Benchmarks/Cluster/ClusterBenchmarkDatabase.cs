using ActorTrader.Cluster;
using ActorTrader.Persistence.Postgres;
using Npgsql;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// A fresh schema with the journal's and the cluster's tables on the server named by ACTORTRADER_TEST_POSTGRES or
/// ACTORTRADER_POSTGRES, dropped afterwards. Each simulated node opens its own <see cref="ClusterDatabase"/> (own pool) on it.
/// </summary>
internal sealed class ClusterBenchmarkDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private ClusterBenchmarkDatabase(string connectionString, string schema)
    {
        ConnectionString = connectionString;
        Schema = schema;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public string Schema { get; }

    public static async Task<ClusterBenchmarkDatabase> CreateAsync(string connectionString)
    {
        var schema = $"cbench_{Guid.NewGuid():N}"[..23];
        // The journal's tables first: the cluster's fencing trigger sits on them.
        await using (var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(connectionString) { Schema = schema }))
        {
            await stores.StartAsync();
        }
        var database = new ClusterBenchmarkDatabase(connectionString, schema);
        await using (var cluster = database.Open())
        {
            await cluster.EnsureSchemaAsync();
        }
        return database;
    }

    /// <summary>A node's handle on this schema; the caller disposes it.</summary>
    public ClusterDatabase Open() => new(ConnectionString, Schema);

    /// <summary>A table of the schema, quoted: <c>"cbench_…".cluster_leases</c>.</summary>
    public string Table(string name) => $"\"{Schema}\".{name}";

    /// <summary>A plain command on the shared pool, for baselines and for emulating what a node would do.</summary>
    public NpgsqlCommand Command(string sql) => _dataSource.CreateCommand(sql);

    /// <summary>A pooled connection of the shared pool; the caller disposes it.</summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync() => _dataSource.OpenConnectionAsync();

    public async ValueTask DisposeAsync()
    {
        await using (var drop = _dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await _dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }
}

using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Tests.Stores;
using SqlSchema = ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>A fresh schema on the shared test server for one test, dropped afterwards.</summary>
public sealed class PostgresTestBackend : StoreTestBackend
{
    private readonly PostgresServerFixture _server;

    /// <param name="server">The shared server.</param>
    /// <param name="gapTimeout">Short by default: contract tests have no writes in flight while they query.</param>
    public PostgresTestBackend(PostgresServerFixture server, TimeSpan? gapTimeout = null)
    {
        _server = server;
        Schema = $"t_{Guid.NewGuid():N}";
        Options = new PostgresStoreOptions(server.ConnectionString) { Schema = Schema, GapTimeout = gapTimeout ?? TimeSpan.FromSeconds(1), MaxPoolSize = 10 };
    }

    public string Schema { get; }

    public PostgresStoreOptions Options { get; }

    public override string JournalTable => $"\"{Schema}\".{SqlSchema.JournalTable.Name}";

    public string SnapshotTable => $"\"{Schema}\".{SqlSchema.SnapshotTable.Name}";

    public override Task ExecuteSqlAsync(string sql) => _server.ExecuteAsync(sql);

    protected override PersistenceStores CreateStores() => PostgresStoreFactory.Create(Options);

    protected override async ValueTask DisposeStorageAsync() => await _server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
}

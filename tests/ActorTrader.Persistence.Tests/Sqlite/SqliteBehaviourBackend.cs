using ActorTrader.Persistence.Sqlite;
using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The behaviour specs' backend on a SQLite file in a temporary directory of its own.</summary>
public sealed class SqliteBehaviourBackend : PersistenceBackend
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actortrader-sqlite-behaviour", Guid.NewGuid().ToString("N"));

    public override async Task<PersistenceStores> OpenAsync()
    {
        Directory.CreateDirectory(_directory);
        var stores = SqliteStoreFactory.Create(new SqliteStoreOptions(Path.Combine(_directory, "actortrader.db")));
        await stores.StartAsync();
        return stores;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        await base.DisposeAsync();
    }
}

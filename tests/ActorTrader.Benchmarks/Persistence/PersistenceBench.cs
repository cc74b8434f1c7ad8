using ActorTrader.Benchmarks.Actors;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Sql;
using PersistenceExtension = ActorTrader.Persistence.Persistence;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>An actor system with persistence installed on one <see cref="BenchmarkDatabase"/> (default settings), for the figures of that database.</summary>
internal sealed class PersistenceBench : IAsyncDisposable
{
    private readonly PersistenceStores _stores;

    private PersistenceBench(BenchmarkDatabase database, PersistenceStores stores, ActorSystem system, EventSerializer serializer)
    {
        Database = database;
        _stores = stores;
        System = system;
        Serializer = serializer;
    }

    public BenchmarkDatabase Database { get; }

    public ActorSystem System { get; }

    public EventSerializer Serializer { get; }

    public static async Task<PersistenceBench> StartAsync(BenchmarkDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var stores = database.CreateStores();
        var system = BenchmarkSystem.Create();
        var serializer = BenchSerialization.Create();
        await PersistenceExtension.StartAsync(system, new PersistenceSetup(stores.Journal, stores.SnapshotStore, stores.Query, serializer));
        return new PersistenceBench(database, stores, system, serializer);
    }

    /// <summary>The figure's name with the database in front, e.g. <c>sqlite_persist_100_actors</c>.</summary>
    public string FigureName(string figure) => $"{Database.Name}_{figure}";

    public async ValueTask DisposeAsync()
    {
        await System.Terminate();
        await _stores.DisposeAsync();
    }
}

using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Persistence.Sql;

namespace ActorTrader.Benchmarks.Persistence;

/// <summary>
/// One database the persistence figures run against: it builds the real stores and performs the raw baselines
/// (plain ADO.NET against the very same tables) so every figure has a same-run, same-database reference.
/// </summary>
internal abstract class BenchmarkDatabase : IAsyncDisposable
{
    /// <summary>Short name used in figure names ("sqlite", "postgresql").</summary>
    public abstract string Name { get; }

    /// <summary>Where and how durable, for the workload text.</summary>
    public abstract string Description { get; }

    /// <summary>Fresh, not yet started stores over this database.</summary>
    public abstract PersistenceStores CreateStores();

    /// <summary>Inserts <paramref name="rows"/> into the journal table in transactions of <paramref name="batchSize"/> rows, one after another, each committed durably.</summary>
    public abstract Task InsertBatchedAsync(IReadOnlyList<PersistentRepr> rows, int batchSize);

    /// <summary>Reads every journal row of <paramref name="persistenceId"/> in sequence order, materializing each column; returns the row count.</summary>
    public abstract Task<long> ReadAllAsync(string persistenceId);

    /// <summary>One durable upsert into the snapshot table, as the store's save does.</summary>
    public abstract Task SaveSnapshotAsync(SnapshotRow snapshot);

    /// <summary>The newest snapshot of <paramref name="persistenceId"/>, read with a plain query.</summary>
    public abstract Task<SnapshotRow?> LoadSnapshotAsync(string persistenceId);

    public abstract ValueTask DisposeAsync();
}

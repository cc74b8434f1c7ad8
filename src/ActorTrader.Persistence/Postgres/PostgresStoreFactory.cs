using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Postgres;

/// <summary>Builds the journal, snapshot store and query of one PostgreSQL schema, sharing one connection pool (start them with StartAsync).</summary>
public static class PostgresStoreFactory
{
    /// <summary>The name <c>actortrader.persistence.journal</c> selects this backend with.</summary>
    public const string BackendName = "postgresql";

    public static PersistenceStores Create(PostgresStoreOptions options) => Create(options, TimeProvider.System);

    /// <param name="options">Connection, schema, batch and gap settings.</param>
    /// <param name="time">The clock the query's gap timeout runs on.</param>
    public static PersistenceStores Create(PostgresStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var database = new PostgresDatabase(options);
        return new PersistenceStores(
            new PostgresJournal(database, ownsDatabase: false),
            new PostgresSnapshotStore(database, ownsDatabase: false),
            new PostgresJournalQuery(database, time, ownsDatabase: false))
        {
            Shared = database,
        };
    }

    /// <summary>From actortrader.persistence.postgresql and query.gap-timeout.</summary>
    public static PersistenceStores Create(PersistenceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Create(new PostgresStoreOptions(settings.Postgres.ConnectionString)
        {
            Schema = settings.Postgres.Schema,
            MaxBatchSize = settings.Postgres.MaxBatchSize,
            MaxPoolSize = settings.Postgres.MaxPoolSize,
            IdleInTransactionTimeout = settings.Postgres.IdleInTransactionTimeout,
            GapTimeout = settings.QueryGapTimeout,
        });
    }
}

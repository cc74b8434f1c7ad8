using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Sqlite;

namespace ActorTrader.Persistence.Sql;

/// <summary>Makes the SQL backends selectable by <c>actortrader.persistence.journal</c> ("sqlite", "postgresql").</summary>
public static class SqlBackendRegistration
{
    public static PersistenceBackends AddSqlBackends(this PersistenceBackends backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        return backends
            .Register(SqliteStoreFactory.BackendName, (settings, dataDirectory) => SqliteStoreFactory.Create(settings, dataDirectory))
            .Register(PostgresStoreFactory.BackendName, (settings, _) => PostgresStoreFactory.Create(settings));
    }
}

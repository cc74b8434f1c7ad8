using System.Net.Sockets;
using ActorTrader.Persistence.Journal;
using Npgsql;

namespace ActorTrader.Persistence.Postgres;

/// <summary>Turns Npgsql and server errors into <see cref="PersistenceStoreException"/>s that name the server and the fix.</summary>
internal static class PostgresErrors
{
    public const string UniqueViolation = "23505";

    /// <summary>Raised by the cluster's fencing trigger (ActorTrader.Cluster, Schema/cluster.sql) for a write with a stale lease epoch.</summary>
    public const string Fenced = "AT409";

    private const string ConnectionSetting = "actortrader.persistence.postgresql.connection-string (ACTORTRADER_POSTGRES)";

    public static PersistenceStoreException Explain(NpgsqlException exception, string server, string operation)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = exception.Message;
        var message = exception switch
        {
            PostgresException { SqlState: "53100" } =>
                $"PostgreSQL {server} is out of disk space ({detail}); {operation} was rolled back and earlier events are intact. Fix: free disk space on the database server.",
            PostgresException { SqlState: "3D000" } =>
                $"The database of {server} does not exist ({detail}). Fix: create it (createdb) or correct the Database in {ConnectionSetting}.",
            PostgresException { SqlState: "28P01" or "28000" } =>
                $"PostgreSQL {server} refused the login ({detail}). Fix: correct the Username/Password in {ConnectionSetting} or the server's pg_hba.conf.",
            PostgresException { SqlState: "42501" } =>
                $"The user of {server} lacks a privilege for {operation} ({detail}). Fix: grant it CREATE on the schema and SELECT/INSERT/UPDATE/DELETE on the journal and snapshot tables.",
            PostgresException { SqlState: "25006" } =>
                $"PostgreSQL {server} is read-only (a standby?) ({detail}); {operation} failed. Fix: point {ConnectionSetting} at the primary.",
            PostgresException { SqlState: "53300" } =>
                $"PostgreSQL {server} has no free connection slots ({detail}). Fix: raise the server's max_connections or lower actortrader.persistence.postgresql.max-pool-size.",
            PostgresException { SqlState: "57P01" or "57P02" or "57P03" } =>
                $"PostgreSQL {server} is shutting down or starting up ({detail}); {operation} failed and nothing was written. Fix: wait for the server, the actor recovers on restart.",
            PostgresException pg =>
                $"{operation} on PostgreSQL {server} failed: {detail} (SQLSTATE {pg.SqlState}).",
            _ when exception.InnerException is SocketException or TimeoutException || exception is NpgsqlException { IsTransient: true } =>
                $"Cannot reach PostgreSQL {server} ({detail}); {operation} failed. Fix: start the server or correct Host/Port in {ConnectionSetting}.",
            _ =>
                $"{operation} on PostgreSQL {server} failed: {detail}.",
        };
        return new PersistenceStoreException(message, exception);
    }
}

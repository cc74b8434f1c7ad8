namespace ActorTrader.Persistence.Postgres;

/// <summary>Settings of the PostgreSQL journal and snapshot store (actortrader.persistence.postgresql and .query).</summary>
/// <param name="ConnectionString">Npgsql connection string (from ACTORTRADER_POSTGRES in production).</param>
public sealed record PostgresStoreOptions(string ConnectionString)
{
    /// <summary>Schema that holds the journal and snapshot tables; created on start.</summary>
    public string Schema { get; init; } = "public";

    /// <summary>Most journal writes grouped into one multi-row insert transaction.</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>Connections in the pool.</summary>
    public int MaxPoolSize { get; init; } = 20;

    /// <summary>How long a tag or all-events query waits for a missing ordering (a transaction not yet committed) before skipping it for good.</summary>
    public TimeSpan GapTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The server ends a transaction of these connections that stays idle this long (idle_in_transaction_session_timeout;
    /// zero = the server's setting). A journal transaction never idles that long unless its process is paused (GC, a frozen
    /// VM, SIGSTOP); in a cluster such a writer would hold the lease row its fencing trigger locked and keep a standby from
    /// taking over. Its write is fenced anyway, so ending it loses nothing acknowledged.
    /// </summary>
    public TimeSpan IdleInTransactionTimeout { get; init; } = TimeSpan.FromSeconds(2);
}

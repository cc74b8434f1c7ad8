using System.Text;

namespace ActorTrader.Persistence;

/// <summary>
/// actortrader.persistence.postgresql; <see cref="ConnectionString"/> is empty unless ACTORTRADER_POSTGRES (or the node
/// file) sets it. <see cref="ToString"/> never prints the connection string, which usually holds a password.
/// </summary>
public sealed record PostgresSettings
{
    public string ConnectionString { get; init; } = "";

    public string Schema { get; init; } = "public";

    public int MaxBatchSize { get; init; } = 1000;

    public int MaxPoolSize { get; init; } = 20;

    /// <summary>The server ends a journal transaction left open this long (idle_in_transaction_session_timeout); see <see cref="Postgres.PostgresStoreOptions.IdleInTransactionTimeout"/>.</summary>
    public TimeSpan IdleInTransactionTimeout { get; init; } = TimeSpan.FromSeconds(2);

    // Records print every property; the password in the connection string must not reach a log line that way.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ConnectionString = ").Append(ConnectionString.Length == 0 ? "(unset)" : "***")
            .Append(", Schema = ").Append(Schema)
            .Append(", MaxBatchSize = ").Append(MaxBatchSize)
            .Append(", MaxPoolSize = ").Append(MaxPoolSize)
            .Append(", IdleInTransactionTimeout = ").Append(IdleInTransactionTimeout);
        return true;
    }
}

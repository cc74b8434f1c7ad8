using ActorTrader.Hocon;

namespace ActorTrader.Persistence;

/// <summary>Everything under <c>actortrader.persistence</c>, typed; the defaults equal hocon/reference.conf.</summary>
public sealed record PersistenceSettings
{
    /// <summary>The backends a journal setting may name.</summary>
    public static IReadOnlyList<string> KnownJournals { get; } = ["sqlite", "postgresql", "memory"];

    public static PersistenceSettings Default { get; } = new();

    /// <summary>Backend of the journal, snapshot store and query: sqlite, postgresql or memory.</summary>
    public string Journal { get; init; } = "sqlite";

    public SqliteSettings Sqlite { get; init; } = new();

    public PostgresSettings Postgres { get; init; } = new();

    public RecoverySettings Recovery { get; init; } = new();

    public CircuitBreakerSettings CircuitBreaker { get; init; } = new();

    public AtLeastOnceDeliverySettings AtLeastOnceDelivery { get; init; } = new();

    /// <summary>query.gap-timeout: how long a read-model query waits for an ordering that is allocated but not committed.</summary>
    public TimeSpan QueryGapTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reads <c>actortrader.persistence</c>; missing keys take the defaults, bad ones throw <see cref="PersistenceSettingsException"/> naming each key, its position and its fix.</summary>
    public static PersistenceSettings FromConfig(Config config)
    {
        var (settings, problems) = Read(config);
        if (problems.Count > 0) throw new PersistenceSettingsException(problems);
        return settings;
    }

    /// <summary>
    /// Reads <c>actortrader.persistence</c>, returning the settings (defaults where keys are missing or bad) and every
    /// problem found, each positioned where the value was written (<see cref="Config.GetPosition"/>) with its fix.
    /// </summary>
    public static (PersistenceSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var r = new PersistenceSettingsReader(config);
        const string p = PersistenceSettingsReader.Section;
        var d = Default;

        var journal = r.Text("journal", d.Journal);
        if (!KnownJournals.Contains(journal))
        {
            r.Report("journal", $"{p}journal = \"{journal}\" is not a known backend.", $"Use one of {string.Join(", ", KnownJournals)}.");
            journal = d.Journal;
        }
        var settings = new PersistenceSettings
        {
            Journal = journal,
            Sqlite = new SqliteSettings
            {
                Path = r.Text("sqlite.path", d.Sqlite.Path),
                BusyTimeout = r.Duration("sqlite.busy-timeout", d.Sqlite.BusyTimeout),
                MaxBatchSize = r.Count("sqlite.max-batch-size", d.Sqlite.MaxBatchSize, 1),
            },
            Postgres = new PostgresSettings
            {
                ConnectionString = r.Text("postgresql.connection-string", ""),
                Schema = r.Text("postgresql.schema", d.Postgres.Schema),
                MaxBatchSize = r.Count("postgresql.max-batch-size", d.Postgres.MaxBatchSize, 1),
                MaxPoolSize = r.Count("postgresql.max-pool-size", d.Postgres.MaxPoolSize, 1),
                IdleInTransactionTimeout = r.Duration("postgresql.idle-in-transaction-timeout", d.Postgres.IdleInTransactionTimeout),
            },
            Recovery = new RecoverySettings
            {
                MaxConcurrent = r.Count("recovery.max-concurrent", d.Recovery.MaxConcurrent, 1),
                ReplayBatchSize = r.Count("recovery.replay-batch-size", d.Recovery.ReplayBatchSize, 1),
                Timeout = r.Duration("recovery.timeout", d.Recovery.Timeout),
            },
            CircuitBreaker = new CircuitBreakerSettings
            {
                MaxFailures = r.Count("circuit-breaker.max-failures", d.CircuitBreaker.MaxFailures, 1),
                CallTimeout = r.Duration("circuit-breaker.call-timeout", d.CircuitBreaker.CallTimeout),
                ResetTimeout = r.Duration("circuit-breaker.reset-timeout", d.CircuitBreaker.ResetTimeout),
            },
            AtLeastOnceDelivery = new AtLeastOnceDeliverySettings
            {
                RedeliverInterval = r.Duration("at-least-once-delivery.redeliver-interval", d.AtLeastOnceDelivery.RedeliverInterval),
                RedeliveryBurstLimit = r.Count("at-least-once-delivery.redelivery-burst-limit", d.AtLeastOnceDelivery.RedeliveryBurstLimit, 1),
                WarnAfterNumberOfUnconfirmedAttempts = r.Count("at-least-once-delivery.warn-after-number-of-unconfirmed-attempts", d.AtLeastOnceDelivery.WarnAfterNumberOfUnconfirmedAttempts, 1),
                MaxUnconfirmedMessages = r.Count("at-least-once-delivery.max-unconfirmed-messages", d.AtLeastOnceDelivery.MaxUnconfirmedMessages, 1),
            },
            QueryGapTimeout = r.Duration("query.gap-timeout", d.QueryGapTimeout),
        };
        if (journal == "postgresql" && string.IsNullOrWhiteSpace(settings.Postgres.ConnectionString))
        {
            // Without ACTORTRADER_POSTGRES the key does not exist at all, so point at the line that chose postgresql.
            var positionKey = config.HasPath(p + "postgresql.connection-string") ? "postgresql.connection-string" : "journal";
            r.Report("postgresql.connection-string",
                $"{p}journal = \"postgresql\" but {p}postgresql.connection-string is not set, so the node has no database to journal to.",
                "Export ACTORTRADER_POSTGRES in the node's environment with an Npgsql connection string " +
                "(Host=...;Database=...;Username=...;Password=...; keep the password out of config files), or set " +
                $"{p}journal = sqlite.",
                positionKey);
        }
        return (settings, r.Problems);
    }
}

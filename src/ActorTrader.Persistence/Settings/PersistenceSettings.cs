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

    /// <summary>Reads <c>actortrader.persistence</c>; missing keys take the defaults, bad ones throw <see cref="PersistenceSettingsException"/> naming each key and its fix.</summary>
    public static PersistenceSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string p = "actortrader.persistence.";
        var problems = new List<string>();
        var d = Default;

        string Text(string key, string fallback) => Read(key, fallback, config.GetString);
        int Count(string key, int fallback, int min)
        {
            var value = Read(key, fallback, config.GetInt);
            if (value >= min) return value;
            problems.Add($"{p}{key} = {value} is out of range. Fix: set it to {min} or more (default {fallback}).");
            return fallback;
        }
        TimeSpan Duration(string key, TimeSpan fallback)
        {
            var value = Read(key, fallback, config.GetTimeSpan);
            if (value > TimeSpan.Zero) return value;
            problems.Add($"{p}{key} = {value} is not positive. Fix: set a duration such as {fallback.TotalSeconds:0}s.");
            return fallback;
        }
        T Read<T>(string key, T fallback, Func<string, T> get)
        {
            if (!config.HasPath(p + key)) return fallback;
            try
            {
                return get(p + key);
            }
            catch (HoconException e)
            {
                problems.Add($"{p}{key}: {e.Message} Fix: set it like the default in hocon/reference.conf.");
                return fallback;
            }
        }

        var journal = Text("journal", d.Journal);
        if (!KnownJournals.Contains(journal))
        {
            problems.Add($"{p}journal = \"{journal}\" is not a known backend. Fix: use one of {string.Join(", ", KnownJournals)}.");
            journal = d.Journal;
        }
        var settings = new PersistenceSettings
        {
            Journal = journal,
            Sqlite = new SqliteSettings
            {
                Path = Text("sqlite.path", d.Sqlite.Path),
                BusyTimeout = Duration("sqlite.busy-timeout", d.Sqlite.BusyTimeout),
                MaxBatchSize = Count("sqlite.max-batch-size", d.Sqlite.MaxBatchSize, 1),
            },
            Postgres = new PostgresSettings
            {
                ConnectionString = Text("postgresql.connection-string", ""),
                Schema = Text("postgresql.schema", d.Postgres.Schema),
                MaxBatchSize = Count("postgresql.max-batch-size", d.Postgres.MaxBatchSize, 1),
                MaxPoolSize = Count("postgresql.max-pool-size", d.Postgres.MaxPoolSize, 1),
            },
            Recovery = new RecoverySettings
            {
                MaxConcurrent = Count("recovery.max-concurrent", d.Recovery.MaxConcurrent, 1),
                ReplayBatchSize = Count("recovery.replay-batch-size", d.Recovery.ReplayBatchSize, 1),
                Timeout = Duration("recovery.timeout", d.Recovery.Timeout),
            },
            CircuitBreaker = new CircuitBreakerSettings
            {
                MaxFailures = Count("circuit-breaker.max-failures", d.CircuitBreaker.MaxFailures, 1),
                CallTimeout = Duration("circuit-breaker.call-timeout", d.CircuitBreaker.CallTimeout),
                ResetTimeout = Duration("circuit-breaker.reset-timeout", d.CircuitBreaker.ResetTimeout),
            },
            AtLeastOnceDelivery = new AtLeastOnceDeliverySettings
            {
                RedeliverInterval = Duration("at-least-once-delivery.redeliver-interval", d.AtLeastOnceDelivery.RedeliverInterval),
                RedeliveryBurstLimit = Count("at-least-once-delivery.redelivery-burst-limit", d.AtLeastOnceDelivery.RedeliveryBurstLimit, 1),
                WarnAfterNumberOfUnconfirmedAttempts = Count("at-least-once-delivery.warn-after-number-of-unconfirmed-attempts", d.AtLeastOnceDelivery.WarnAfterNumberOfUnconfirmedAttempts, 1),
                MaxUnconfirmedMessages = Count("at-least-once-delivery.max-unconfirmed-messages", d.AtLeastOnceDelivery.MaxUnconfirmedMessages, 1),
            },
            QueryGapTimeout = Duration("query.gap-timeout", d.QueryGapTimeout),
        };
        if (journal == "postgresql" && string.IsNullOrWhiteSpace(settings.Postgres.ConnectionString))
            problems.Add($"{p}journal = \"postgresql\" but {p}postgresql.connection-string is empty. Fix: set the ACTORTRADER_POSTGRES environment variable to an Npgsql connection string.");
        if (problems.Count > 0)
            throw new PersistenceSettingsException("Invalid persistence settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(x => "  " + x)));
        return settings;
    }
}

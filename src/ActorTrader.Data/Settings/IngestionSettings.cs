namespace ActorTrader.Data.Settings;

/// <summary><c>actortrader.data.ingestion</c>: how the ingestion stream fetches, validates and writes.</summary>
/// <param name="FreshnessHours">Symbols written within this many hours are skipped as fresh (0 = never skip).</param>
/// <param name="Parallelism">Symbols fetched at the same time.</param>
/// <param name="MaxAttempts">Attempts per symbol, first try included.</param>
/// <param name="RetryBackoff">First retry delay; doubles each attempt, with jitter.</param>
/// <param name="ToxicReturn">A close-to-close return with absolute value at least this (5.0 = 500%) is toxic.</param>
/// <param name="WriteBatchSize">Symbols per lakehouse write.</param>
/// <param name="MaxMissingFraction">Largest fraction of expected daily sessions that may be missing.</param>
/// <param name="WriteBatchInterval">A partial write batch is flushed after this long, so slow providers still write steadily.</param>
public sealed record IngestionSettings(
    double FreshnessHours,
    int Parallelism,
    int MaxAttempts,
    TimeSpan RetryBackoff,
    decimal ToxicReturn,
    int WriteBatchSize,
    double MaxMissingFraction,
    TimeSpan WriteBatchInterval)
{
    /// <summary>The defaults of hocon/reference.conf.</summary>
    public static IngestionSettings Default { get; } = new(12, 8, 4, TimeSpan.FromSeconds(1), 5.0m, 64, 0.02, TimeSpan.FromSeconds(1));
}

using ActorTrader.Data.Catalog;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Settings;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// What an ingestion run works with. <see cref="Clock"/> decides freshness and which sessions are expected;
/// <see cref="Delay"/> waits between retries (tests pass one that completes at once); <see cref="CalendarFor"/>
/// gives a symbol's calendar for strict health and for whether stored bars cover the range (null skips the check
/// for that symbol and uses the calendar-free coverage rule).
/// </summary>
public sealed record IngestionDependencies(
    IMarketDataProvider Provider,
    IBarStore Store,
    IngestionSettings Settings,
    Func<Symbol, IMarketCalendar?> CalendarFor,
    TimeProvider Clock)
{
    /// <summary>How a retry waits; by default a timer of <see cref="Clock"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Jitter source in [0, 1) for retry backoff; by default <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }

    /// <summary>
    /// The point-in-time symbol catalog of the same lakehouse. When set, each run first asks the provider for the
    /// candidates' metadata and upserts it as of the run's clock time; null skips the refresh.
    /// </summary>
    public SymbolCatalog? Catalog { get; init; }

    /// <summary>Where the run summary is saved when the run ends (e.g. data/runs/&lt;RUN_ID&gt;/ingest-summary.json); null saves nothing.</summary>
    public Func<IngestionSummary, string>? SaveSummary { get; init; }
}

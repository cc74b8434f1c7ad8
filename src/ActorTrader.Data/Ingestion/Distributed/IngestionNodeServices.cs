using ActorTrader.Data.Catalog;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Settings;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>
/// What an ingest node runs batches with: its providers by name (the batch names one: synthetic, csv, alpaca), its
/// lakehouse, its <c>actortrader.data.ingestion</c> settings and its clock. <see cref="Store"/> is the node's one store
/// instance: it serializes writes to a partition and keeps its footer cache current on its own writes, so every batch of
/// the node shares it.
/// </summary>
/// <param name="ProviderFor">The provider of a name; throws (naming the name and the known ones) for an unknown one.</param>
public sealed record IngestionNodeServices(
    Func<string, IMarketDataProvider> ProviderFor,
    IBarStore Store,
    IngestionSettings Settings,
    TimeProvider Clock)
{
    /// <summary>A symbol's calendar for strict health and coverage; by default NYSE for US venues, 24x7 for crypto.</summary>
    public Func<Symbol, IMarketCalendar?> CalendarFor { get; init; } = symbol => MarketCalendars.For(AssetProfiles.Infer(symbol), symbol.Exchange);

    /// <summary>The node's symbol catalog, refreshed for each batch's symbols first; null skips the refresh.</summary>
    public SymbolCatalog? Catalog { get; init; }

    /// <summary>How a fetch retry waits; by default a timer of <see cref="Clock"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Jitter source in [0, 1) for retry backoff; by default <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }
}

using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// What one ingestion run did. Every requested symbol ends in exactly one of: written (possibly 0 new bars),
/// skipped fresh, rejected (with the reason), failed (with the error).
/// </summary>
/// <param name="Fetched">Symbols whose bars the provider returned.</param>
/// <param name="SymbolsWritten">Symbols whose batch reached the lakehouse (0 new bars when already stored).</param>
/// <param name="BarsFetched">Bars the provider returned, before validation.</param>
/// <param name="BarsWritten">Bars the lakehouse added (already-stored bars are not written again).</param>
/// <param name="Cancelled">True when the run was stopped before every symbol was handled.</param>
public sealed record IngestionSummary(
    string RunId,
    string Provider,
    string Timeframe,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    int Requested,
    int Fetched,
    IReadOnlyList<SkippedSymbol> SkippedFresh,
    IReadOnlyList<SymbolRejection> Rejected,
    IReadOnlyList<SymbolFailure> Failed,
    IReadOnlyList<PartitionQuarantine> Quarantined,
    int SymbolsWritten,
    long BarsFetched,
    long BarsWritten,
    bool Cancelled)
{
    /// <summary>The metadata refresh of <c>symbols.parquet</c> at the start of the run; null when the run had no catalog.</summary>
    public CatalogRefresh? Catalog { get; init; }

    /// <summary>Bars written per second of run time.</summary>
    public double BarsPerSecond => Duration > TimeSpan.Zero ? BarsWritten / Duration.TotalSeconds : 0;
}

/// <summary>A symbol not fetched because the lakehouse already has it recently (<see cref="Reason"/> says when).</summary>
public sealed record SkippedSymbol(Symbol Symbol, string Reason);

using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// One symbol on its way through the stream: exactly one of <see cref="Batch"/> (valid bars to write),
/// <see cref="Skipped"/>, <see cref="Rejection"/> or <see cref="Failure"/> is set. After the write stage
/// <see cref="BarsWritten"/> holds the rows the lakehouse added.
/// </summary>
internal sealed record SymbolOutcome(
    Symbol Symbol,
    BarBatch? Batch = null,
    SkippedSymbol? Skipped = null,
    SymbolRejection? Rejection = null,
    SymbolFailure? Failure = null,
    int BarsFetched = 0,
    bool Fetched = false)
{
    public long BarsWritten { get; init; }

    public bool Written { get; init; }

    public PartitionQuarantine? Quarantine { get; init; }
}

using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>A symbol that could not be ingested: retries exhausted, an unexpected provider error, or its partition quarantined.</summary>
/// <param name="Attempts">Fetch attempts made (0 when the failure happened while writing).</param>
public sealed record SymbolFailure(Symbol Symbol, string Error, int Attempts);

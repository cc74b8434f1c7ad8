using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Ingestion;

/// <summary>The result of fetching one symbol with retries: its bars, or why not, and how many attempts it took.</summary>
internal sealed record FetchOutcome(IReadOnlyList<Bar>? Bars, SymbolRejection? Refused, SymbolFailure? Failure, int Attempts);

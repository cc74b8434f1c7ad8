using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>A symbol refused by validation, strict health or the provider; <see cref="Reason"/> names the first bad bar (timestamp and value).</summary>
public sealed record SymbolRejection(Symbol Symbol, RejectionKind Kind, string Reason);

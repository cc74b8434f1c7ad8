using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Features;

/// <summary>
/// What one <see cref="FeatureBackfill.Run"/> did: symbols in the matrix, how many were recomputed or carried over
/// unchanged, the row count, whether the file was rewritten, and the symbols left out with the reason (bad bars,
/// unreadable partition).
/// </summary>
public sealed record FeatureBackfillResult(
    int Symbols,
    int Recomputed,
    int Reused,
    long Rows,
    bool Rewritten,
    IReadOnlyDictionary<Symbol, string> Skipped);

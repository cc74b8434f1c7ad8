using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// Synthetic and real bars never share a partition: a backtest or a live check reading it could not tell generated
/// prices from market ones. A run whose provider is synthetic is refused for a partition holding real bars, and the
/// reverse. Real providers may follow each other (csv, then alpaca): their bars are all market data.
/// </summary>
public static class SyntheticSeparation
{
    /// <summary>The rejection when <paramref name="stored"/> and the run's <paramref name="source"/> differ in kind; null when they may mix.</summary>
    public static SymbolRejection? Check(Symbol symbol, BarPartitionInfo stored, BarWriteSource source)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(source);
        if (stored.IsSynthetic == source.IsSynthetic) return null;
        var partition = $"bars/{PartitionNaming.TimeframeDirectory(stored.Timeframe)}/{PartitionNaming.SymbolDirectory(symbol)}";
        var reason = stored.IsSynthetic
            ? $"{symbol} holds synthetic {stored.Provider} bars; real {source.Provider} bars are never mixed in."
            : $"{symbol} holds real {stored.Provider} bars; synthetic bars are never mixed in.";
        return new SymbolRejection(symbol, RejectionKind.MixesSyntheticAndReal,
            $"{reason} Fix: use a separate lakehouse (actortrader.data.lakehouse-dir) or delete the partition {partition}.");
    }
}

using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers;

/// <summary>
/// A source of bars and symbol metadata (synthetic, csv, alpaca). Calls are safe to run concurrently.
/// Failures throw <see cref="MarketDataException"/>, whose <see cref="MarketDataException.IsTransient"/>
/// tells the ingestion pipeline whether a retry can help (429, 5xx, timeouts) or not (unknown symbol, 4xx).
/// </summary>
public interface IMarketDataProvider
{
    /// <summary>synthetic, csv or alpaca; recorded in the lakehouse metadata of every partition it writes.</summary>
    string Name { get; }

    /// <summary>True for generated data: it is marked as such in metadata and a live broker must refuse it.</summary>
    bool IsSynthetic { get; }

    /// <summary>Bars with start ≤ timestamp &lt; end, ascending; all pages fetched.</summary>
    Task<IReadOnlyList<Bar>> GetBarsAsync(BarRequest request, CancellationToken cancellationToken = default);

    /// <summary>Metadata of the symbols the provider knows (all of them when <paramref name="symbols"/> is null).</summary>
    Task<IReadOnlyList<SymbolMetadata>> GetSymbolsAsync(IReadOnlyCollection<Symbol>? symbols = null, CancellationToken cancellationToken = default);
}

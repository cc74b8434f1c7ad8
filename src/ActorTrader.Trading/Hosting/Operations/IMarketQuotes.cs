using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Trading.Host.Operations;

/// <summary>The prices the node trades on: the open and close quotes of each session and the latest quote at an instant.</summary>
public interface IMarketQuotes
{
    /// <summary>True when the prices are generated (synthetic), never market data.</summary>
    bool Synthetic { get; }

    /// <summary>Where the prices come from, for logs and reports.</summary>
    string Source { get; }

    /// <summary>The quotes at the session open of <paramref name="date"/> (empty when the date has none).</summary>
    IReadOnlyList<MarketQuote> OpenQuotes(DateOnly date);

    /// <summary>The quotes at the session close of <paramref name="date"/> (empty when the date has none).</summary>
    IReadOnlyList<MarketQuote> CloseQuotes(DateOnly date);

    /// <summary>The latest quote of every symbol at <paramref name="instant"/> (never a later one).</summary>
    IReadOnlyList<MarketQuote> QuotesAt(DateTimeOffset instant);
}

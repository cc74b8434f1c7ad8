using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Trading.Host.Operations;

/// <summary>
/// Hands quotes to a simulated broker so its orders fill (the paper broker fills at the next quote after a submit).
/// A real broker has its own market and gets none.
/// </summary>
public interface IQuotePublisher
{
    Task PublishAsync(IReadOnlyList<MarketQuote> quotes, CancellationToken cancellationToken);

    /// <summary>End of session: day orders still open expire.</summary>
    Task EndOfSessionAsync(CancellationToken cancellationToken);
}

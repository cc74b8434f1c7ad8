using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;

namespace ActorTrader.Trading.Host.Operations;

/// <summary>Quotes for the embedded <see cref="PaperBroker"/>: its fills, marks and day-order expiry.</summary>
public sealed class PaperQuotePublisher(PaperBroker broker) : IQuotePublisher
{
    private readonly PaperBroker _broker = broker ?? throw new ArgumentNullException(nameof(broker));

    public Task PublishAsync(IReadOnlyList<MarketQuote> quotes, CancellationToken cancellationToken) =>
        quotes.Count == 0 ? Task.CompletedTask : _broker.PublishQuotesAsync(quotes, cancellationToken);

    public Task EndOfSessionAsync(CancellationToken cancellationToken) => _broker.ExpireDayOrdersAsync(cancellationToken);
}

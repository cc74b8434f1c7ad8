using ActorTrader.Brokers.Abstractions;
using ActorTrader.Trading.Replay;

namespace ActorTrader.Trading.Host.Operations;

/// <summary>The quotes of a <see cref="ReplayMarketFeed"/> (bar opens at the open, bar closes at the close).</summary>
public sealed class FeedQuotes(ReplayMarketFeed feed) : IMarketQuotes
{
    private readonly ReplayMarketFeed _feed = feed ?? throw new ArgumentNullException(nameof(feed));

    public ReplayMarketFeed Feed => _feed;

    public bool Synthetic => _feed.Synthetic;

    public string Source => _feed.Source;

    public IReadOnlyList<MarketQuote> OpenQuotes(DateOnly date) => _feed.DayOf(date)?.Open ?? [];

    public IReadOnlyList<MarketQuote> CloseQuotes(DateOnly date) => _feed.DayOf(date)?.Close ?? [];

    public IReadOnlyList<MarketQuote> QuotesAt(DateTimeOffset instant) => _feed.QuotesAt(instant);
}

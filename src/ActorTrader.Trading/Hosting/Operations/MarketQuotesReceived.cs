namespace ActorTrader.Trading.Host.Operations;

/// <summary>
/// Published on the event stream each time the trading day fetched quotes: from <paramref name="Source"/>, how many, the
/// newest quote's time and the market clock's time when they arrived (a replay's virtual time, else the wall clock).
/// The node's data-freshness board and stale-data alert read it.
/// </summary>
public sealed record MarketQuotesReceived(string AccountId, string Source, int Count, DateTimeOffset? NewestQuoteAt, DateTimeOffset ReceivedAt, bool Synthetic);

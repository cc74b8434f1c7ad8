namespace ActorTrader.Data.Settings;

/// <summary><c>actortrader.data.alpaca</c>: Market Data v2 endpoint, feed, paging, rate limit and timeout.</summary>
public sealed record AlpacaDataSettings(Uri DataUrl, string Feed, int PageLimit, int RateLimitPerMinute, TimeSpan RequestTimeout);

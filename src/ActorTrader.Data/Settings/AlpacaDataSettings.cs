namespace ActorTrader.Data.Settings;

/// <summary><c>actortrader.data.alpaca</c>: Market Data v2 endpoint, feed, paging, rate limit, timeout and retries.</summary>
/// <param name="DataUrl">Market Data v2 base URL (https).</param>
/// <param name="Feed">Stock bar feed: iex or sip.</param>
/// <param name="PageLimit">Bars per page requested (1..10000).</param>
/// <param name="RateLimitPerMinute">Requests per minute the account's plan allows.</param>
/// <param name="RequestTimeout">Longest one HTTP attempt may take.</param>
/// <param name="MaxRetries">Retries after the first attempt for 429, 5xx, timeouts and dropped connections.</param>
/// <param name="RetryBaseDelay">First retry delay; doubles each retry, with jitter.</param>
/// <param name="MaxRetryDelay">Cap on any one retry delay, including a server's Retry-After.</param>
public sealed record AlpacaDataSettings(
    Uri DataUrl,
    string Feed,
    int PageLimit,
    int RateLimitPerMinute,
    TimeSpan RequestTimeout,
    int MaxRetries,
    TimeSpan RetryBaseDelay,
    TimeSpan MaxRetryDelay);

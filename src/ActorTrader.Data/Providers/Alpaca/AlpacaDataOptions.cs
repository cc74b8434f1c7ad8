using System.Text;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// Everything <see cref="AlpacaDataClient"/> needs: endpoints, feed, paging, rate limit, timeouts, retries and the
/// key pair. The coordinator fills it from <c>actortrader.data.alpaca</c> and <c>actortrader.broker.alpaca</c>;
/// <see cref="ToString"/> never prints the credentials.
/// </summary>
public sealed record AlpacaDataOptions
{
    /// <summary>Alpaca's limit on <c>limit</c> per bars request.</summary>
    public const int MaxPageLimit = 10_000;

    /// <summary>Market Data v2 base URL (<c>actortrader.data.alpaca.data-url</c>).</summary>
    public Uri DataBaseUrl { get; init; } = new("https://data.alpaca.markets");

    /// <summary>Trading API base URL, used for <c>/v2/assets</c> (<c>actortrader.broker.alpaca.base-url</c>).</summary>
    public Uri TradingBaseUrl { get; init; } = new("https://paper-api.alpaca.markets");

    /// <summary>Stock bar feed: <c>iex</c> (free) or <c>sip</c> (paid). Crypto bars have no feed.</summary>
    public string Feed { get; init; } = "iex";

    /// <summary>Bars asked for per page (1..10000).</summary>
    public int PageLimit { get; init; } = MaxPageLimit;

    /// <summary>Requests per minute across all calls of one client (Alpaca allows about 200 per key).</summary>
    public int RateLimitPerMinute { get; init; } = 200;

    /// <summary>Longest time one HTTP attempt (request and whole body) may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for 429, 5xx, timeouts and dropped connections.</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>First retry delay; doubles each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any one retry delay, including a server's Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>API key id (env <c>APCA_API_KEY_ID</c>); sent as <c>APCA-API-KEY-ID</c>, never printed.</summary>
    public string KeyId { get; init; } = "";

    /// <summary>API secret key (env <c>APCA_API_SECRET_KEY</c>); sent as <c>APCA-API-SECRET-KEY</c>, never printed.</summary>
    public string SecretKey { get; init; } = "";

    /// <summary>The key pair as the HTTP sender and error messages use it.</summary>
    internal AlpacaCredentials Credentials => new(KeyId, SecretKey);

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting and the fix when a value cannot work.</summary>
    public void Validate()
    {
        Require(DataBaseUrl is { IsAbsoluteUri: true }, "actortrader.data.alpaca.data-url", "an absolute http(s) URL like https://data.alpaca.markets");
        Require(TradingBaseUrl is { IsAbsoluteUri: true }, "actortrader.broker.alpaca.base-url", "an absolute http(s) URL like https://paper-api.alpaca.markets");
        Require(Feed is "iex" or "sip", "actortrader.data.alpaca.feed", "iex or sip");
        Require(PageLimit is >= 1 and <= MaxPageLimit, "actortrader.data.alpaca.page-limit", $"a whole number from 1 to {MaxPageLimit}");
        Require(RateLimitPerMinute >= 1, "actortrader.data.alpaca.rate-limit-per-minute", "a positive whole number (Alpaca allows about 200)");
        Require(RequestTimeout > TimeSpan.Zero && RequestTimeout <= TimeSpan.FromHours(1), "actortrader.data.alpaca.request-timeout", "a duration between 1ms and 1h");
        Require(MaxRetryAttempts >= 0, nameof(MaxRetryAttempts), "zero or more retries");
        Require(RetryBaseDelay >= TimeSpan.Zero && MaxRetryDelay >= RetryBaseDelay, nameof(RetryBaseDelay),
            "0 ≤ RetryBaseDelay ≤ MaxRetryDelay");
        if (string.IsNullOrWhiteSpace(KeyId) || string.IsNullOrWhiteSpace(SecretKey))
            throw new ArgumentException(
                "Alpaca credentials are missing. Fix: set APCA_API_KEY_ID and APCA_API_SECRET_KEY in the environment.");
        // They travel as HTTP header values; a stray newline (from a secrets file) would be rejected mid-request.
        if (!IsPrintableAscii(KeyId) || !IsPrintableAscii(SecretKey))
            throw new ArgumentException(
                "Alpaca credentials contain spaces, line breaks or non-ASCII characters. " +
                "Fix: set APCA_API_KEY_ID and APCA_API_SECRET_KEY to the exact key pair, without surrounding whitespace.");
    }

    // Records print every property; the key pair must never reach a log line or an exception message.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("DataBaseUrl = ").Append(DataBaseUrl)
            .Append(", TradingBaseUrl = ").Append(TradingBaseUrl)
            .Append(", Feed = ").Append(Feed)
            .Append(", PageLimit = ").Append(PageLimit)
            .Append(", RateLimitPerMinute = ").Append(RateLimitPerMinute)
            .Append(", RequestTimeout = ").Append(RequestTimeout)
            .Append(", MaxRetryAttempts = ").Append(MaxRetryAttempts)
            .Append(", RetryBaseDelay = ").Append(RetryBaseDelay)
            .Append(", MaxRetryDelay = ").Append(MaxRetryDelay)
            .Append(", KeyId = ").Append(KeyId.Length == 0 ? "(unset)" : "***")
            .Append(", SecretKey = ").Append(SecretKey.Length == 0 ? "(unset)" : "***");
        return true;
    }

    private static bool IsPrintableAscii(string text) => text.All(c => c is > ' ' and <= '~');

    private static void Require(bool ok, string setting, string expected)
    {
        if (!ok) throw new ArgumentException($"Alpaca setting {setting} is invalid. Fix: use {expected}.");
    }
}

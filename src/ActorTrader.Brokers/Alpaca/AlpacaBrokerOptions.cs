using System.Text;
using ActorTrader.Data.Providers.Alpaca;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// Everything <see cref="AlpacaBroker"/> needs: endpoints, key pair, live flag, REST resilience (timeout, retries,
/// circuit breaker, rate limit) and the trade-updates stream (handshake, keep-alive, reconnect backoff, polling while
/// down, how long submits wait for it). Read from <c>actortrader.broker.alpaca</c> by <see cref="FromConfig"/>;
/// <see cref="ToString"/> never prints the credentials.
/// </summary>
public sealed partial record AlpacaBrokerOptions
{
    private const string Prefix = "actortrader.broker.alpaca.";

    /// <summary>Trading API base URL (<c>base-url</c>): https, or http on a loopback host (tests).</summary>
    public Uri BaseUrl { get; init; } = new("https://paper-api.alpaca.markets");

    /// <summary>Trade-updates WebSocket (<c>stream-url</c>); null derives it from <see cref="BaseUrl"/>: wss://host/stream.</summary>
    public Uri? StreamUrl { get; init; }

    /// <summary>API key id (<c>key-id</c>, env <c>APCA_API_KEY_ID</c>); never printed.</summary>
    public string KeyId { get; init; } = "";

    /// <summary>API secret key (<c>secret-key</c>, env <c>APCA_API_SECRET_KEY</c>); never printed.</summary>
    public string SecretKey { get; init; } = "";

    /// <summary>True for a real-money account (<c>live</c>).</summary>
    public bool IsLive { get; init; }

    /// <summary>Longest one HTTP attempt (request and whole body) may take (<c>request-timeout</c>).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt of an idempotent call (GET, cancel) on 429, 5xx, timeouts, dropped connections (<c>max-retries</c>).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First retry delay; doubles each retry, with jitter (<c>retry-base-delay</c>).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on any one retry delay, including a server's Retry-After (<c>max-retry-delay</c>).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>REST requests per minute across all calls (<c>requests-per-minute</c>; Alpaca allows about 200 per key).</summary>
    public int RequestsPerMinute { get; init; } = 200;

    /// <summary>Failed attempts (5xx, 429, timeouts, dropped connections), with none succeeding in <see cref="CircuitBreakerWindow"/>, that open the circuit (<c>circuit-breaker-failures</c>, at least 2).</summary>
    public int CircuitBreakerFailures { get; init; } = 5;

    /// <summary>Window in which those failures are counted (<c>circuit-breaker-window</c>).</summary>
    public TimeSpan CircuitBreakerWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before one trial call may pass (<c>circuit-breaker-break</c>).</summary>
    public TimeSpan CircuitBreakerBreak { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest the stream's connect, authenticate and listen may take together (<c>stream-handshake-timeout</c>).</summary>
    public TimeSpan StreamHandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>WebSocket ping interval; a connection whose pong does not come back within it counts as dropped (<c>stream-keep-alive</c>, 0 = off).</summary>
    public TimeSpan StreamKeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>First reconnect delay after the stream drops; doubles per failed attempt (<c>stream-reconnect-min-delay</c>).</summary>
    public TimeSpan StreamReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on the reconnect delay (<c>stream-reconnect-max-delay</c>).</summary>
    public TimeSpan StreamReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often orders are polled over REST while the stream is down (<c>stream-poll-interval</c>).</summary>
    public TimeSpan StreamPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a submit or replace waits for a down stream to come back before it fails unsent (<c>submit-hold-timeout</c>).</summary>
    public TimeSpan SubmitHoldTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The stream URL in use: <see cref="StreamUrl"/>, else <see cref="BaseUrl"/>'s host with ws(s) and <c>/stream</c>.</summary>
    public Uri EffectiveStreamUrl
    {
        get
        {
            if (StreamUrl is not null) return StreamUrl;
            var builder = new UriBuilder(BaseUrl)
            {
                Scheme = BaseUrl.Scheme == Uri.UriSchemeHttp ? "ws" : "wss",
                Query = "",
            };
            builder.Path = builder.Path.TrimEnd('/') + "/stream";
            return builder.Uri;
        }
    }

    /// <summary>The key pair as the HTTP sender and the stream send it.</summary>
    internal AlpacaCredentials Credentials => new(KeyId, SecretKey);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work, and the fix.</summary>
    public void Validate()
    {
        var problems = Problems(includeCredentials: true);
        if (problems.Count > 0) throw new ArgumentException($"{problems[0].Message} Fix: {problems[0].Fix}");
    }

    /// <summary>Every setting that cannot work: its HOCON key, what is wrong, and the fix.</summary>
    internal IReadOnlyList<(string Key, string Message, string Fix)> Problems(bool includeCredentials)
    {
        var problems = new List<(string, string, string)>();
        void Require(bool ok, string key, string expected)
        {
            if (!ok) problems.Add((Prefix + key, $"Alpaca broker setting {Prefix}{key} is invalid.", $"Use {expected}."));
        }

        Require(IsHttpUrl(BaseUrl, secure: Uri.UriSchemeHttps, plain: Uri.UriSchemeHttp), "base-url",
            "an https URL like https://paper-api.alpaca.markets (plain http only on a loopback host)");
        Require(StreamUrl is null || IsHttpUrl(StreamUrl, secure: "wss", plain: "ws"), "stream-url",
            "a wss URL like wss://paper-api.alpaca.markets/stream, or leave it empty to derive it from base-url");
        Require(RequestTimeout >= TimeSpan.FromMilliseconds(10) && RequestTimeout <= TimeSpan.FromHours(1), "request-timeout", "a duration between 10ms and 1h");
        Require(MaxRetries is >= 0 and <= 100, "max-retries", "a whole number from 0 to 100");
        Require(RetryBaseDelay >= TimeSpan.Zero && RetryBaseDelay <= TimeSpan.FromHours(1), "retry-base-delay", "a duration between 0 and 1h");
        Require(MaxRetryDelay >= RetryBaseDelay && MaxRetryDelay <= TimeSpan.FromDays(1), "max-retry-delay", "a duration of at least retry-base-delay and at most 1d");
        Require(RequestsPerMinute >= 1, "requests-per-minute", "a positive whole number (Alpaca allows about 200)");
        Require(CircuitBreakerFailures >= 2, "circuit-breaker-failures", "a whole number of at least 2");
        Require(CircuitBreakerWindow >= TimeSpan.FromMilliseconds(500) && CircuitBreakerWindow <= TimeSpan.FromDays(1), "circuit-breaker-window", "a duration between 500ms and 1d");
        Require(CircuitBreakerBreak >= TimeSpan.FromMilliseconds(500) && CircuitBreakerBreak <= TimeSpan.FromDays(1), "circuit-breaker-break", "a duration between 500ms and 1d");
        Require(StreamHandshakeTimeout > TimeSpan.Zero && StreamHandshakeTimeout <= TimeSpan.FromHours(1), "stream-handshake-timeout", "a duration between 1ms and 1h");
        Require(StreamKeepAlive >= TimeSpan.Zero && StreamKeepAlive <= TimeSpan.FromHours(1), "stream-keep-alive", "a duration between 0 (off) and 1h");
        Require(StreamReconnectMinDelay >= TimeSpan.Zero && StreamReconnectMinDelay <= TimeSpan.FromHours(1), "stream-reconnect-min-delay", "a duration between 0 and 1h");
        Require(StreamReconnectMaxDelay >= StreamReconnectMinDelay && StreamReconnectMaxDelay <= TimeSpan.FromDays(1), "stream-reconnect-max-delay", "a duration of at least stream-reconnect-min-delay and at most 1d");
        Require(StreamPollInterval >= TimeSpan.FromMilliseconds(1) && StreamPollInterval <= TimeSpan.FromHours(1), "stream-poll-interval", "a duration between 1ms and 1h");
        Require(SubmitHoldTimeout >= TimeSpan.Zero && SubmitHoldTimeout <= TimeSpan.FromHours(1), "submit-hold-timeout", "a duration between 0 and 1h");
        if (includeCredentials)
        {
            var credentials = Credentials;
            if (!credentials.IsComplete)
                problems.Add((Prefix + "key-id", "Alpaca credentials are missing.", "Set APCA_API_KEY_ID and APCA_API_SECRET_KEY in the environment."));
            // They travel as HTTP header values; a stray newline (from a secrets file) would be rejected mid-request.
            else if (!IsPrintableAscii(KeyId) || !IsPrintableAscii(SecretKey))
                problems.Add((Prefix + "key-id", "Alpaca credentials contain spaces, line breaks or non-ASCII characters.",
                    "Set APCA_API_KEY_ID and APCA_API_SECRET_KEY to the exact key pair, without surrounding whitespace."));
        }
        return problems;
    }

    // Plain http/ws only where nothing leaves the machine: the credentials travel in every request.
    private static bool IsHttpUrl(Uri? url, string secure, string plain) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == secure || (url.Scheme == plain && url.IsLoopback));

    private static bool IsPrintableAscii(string text) => text.All(c => c is > ' ' and <= '~');

    // Records print every property; the key pair must never reach a log line or an exception message.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BaseUrl = ").Append(BaseUrl)
            .Append(", StreamUrl = ").Append(EffectiveStreamUrl)
            .Append(", IsLive = ").Append(IsLive)
            .Append(", RequestTimeout = ").Append(RequestTimeout)
            .Append(", MaxRetries = ").Append(MaxRetries)
            .Append(", RetryBaseDelay = ").Append(RetryBaseDelay)
            .Append(", MaxRetryDelay = ").Append(MaxRetryDelay)
            .Append(", RequestsPerMinute = ").Append(RequestsPerMinute)
            .Append(", CircuitBreakerFailures = ").Append(CircuitBreakerFailures)
            .Append(", CircuitBreakerWindow = ").Append(CircuitBreakerWindow)
            .Append(", CircuitBreakerBreak = ").Append(CircuitBreakerBreak)
            .Append(", StreamHandshakeTimeout = ").Append(StreamHandshakeTimeout)
            .Append(", StreamKeepAlive = ").Append(StreamKeepAlive)
            .Append(", StreamReconnectMinDelay = ").Append(StreamReconnectMinDelay)
            .Append(", StreamReconnectMaxDelay = ").Append(StreamReconnectMaxDelay)
            .Append(", StreamPollInterval = ").Append(StreamPollInterval)
            .Append(", SubmitHoldTimeout = ").Append(SubmitHoldTimeout)
            .Append(", KeyId = ").Append(KeyId.Length == 0 ? "(unset)" : "***")
            .Append(", SecretKey = ").Append(SecretKey.Length == 0 ? "(unset)" : "***");
        return true;
    }
}

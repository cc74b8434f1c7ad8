using ActorTrader.Hocon;

namespace ActorTrader.Brokers.Alpaca;

public sealed partial record AlpacaBrokerOptions
{
    /// <summary>
    /// Reads <c>actortrader.broker.alpaca</c>; throws <see cref="AlpacaBrokerOptionsException"/> listing every problem.
    /// Missing credentials are not a problem here (the paper broker needs none); the broker's constructor refuses them.
    /// </summary>
    public static AlpacaBrokerOptions FromConfig(Config config)
    {
        var (options, problems) = Read(config);
        if (problems.Count > 0) throw new AlpacaBrokerOptionsException(problems);
        return options;
    }

    /// <summary>Reads the options, returning them (with defaults where values were bad) and the problems found.</summary>
    public static (AlpacaBrokerOptions Options, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var r = new ConfigProblemLog(config);
        var defaults = new AlpacaBrokerOptions();
        string Text(string key, string fallback) => r.Read(Prefix + key, config.GetString, fallback, "a string");
        TimeSpan Duration(string key, TimeSpan fallback) => r.Read(Prefix + key, config.GetTimeSpan, fallback, "a duration like 10s");
        int Whole(string key, int fallback) => r.Read(Prefix + key, config.GetInt, fallback, "a whole number");

        var baseUrl = Url("base-url", Text("base-url", defaults.BaseUrl.ToString()), defaults.BaseUrl)!;
        var streamText = r.ReadOptional(Prefix + "stream-url", config.GetString, "", "a string");
        var options = new AlpacaBrokerOptions
        {
            BaseUrl = baseUrl,
            StreamUrl = streamText.Trim().Length == 0 ? null : Url("stream-url", streamText, null),
            KeyId = r.ReadOptional(Prefix + "key-id", config.GetString, "", "a string"),
            SecretKey = r.ReadOptional(Prefix + "secret-key", config.GetString, "", "a string"),
            IsLive = r.Read(Prefix + "live", config.GetBoolean, false, "true or false"),
            RequestTimeout = Duration("request-timeout", defaults.RequestTimeout),
            MaxRetries = Whole("max-retries", defaults.MaxRetries),
            RetryBaseDelay = Duration("retry-base-delay", defaults.RetryBaseDelay),
            MaxRetryDelay = Duration("max-retry-delay", defaults.MaxRetryDelay),
            RequestsPerMinute = Whole("requests-per-minute", defaults.RequestsPerMinute),
            CircuitBreakerFailures = Whole("circuit-breaker-failures", defaults.CircuitBreakerFailures),
            CircuitBreakerWindow = Duration("circuit-breaker-window", defaults.CircuitBreakerWindow),
            CircuitBreakerBreak = Duration("circuit-breaker-break", defaults.CircuitBreakerBreak),
            StreamHandshakeTimeout = Duration("stream-handshake-timeout", defaults.StreamHandshakeTimeout),
            StreamKeepAlive = Duration("stream-keep-alive", defaults.StreamKeepAlive),
            StreamReconnectMinDelay = Duration("stream-reconnect-min-delay", defaults.StreamReconnectMinDelay),
            StreamReconnectMaxDelay = Duration("stream-reconnect-max-delay", defaults.StreamReconnectMaxDelay),
            StreamPollInterval = Duration("stream-poll-interval", defaults.StreamPollInterval),
            SubmitHoldTimeout = Duration("submit-hold-timeout", defaults.SubmitHoldTimeout),
        };
        foreach (var (key, message, fix) in options.Problems(includeCredentials: false)) r.Report(key, message, fix);
        return (options, r.Problems);

        Uri? Url(string key, string text, Uri? fallback)
        {
            if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)) return url;
            r.Report(Prefix + key, $"{Prefix}{key} = \"{text}\" is not an absolute URL.", $"Set {Prefix}{key} to a URL like https://paper-api.alpaca.markets.");
            return fallback;
        }
    }
}

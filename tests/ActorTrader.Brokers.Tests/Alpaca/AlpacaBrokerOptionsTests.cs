using ActorTrader.Brokers.Alpaca;
using ActorTrader.Brokers.Tests.Alpaca.Fake;
using ActorTrader.Hocon;

namespace ActorTrader.Brokers.Tests.Alpaca;

public sealed class AlpacaBrokerOptionsTests
{
    private const string FullSection = """
        actortrader.broker.alpaca {
          key-id = "AKID"
          secret-key = "SECRET"
          base-url = "https://api.alpaca.markets"
          live = true
          stream-url = "wss://stream.example.com/v2/stream"
          request-timeout = 4s
          max-retries = 2
          retry-base-delay = 250ms
          max-retry-delay = 8s
          requests-per-minute = 150
          circuit-breaker-failures = 4
          circuit-breaker-window = 20s
          circuit-breaker-break = 45s
          stream-handshake-timeout = 6s
          stream-keep-alive = 12s
          stream-reconnect-min-delay = 2s
          stream-reconnect-max-delay = 40s
          stream-poll-interval = 3s
          submit-hold-timeout = 25s
        }
        """;

    [Theory]
    [InlineData("https://paper-api.alpaca.markets", "wss://paper-api.alpaca.markets/stream")]
    [InlineData("http://127.0.0.1:5000", "ws://127.0.0.1:5000/stream")]
    [InlineData("https://proxy.example.com/alpaca/", "wss://proxy.example.com/alpaca/stream")]
    public void Stream_url_is_derived_from_the_base_url(string baseUrl, string streamUrl) =>
        Assert.Equal(new Uri(streamUrl), new AlpacaBrokerOptions { BaseUrl = new Uri(baseUrl) }.EffectiveStreamUrl);

    [Fact]
    public void Configured_stream_url_wins_over_the_derived_one() =>
        Assert.Equal(new Uri("wss://other.example.com/stream"),
            new AlpacaBrokerOptions { StreamUrl = new Uri("wss://other.example.com/stream") }.EffectiveStreamUrl);

    [Fact]
    public void Every_key_of_the_section_is_read()
    {
        var options = AlpacaBrokerOptions.FromConfig(ConfigurationFactory.ParseString(FullSection));

        Assert.Equal(new AlpacaBrokerOptions
        {
            KeyId = "AKID",
            SecretKey = "SECRET",
            BaseUrl = new Uri("https://api.alpaca.markets"),
            IsLive = true,
            StreamUrl = new Uri("wss://stream.example.com/v2/stream"),
            RequestTimeout = TimeSpan.FromSeconds(4),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(250),
            MaxRetryDelay = TimeSpan.FromSeconds(8),
            RequestsPerMinute = 150,
            CircuitBreakerFailures = 4,
            CircuitBreakerWindow = TimeSpan.FromSeconds(20),
            CircuitBreakerBreak = TimeSpan.FromSeconds(45),
            StreamHandshakeTimeout = TimeSpan.FromSeconds(6),
            StreamKeepAlive = TimeSpan.FromSeconds(12),
            StreamReconnectMinDelay = TimeSpan.FromSeconds(2),
            StreamReconnectMaxDelay = TimeSpan.FromSeconds(40),
            StreamPollInterval = TimeSpan.FromSeconds(3),
            SubmitHoldTimeout = TimeSpan.FromSeconds(25),
        }, options);
    }

    [Fact]
    public void Empty_stream_url_and_absent_credentials_are_not_problems_of_the_section()
    {
        var config = ConfigurationFactory.ParseString(FullSection
            .Replace("stream-url = \"wss://stream.example.com/v2/stream\"", "stream-url = \"\"", StringComparison.Ordinal)
            .Replace("key-id = \"AKID\"", "", StringComparison.Ordinal)
            .Replace("secret-key = \"SECRET\"", "", StringComparison.Ordinal));

        var (options, problems) = AlpacaBrokerOptions.Read(config);

        Assert.Empty(problems);
        Assert.Null(options.StreamUrl);
        Assert.Equal("", options.KeyId);
    }

    [Fact]
    public void Bad_values_are_each_reported_at_their_key()
    {
        var config = ConfigurationFactory.ParseString(FullSection
            .Replace("request-timeout = 4s", "request-timeout = soon", StringComparison.Ordinal)
            .Replace("circuit-breaker-failures = 4", "circuit-breaker-failures = 1", StringComparison.Ordinal)
            .Replace("base-url = \"https://api.alpaca.markets\"", "base-url = \"http://api.alpaca.markets\"", StringComparison.Ordinal));

        var error = Assert.Throws<AlpacaBrokerOptionsException>(() => AlpacaBrokerOptions.FromConfig(config));

        Assert.Equal(
            ["actortrader.broker.alpaca.base-url", "actortrader.broker.alpaca.circuit-breaker-failures", "actortrader.broker.alpaca.request-timeout"],
            error.Problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(error.Problems, p => Assert.NotNull(p.Position));
    }

    [Fact]
    public void Broker_without_credentials_is_refused_naming_the_environment_variables()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new AlpacaBroker(http, new AlpacaBrokerOptions()));

        Assert.Contains("APCA_API_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("APCA_API_SECRET_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused_because_the_credentials_would_travel_in_clear()
    {
        var options = new AlpacaBrokerOptions { BaseUrl = new Uri("http://paper-api.alpaca.markets"), KeyId = "k", SecretKey = "s" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("actortrader.broker.alpaca.base-url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_never_print_the_credentials()
    {
        var options = new AlpacaBrokerOptions { KeyId = FakeAlpacaServer.KeyId, SecretKey = FakeAlpacaServer.Secret };

        var text = options.ToString();

        Assert.DoesNotContain(FakeAlpacaServer.KeyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeAlpacaServer.Secret, text, StringComparison.Ordinal);
        Assert.Contains("SecretKey = ***", text, StringComparison.Ordinal);
    }
}

using ActorTrader.Brokers.Alpaca;
using Serilog;

namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>
/// One test's fake Alpaca server, HttpClient and brokers pointed at it. <see cref="Options"/> are fast and generous so
/// only the behaviour under test decides the outcome: no rate limit to speak of, a breaker that needs many failures,
/// millisecond stream backoff and polling on the real clock.
/// </summary>
internal sealed class AlpacaHarness : IAsyncDisposable
{
    private readonly List<AlpacaBroker> _brokers = [];

    private AlpacaHarness(FakeAlpacaServer server) => Server = server;

    public FakeAlpacaServer Server { get; }

    public HttpClient Http { get; } = new();

    public AlpacaBrokerOptions Options => new()
    {
        BaseUrl = Server.BaseUrl,
        KeyId = FakeAlpacaServer.KeyId,
        SecretKey = FakeAlpacaServer.Secret,
        RequestTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
        RequestsPerMinute = 100_000,
        CircuitBreakerFailures = 1000,
        CircuitBreakerWindow = TimeSpan.FromSeconds(30),
        CircuitBreakerBreak = TimeSpan.FromSeconds(30),
        StreamHandshakeTimeout = TimeSpan.FromSeconds(10),
        StreamKeepAlive = TimeSpan.Zero,
        StreamReconnectMinDelay = TimeSpan.FromMilliseconds(5),
        StreamReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        StreamPollInterval = TimeSpan.FromMilliseconds(20),
        SubmitHoldTimeout = TimeSpan.FromSeconds(15),
    };

    public static async Task<AlpacaHarness> StartAsync() => new(await FakeAlpacaServer.StartAsync());

    public AlpacaBroker Broker(AlpacaBrokerOptions? options = null, TimeProvider? clock = null, ILogger? logger = null)
    {
        var broker = new AlpacaBroker(Http, options ?? Options, clock, logger);
        _brokers.Add(broker);
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var broker in _brokers) await broker.DisposeAsync();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

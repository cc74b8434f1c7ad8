using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.TestKit.Time;

namespace ActorTrader.Data.Tests.Providers.Alpaca.Fakes;

/// <summary>A fake Alpaca server, an HttpClient and a virtual clock for one test; clients point at the fake.</summary>
internal sealed class AlpacaTestContext : IAsyncDisposable
{
    public const string KeyId = "AKFAKEKEYID0000001";
    public const string Secret = "fakeSecret-9f8e7d6c5b4a-must-never-print";

    public FakeAlpacaServer Server { get; } = new();

    public HttpClient Http { get; } = new();

    public AutoAdvancingTimeProvider Clock { get; } = new();

    /// <summary>Generous limits so only the behaviour under test decides the outcome.</summary>
    public AlpacaDataOptions Options => new()
    {
        DataBaseUrl = Server.BaseUrl,
        TradingBaseUrl = Server.BaseUrl,
        Feed = "iex",
        PageLimit = 10_000,
        RateLimitPerMinute = 100_000,
        RequestTimeout = TimeSpan.FromMinutes(1),
        MaxRetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(60),
        KeyId = KeyId,
        SecretKey = Secret,
    };

    public AlpacaDataClient Client(AlpacaDataOptions? options = null, TimeProvider? clock = null) =>
        new(Http, options ?? Options, clock ?? Clock);

    public AlpacaMarketDataProvider Provider(AlpacaDataOptions? options = null, TimeProvider? clock = null) =>
        new(Client(options, clock));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

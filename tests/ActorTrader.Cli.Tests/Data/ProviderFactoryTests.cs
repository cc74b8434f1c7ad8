using ActorTrader.Cli.Data;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Data.Providers.Csv;
using ActorTrader.Data.Settings;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Cli.Tests.Data;

/// <summary>How <c>--provider</c> is wired from the configuration; nothing here touches the network.</summary>
public sealed class ProviderFactoryTests : IDisposable
{
    private const string KeyId = "AKID-SHOULD-NOT-SHOW";
    private const string SecretKey = "SECRET-SHOULD-NOT-SHOW";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The node and data settings the CLI reads from a node file over the shipped reference.conf.</summary>
    private (DataSettings Data, AlpacaSettings Broker) Load(string extra = "")
    {
        var loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = _cli.WriteCleanConfig(extra), Environment = _cli.Environment, WorkingDirectory = _cli.Root });
        return (DataSettings.FromConfig(loaded.Config, loaded.WorkingDirectory), NodeSettings.FromConfig(loaded).Broker.Alpaca);
    }

    private void SetCredentials()
    {
        _cli.Environment["APCA_API_KEY_ID"] = KeyId;
        _cli.Environment["APCA_API_SECRET_KEY"] = SecretKey;
    }

    [Fact]
    public void Alpaca_options_come_from_the_data_section_and_the_broker_account()
    {
        SetCredentials();
        var (data, broker) = Load("""
            data.alpaca {
              data-url = "https://127.0.0.1:9/data", feed = sip, page-limit = 500, rate-limit-per-minute = 50
              request-timeout = 7s, max-retries = 2, retry-base-delay = 250ms, max-retry-delay = 5s
            }
            broker.alpaca.base-url = "https://127.0.0.1:9/trading"
            """);

        var options = ProviderFactory.AlpacaOptions(data, broker);

        Assert.Equal(new Uri("https://127.0.0.1:9/data"), options.DataBaseUrl);
        Assert.Equal(new Uri("https://127.0.0.1:9/trading"), options.TradingBaseUrl);
        Assert.Equal("sip", options.Feed);
        Assert.Equal(500, options.PageLimit);
        Assert.Equal(50, options.RateLimitPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(7), options.RequestTimeout);
        Assert.Equal(2, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxRetryDelay);
        Assert.Equal(KeyId, options.KeyId);
        Assert.Equal(SecretKey, options.SecretKey);
    }

    [Fact]
    public void Alpaca_retries_default_to_the_reference_values()
    {
        SetCredentials();
        var (data, broker) = Load();

        var options = ProviderFactory.AlpacaOptions(data, broker);

        Assert.Equal(4, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryDelay);
        Assert.Equal(new Uri("https://paper-api.alpaca.markets"), options.TradingBaseUrl);
    }

    [Fact]
    public void The_alpaca_provider_is_built_from_those_options_without_a_request()
    {
        SetCredentials();
        var (data, broker) = Load();
        using var http = new HttpClient(new RefusingHandler());

        var provider = ProviderFactory.Create("alpaca", data, broker, http);

        Assert.IsType<AlpacaMarketDataProvider>(provider);
        Assert.False(provider.IsSynthetic);
    }

    [Fact]
    public void Missing_credentials_name_both_variables_and_exit_1()
    {
        var (data, broker) = Load();

        var error = Assert.Throws<CliException>(() => ProviderFactory.AlpacaOptions(data, broker));

        Assert.Equal(ExitCodes.Problems, error.ExitCode);
        Assert.Contains("APCA_API_KEY_ID and APCA_API_SECRET_KEY are not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_secret_is_named_without_echoing_the_key_id()
    {
        _cli.Environment["APCA_API_KEY_ID"] = KeyId;
        var (data, broker) = Load();

        var error = Assert.Throws<CliException>(() => ProviderFactory.AlpacaOptions(data, broker));

        Assert.Contains("APCA_API_SECRET_KEY is not set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_with_the_alpaca_provider_and_no_credentials_exits_1_naming_the_variables()
    {
        var file = _cli.WriteCleanConfig();

        var (exit, _, error) = await _cli.RunAsync("ingest", "--config", file, "--provider", "alpaca", "--symbols", "NASDAQ:AAPL", "--start", "2024-01-01", "--end", "2024-02-01");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("APCA_API_KEY_ID and APCA_API_SECRET_KEY", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_provider_lists_tickers_under_the_configured_exchange()
    {
        var csv = Directory.CreateDirectory(Path.Combine(_cli.Root, "csv")).FullName;
        var (data, broker) = Load($$"""data.csv { dir = "{{csv}}", default-exchange = NASDAQ }""");

        var provider = Assert.IsType<CsvMarketDataProvider>(ProviderFactory.Create("csv", data, broker));

        Assert.Equal("NASDAQ", provider.DefaultExchange);
    }

    /// <summary>Fails any request: building a provider must not send one.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Unexpected request to {request.RequestUri}");
    }
}

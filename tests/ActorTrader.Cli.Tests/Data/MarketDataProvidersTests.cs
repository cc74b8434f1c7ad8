using ActorTrader.Cli.Data;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Data.Settings;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Data;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Cli.Tests.Data;

/// <summary>The provider factory the CLI and an ingest node share, and how the CLI turns its problems into exit codes.</summary>
public sealed class MarketDataProvidersTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private (DataSettings Data, AlpacaSettings Broker) Load(string extra = "")
    {
        var loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = _cli.WriteCleanConfig(extra), Environment = _cli.Environment, WorkingDirectory = _cli.Root });
        return (DataSettings.FromConfig(loaded.Config, loaded.WorkingDirectory), NodeSettings.FromConfig(loaded).Broker.Alpaca);
    }

    [Fact]
    public void The_synthetic_provider_uses_the_configured_seed()
    {
        var (data, broker) = Load("data.synthetic.seed = 7");

        var provider = Assert.IsType<SyntheticMarketDataProvider>(MarketDataProviders.Create("synthetic", data, broker));

        Assert.Equal(7, provider.Seed);
    }

    [Fact]
    public void An_unknown_provider_is_named_with_the_known_ones()
    {
        var (data, broker) = Load();

        var error = Assert.Throws<MarketDataProviderException>(() => MarketDataProviders.Create("carrier-pigeon", data, broker));

        Assert.True(error.UnknownName);
        Assert.Contains("Provider \"carrier-pigeon\" is not known. Fix: use one of synthetic, csv, alpaca.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_reports_an_unknown_provider_as_a_usage_error()
    {
        var (data, broker) = Load();

        var error = Assert.Throws<CliException>(() => ProviderFactory.Create("carrier-pigeon", data, broker));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }

    [Fact]
    public void A_missing_csv_directory_is_named_with_its_setting()
    {
        var missing = Path.Combine(_cli.Root, "no-such-csv");
        var (data, broker) = Load($$"""data.csv.dir = "{{missing}}" """);

        var error = Assert.Throws<MarketDataProviderException>(() => MarketDataProviders.Create("csv", data, broker));

        Assert.False(error.UnknownName);
        Assert.Contains($"The csv directory {missing} does not exist. Fix: set actortrader.data.csv.dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_reports_a_missing_csv_directory_as_exit_1()
    {
        var (data, broker) = Load($$"""data.csv.dir = "{{Path.Combine(_cli.Root, "no-such-csv")}}" """);

        var error = Assert.Throws<CliException>(() => ProviderFactory.Create("csv", data, broker));

        Assert.Equal(ExitCodes.Problems, error.ExitCode);
    }
}

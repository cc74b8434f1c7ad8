using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;

namespace ActorTrader.Brokers.Tests.Paper;

public sealed class PaperBrokerSettingsTests
{
    private static readonly string DataDirectory = Path.Combine(Path.GetTempPath(), "paper-settings-data");

    private static Config Parse(string hocon) =>
        ConfigurationFactory.ParseString(hocon, new HoconParseOptions { SourceName = "node.conf", UseEnvironment = false }).Resolve();

    // The repository's hocon/reference.conf, linked next to the tests by the csproj.
    private static Config Reference() =>
        ConfigurationFactory.ParseFile(Path.Combine(AppContext.BaseDirectory, "TestData", "reference.conf"), new HoconParseOptions { UseEnvironment = false }).Resolve();

    [Fact]
    public void Without_the_section_the_defaults_apply_with_the_state_file_under_the_data_directory()
    {
        var (settings, problems) = PaperBrokerSettings.Read(Parse(""), DataDirectory);

        Assert.Empty(problems);
        Assert.Equal(Path.Combine(DataDirectory, "paper-broker.db"), settings.StateFile);
        Assert.Equal((100_000m, AccountKind.Margin, 2m, 5m, 1m, 0m, 0m, 0.1m),
            (settings.InitialCash, settings.AccountKind, settings.MarginMultiplier, settings.SlippageBps, settings.CommissionBps,
             settings.CommissionPerShare, settings.MinCommission, settings.MaxParticipation));
        Assert.Empty(settings.Assets);
    }

    [Fact]
    public void The_reference_conf_block_reads_without_problems_and_equals_the_code_defaults()
    {
        var (settings, problems) = PaperBrokerSettings.Read(Reference(), DataDirectory);

        Assert.Empty(problems);
        var defaults = PaperBrokerSettings.Default(Path.Combine(DataDirectory, PaperBrokerSettings.DefaultStateFile));
        Assert.Equal(defaults with { Assets = settings.Assets, NotShortable = settings.NotShortable }, settings);
        Assert.Equal(defaults.Assets, settings.Assets);
        Assert.Equal(defaults.NotShortable, settings.NotShortable);
    }

    [Fact]
    public void The_reference_conf_documents_every_paper_broker_key()
    {
        var reference = Reference();

        string[] keys = ["state-file", "account-id", "initial-cash", "account-kind", "margin-multiplier", "slippage-bps", "commission-bps",
            "commission-per-share", "min-commission", "max-participation", "assets", "not-shortable"];
        var missing = keys.Where(k => !reference.HasPath(PaperBrokerSettings.Section + "." + k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Values_are_read_typed()
    {
        var settings = PaperBrokerSettings.FromConfig(Parse("""
            actortrader.broker.paper {
              state-file = "/var/lib/at/paper.db", account-id = "paper-2", initial-cash = 2500.50, account-kind = cash
              margin-multiplier = 4, slippage-bps = 2.5, commission-bps = 0, commission-per-share = 0.005, min-commission = 1
              max-participation = 1, assets = ["nasdaq:msft", "NASDAQ:AAPL"], not-shortable = ["NASDAQ:AAPL"]
            }
            """), DataDirectory);

        Assert.Equal("/var/lib/at/paper.db", settings.StateFile);
        Assert.Equal(("paper-2", 2500.50m, AccountKind.Cash, 4m, 2.5m, 0m, 0.005m, 1m, 1m),
            (settings.AccountId, settings.InitialCash, settings.AccountKind, settings.MarginMultiplier, settings.SlippageBps, settings.CommissionBps,
             settings.CommissionPerShare, settings.MinCommission, settings.MaxParticipation));
        Assert.Equal([Symbol.Parse("NASDAQ:AAPL"), Symbol.Parse("NASDAQ:MSFT")], settings.Assets);
        Assert.Equal([Symbol.Parse("NASDAQ:AAPL")], settings.NotShortable);
    }

    [Fact]
    public void Every_bad_value_is_a_positioned_problem_with_a_fix()
    {
        var (settings, problems) = PaperBrokerSettings.Read(Parse("""
            actortrader.broker.paper {
              account-kind = margn
              slippage-bps = -1
              max-participation = 0
              margin-multiplier = 0.5
              initial-cash = lots
              assets = ["AAPL"]
            }
            """), DataDirectory);

        Assert.Equal(
            ["actortrader.broker.paper.account-kind", "actortrader.broker.paper.assets", "actortrader.broker.paper.initial-cash",
             "actortrader.broker.paper.margin-multiplier", "actortrader.broker.paper.max-participation", "actortrader.broker.paper.slippage-bps"],
            problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.StartsWith("node.conf:", p.Location, StringComparison.Ordinal));
        Assert.Contains("did you mean margin", problems.Single(p => p.Key!.EndsWith("account-kind", StringComparison.Ordinal)).Fix, StringComparison.Ordinal);
        Assert.Equal((AccountKind.Margin, 5m, 0.1m, 2m, 100_000m),
            (settings.AccountKind, settings.SlippageBps, settings.MaxParticipation, settings.MarginMultiplier, settings.InitialCash));
    }

    [Fact]
    public void From_config_throws_listing_the_problems()
    {
        var error = Assert.Throws<PaperBrokerSettingsException>(() =>
            PaperBrokerSettings.FromConfig(Parse("actortrader.broker.paper.commission-bps = 10000"), DataDirectory));

        Assert.Contains("actortrader.broker.paper.commission-bps", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Problems);
    }

    [Fact]
    public void Invalid_settings_are_refused_when_the_broker_opens()
    {
        var settings = PaperBrokerSettings.Default(Path.Combine(DataDirectory, "never-created.db")) with { MaxParticipation = 2m };

        var error = Assert.Throws<ArgumentException>(() => new PaperBroker(settings, TimeProvider.System));

        Assert.Contains("max-participation", error.Message, StringComparison.Ordinal);
    }
}

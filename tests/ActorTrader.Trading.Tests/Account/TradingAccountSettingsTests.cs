using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Trading.Accounts;

namespace ActorTrader.Trading.Tests.Accounts;

/// <summary>The trading-account keys of reference.conf, and a reader that only lets them get stricter.</summary>
public sealed class TradingAccountSettingsTests
{
    private static (TradingAccountSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string hocon) =>
        TradingAccountSettings.Read(ConfigurationFactory.ParseString(hocon));

    [Fact]
    public void The_shipped_reference_conf_reads_without_problems_and_equals_the_defaults()
    {
        var (settings, problems) = TradingAccountSettings.Read(ReferenceConfig.Load(new Dictionary<string, string?>()));

        Assert.Empty(problems);
        Assert.Equal(TradingAccountSettings.Default, settings);
    }

    [Fact]
    public void Missing_keys_take_the_defaults()
    {
        var (settings, problems) = Read("actortrader { }");

        Assert.Empty(problems);
        Assert.Equal(TradingAccountSettings.Default, settings);
    }

    [Fact]
    public void Require_reconciliation_cannot_be_turned_off()
    {
        var (settings, problems) = Read("actortrader.trading.account.require-reconciliation = off");

        Assert.True(settings.RequireReconciliation);
        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.trading.account.require-reconciliation", problem.Key);
        Assert.Contains("reconcile-on-start = off", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_read_from_the_configuration()
    {
        var (settings, problems) = Read("""
            actortrader.trading {
              account { reconcile-on-start = off, reconciliation-step-timeout = 2m }
              orders { snapshot-interval = 50, resolve-grace = 90s }
              broker-connection { min-backoff = 2s, max-backoff = 30s, random-factor = 0, max-in-flight = 4 }
            }
            """);

        Assert.Empty(problems);
        Assert.Equal((false, TimeSpan.FromMinutes(2)), (settings.ReconcileOnStart, settings.ReconciliationStepTimeout));
        Assert.Equal((50, TimeSpan.FromSeconds(90)), (settings.Orders.SnapshotInterval, settings.Orders.ResolveGrace));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 0d, 4),
            (settings.BrokerConnection.MinBackoff, settings.BrokerConnection.MaxBackoff, settings.BrokerConnection.RandomFactor, settings.BrokerConnection.MaxInFlight));
    }

    [Fact]
    public void Every_wrong_value_is_reported_with_its_key_and_the_default_is_kept()
    {
        var (settings, problems) = Read("""
            actortrader.trading {
              orders { snapshot-interval = 0, resolve-interval = 0s, fills-timeout = soon }
              broker-connection { min-backoff = 10s, max-backoff = 1s, random-factor = 2, max-buffered = 0, max-in-flight = 0 }
            }
            """);

        Assert.Equal(
            [
                "actortrader.trading.orders.snapshot-interval", "actortrader.trading.orders.resolve-interval", "actortrader.trading.orders.fills-timeout",
                "actortrader.trading.broker-connection.max-backoff", "actortrader.trading.broker-connection.random-factor",
                "actortrader.trading.broker-connection.max-buffered", "actortrader.trading.broker-connection.max-in-flight",
            ],
            problems.Select(p => p.Key));
        Assert.Equal(TradingAccountSettings.Default.Orders.SnapshotInterval, settings.Orders.SnapshotInterval);
        Assert.Equal(TradingAccountSettings.Default.Orders.FillsTimeout, settings.Orders.FillsTimeout);
    }

    [Fact]
    public void FromConfig_throws_listing_every_problem()
    {
        var config = ConfigurationFactory.ParseString("actortrader.trading.account { require-reconciliation = off, reconciliation-retry-interval = -1s }");

        var error = Assert.Throws<TradingAccountSettingsException>(() => TradingAccountSettings.FromConfig(config));

        Assert.Equal(2, error.Problems.Count);
    }
}

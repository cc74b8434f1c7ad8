using ActorTrader.Hocon;
using ActorTrader.Hosting.Checking;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Hosting.Tests.Checking;

/// <summary>config-check reads the trading sections the node reads (paper broker, account, ledger, backup, trading day, risk), and the live gate counts what it finds.</summary>
public sealed class TradingSectionsCheckTests : SectionCheckTestBase
{

    private IReadOnlyList<ConfigProblem> Check(string extra) => ConfigCheck.Run(Sources.For(Dir, Config(extra))).Problems;

    [Theory]
    [InlineData("trading.account.require-reconciliation = off", "actortrader.trading.account.require-reconciliation", "is not allowed")]
    [InlineData("trading.orders.snapshot-interval = 0", "actortrader.trading.orders.snapshot-interval", "must be at least 1")]
    [InlineData("trading.broker-connection.random-factor = 2", "actortrader.trading.broker-connection.random-factor", "is outside 0..1")]
    [InlineData("trading.ledger.account-kind = marign", "actortrader.trading.ledger.account-kind", "is not an account kind")]
    [InlineData("trading.backup.keep = 0", "actortrader.trading.backup.keep", "must be at least 1")]
    [InlineData("trading.day.rebalance.at = \"17:00\"", "actortrader.trading.day.rebalance.at", "is not between pre-market")]
    [InlineData("broker.paper.commission-bps = -1", "actortrader.broker.paper.commission-bps", "is out of range")]
    [InlineData("risk.max-position-weight = -0.2", "actortrader.risk.max-position-weight", "is out of range")]
    public void A_bad_trading_key_is_reported_at_its_line(string extra, string key, string message)
    {
        var problem = Assert.Single(Check(extra));

        Assert.Equal(key, problem.Key);
        Assert.Equal(3, problem.Position?.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.NotEmpty(problem.Fix);
    }

    [Fact]
    public void The_live_gate_refuses_a_configuration_whose_trading_day_config_check_rejects()
    {
        var sources = Sources.For(Dir, Config("trading.day.rebalance.at = \"17:00\""), new Dictionary<string, string?>
        {
            ["LIVE_TRADING"] = "1",
            [LiveGate.ConfirmVariable] = "token-1",
        });
        var broker = new BrokerSettings(BrokerSettings.AlpacaKind, new AlpacaSettings("id", "secret", "https://api.alpaca.markets", true) { LiveConfirmToken = "token-1" });

        var failure = Assert.Single(LiveGate.Failures(sources, broker, syntheticData: false));

        Assert.Contains("config-check found 1 problem(s)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_live_gate_passes_a_clean_configuration_with_every_confirmation()
    {
        var sources = Sources.For(Dir, Config(""), new Dictionary<string, string?>
        {
            ["LIVE_TRADING"] = "1",
            [LiveGate.ConfirmVariable] = "token-1",
        });
        var broker = new BrokerSettings(BrokerSettings.AlpacaKind, new AlpacaSettings("id", "secret", "https://api.alpaca.markets", true) { LiveConfirmToken = "token-1" });

        Assert.Empty(LiveGate.Failures(sources, broker, syntheticData: false));
    }
}

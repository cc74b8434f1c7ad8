using ActorTrader.Domain.Accounting;
using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Trading.Ledger;

namespace ActorTrader.Trading.Tests.Ledger;

public sealed class LedgerSettingsTests
{
    private static (LedgerSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string ledger) =>
        LedgerSettings.Read(ConfigurationFactory.ParseString(
            $"actortrader.trading.ledger {{ {ledger} }}", new HoconParseOptions { SourceName = "node.conf", UseEnvironment = false }));

    [Fact]
    public void Reference_conf_gives_the_documented_defaults_without_problems()
    {
        var (settings, problems) = LedgerSettings.Read(ReferenceConfig.Load(new Dictionary<string, string?>()));

        Assert.Empty(problems);
        Assert.Equal(LedgerSettings.Default, settings);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var (settings, problems) = Read("initial-cash = 2500.50, account-kind = margin, snapshot-every = 50, cash-tolerance = 0");

        Assert.Empty(problems);
        Assert.Equal(new LedgerSettings(2500.50m, AccountKind.Margin, 50, 0m), settings);
    }

    [Fact]
    public void An_unknown_account_kind_is_a_positioned_problem_and_keeps_the_default()
    {
        var (settings, problems) = Read("account-kind = marign");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.trading.ledger.account-kind", problem.Key);
        Assert.StartsWith("node.conf:1:", problem.Location, StringComparison.Ordinal);
        Assert.Equal(LedgerSettings.Default.Kind, settings.Kind);
    }

    [Fact]
    public void Negative_initial_cash_is_a_problem()
    {
        var (settings, problems) = Read("initial-cash = -1");

        Assert.Equal("actortrader.trading.ledger.initial-cash", Assert.Single(problems).Key);
        Assert.Equal(LedgerSettings.Default.InitialCash, settings.InitialCash);
    }

    [Fact]
    public void A_snapshot_interval_below_one_is_a_problem()
    {
        var (_, problems) = Read("snapshot-every = 0");

        Assert.Equal("actortrader.trading.ledger.snapshot-every", Assert.Single(problems).Key);
    }

    [Fact]
    public void Text_where_a_number_belongs_is_a_problem()
    {
        var (_, problems) = Read("cash-tolerance = lots");

        Assert.Equal("actortrader.trading.ledger.cash-tolerance", Assert.Single(problems).Key);
    }

    [Fact]
    public void The_default_account_kind_is_the_paper_brokers()
    {
        var paper = ActorTrader.Brokers.Paper.PaperBrokerSettings.Default(Path.Combine(Path.GetTempPath(), "unused-paper.db"));

        Assert.Equal(paper.AccountKind, LedgerSettings.Default.Kind);
        Assert.Equal(paper.AccountKind, LedgerSettings.Read(ReferenceConfig.Load(new Dictionary<string, string?>())).Settings.Kind);
    }
}

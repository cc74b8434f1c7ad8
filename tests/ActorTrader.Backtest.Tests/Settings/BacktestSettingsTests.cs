using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Settings;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;
using ActorTrader.Hocon;

namespace ActorTrader.Backtest.Tests.Settings;

public sealed class BacktestSettingsTests
{
    // The repository's hocon/reference.conf, copied next to the tests by the csproj.
    private static readonly string ReferencePath = Path.Combine(AppContext.BaseDirectory, "TestData", "reference.conf");

    private static Config Parse(string overrides = "") =>
        ConfigurationFactory.ParseString(overrides, new HoconParseOptions { SourceName = "node.conf" })
            .WithFallback(ConfigurationFactory.ParseFile(ReferencePath))
            .Resolve();

    [Fact]
    public void Reference_configuration_gives_the_built_in_defaults()
    {
        var settings = BacktestSettings.FromConfig(Parse());

        Assert.Equal(BacktestSettings.Default with { WalkForward = settings.WalkForward }, settings);
        Assert.Equal(BacktestSettings.Default.WalkForward, settings.WalkForward);
    }

    [Fact]
    public void Defaults_are_the_issues_costs()
    {
        var setup = BacktestSettings.Default.ToSimulatorSetup();

        Assert.Equal(5, setup.EventDriven.SlippageBps);
        Assert.Equal(1, setup.EventDriven.CommissionBps);
        Assert.Equal(AccountKind.Cash, setup.EventDriven.Account);
        Assert.False(setup.EventDriven.PartialFills);
    }

    [Fact]
    public void Values_are_read_typed()
    {
        var settings = BacktestSettings.FromConfig(Parse("""
            actortrader.backtest {
              simulator = vectorised, account = margin, rebalance = "every-5-bars", time-in-force = gtc
              partial-fills = on, participation = 0.25, lot-size = 0.001, initial-cash = 2500.50
              walk-forward { train-bars = 100, test-bars = 20, step-bars = 10, anchored = on }
            }
            """));

        Assert.Equal(SimulatorKind.Vectorised, settings.Simulator);
        Assert.Equal(AccountKind.Margin, settings.Account);
        Assert.Equal(RebalanceSchedule.Every(5), settings.Rebalance);
        Assert.Equal(TimeInForce.Gtc, settings.TimeInForce);
        Assert.Equal(0.001m, settings.ToSimulatorSetup().EventDriven.LotSize);
        Assert.Equal(2500.50m, settings.InitialCash);
        Assert.Equal((100, 20, 10, true), (settings.WalkForward.TrainBars, settings.WalkForward.TestBars, settings.WalkForward.StepBars, settings.WalkForward.Anchored));
    }

    [Fact]
    public void Every_bad_value_is_a_positioned_problem_with_a_fix()
    {
        var (_, problems) = BacktestSettings.Read(Parse("""
            actortrader.backtest {
              account = cahs
              participation = 0
              rebalance = fortnightly
              walk-forward { test-bars = 10, step-bars = 20 }
            }
            """));

        Assert.Equal(["actortrader.backtest.account", "actortrader.backtest.participation", "actortrader.backtest.rebalance", "actortrader.backtest.walk-forward.step-bars"],
            problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains("did you mean cash", problems.Single(p => p.Key!.EndsWith("account", StringComparison.Ordinal)).Fix, StringComparison.Ordinal);
        Assert.All(problems, p => Assert.StartsWith("node.conf:", p.Location, StringComparison.Ordinal));
    }

    [Fact]
    public void From_config_throws_listing_the_problems()
    {
        var e = Assert.Throws<BacktestSettingsException>(() => BacktestSettings.FromConfig(Parse("actortrader.backtest.slippage-bps = -1")));

        Assert.Contains("slippage-bps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tournament_targets_are_read_as_annualised_fractions()
    {
        var settings = BacktestSettings.FromConfig(Parse("actortrader.backtest.tournament { target-volatility = 0.2, target-return = 0.05 }"));

        Assert.Equal((0.2, 0.05), (settings.TournamentTargetVolatility, settings.TournamentTargetReturn));
    }

    [Fact]
    public void Reference_tournament_targets_are_fifteen_percent_volatility_and_ten_percent_return()
    {
        var settings = BacktestSettings.FromConfig(Parse());

        Assert.Equal((0.15, 0.10), (settings.TournamentTargetVolatility, settings.TournamentTargetReturn));
    }

    [Fact]
    public void Negative_tournament_targets_are_problems_with_a_fix()
    {
        var (settings, problems) = BacktestSettings.Read(Parse("actortrader.backtest.tournament { target-volatility = -0.1, target-return = -0.05 }"));

        Assert.Equal(["actortrader.backtest.tournament.target-return", "actortrader.backtest.tournament.target-volatility"],
            problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains("Set actortrader.backtest.tournament.target-volatility to a number above 0", problems.Single(p => p.Key!.EndsWith("volatility", StringComparison.Ordinal)).Fix, StringComparison.Ordinal);
        Assert.Contains("Set actortrader.backtest.tournament.target-return to a number from 0", problems.Single(p => p.Key!.EndsWith("return", StringComparison.Ordinal)).Fix, StringComparison.Ordinal);
        Assert.Equal((0.15, 0.10), (settings.TournamentTargetVolatility, settings.TournamentTargetReturn));
    }

    [Fact]
    public void Zero_target_volatility_is_a_problem()
    {
        var (_, problems) = BacktestSettings.Read(Parse("actortrader.backtest.tournament.target-volatility = 0"));

        Assert.Equal("actortrader.backtest.tournament.target-volatility", Assert.Single(problems).Key);
    }
}

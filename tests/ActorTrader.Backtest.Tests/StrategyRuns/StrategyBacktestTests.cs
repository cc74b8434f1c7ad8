using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.StrategyRuns;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Universe;
using ActorTrader.Backtest.Weights;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Replay;

namespace ActorTrader.Backtest.Tests.StrategyRuns;

public sealed class StrategyBacktestTests
{
    private static readonly BarPanel ThreeAssets = TestPanels.FromCloses([10, 11, 12, 13, 14, 15], [20, 21, 20, 21, 20, 21], [5, 5, 5, 5, 5, 5]);

    [Fact]
    public void Targets_above_a_gross_of_one_are_scaled_to_exactly_one()
    {
        var history = SignalReplay.Run(new ConstantTargets(1, -1, 0.5), ThreeAssets, ParameterSet.Empty);

        var weights = TargetWeights.From(history);

        Assert.Equal([0.4, -0.4, 0.2], weights.Row(3).ToArray()); // ÷ 2.5
    }

    [Fact]
    public void Targets_within_a_gross_of_one_are_kept_and_the_rest_is_cash()
    {
        var history = SignalReplay.Run(new ConstantTargets(0.3, 0.2, 0), ThreeAssets, ParameterSet.Empty);

        var weights = TargetWeights.From(history);

        Assert.Equal([0.3, 0.2, 0], weights.Row(0).ToArray());
    }

    [Fact]
    public void Universe_filter_zeroes_disallowed_symbols_before_normalising()
    {
        var history = SignalReplay.Run(new ConstantTargets(1, 1, 0), ThreeAssets, ParameterSet.Empty);
        var onlyA = new InMemoryUniverseFilter(
            ThreeAssets.Times.Select(t => new FeatureRow(t, TestPanels.Sym("A"), 10, 0.5)), UniverseRule.Any);

        var weights = TargetWeights.From(history, onlyA);

        Assert.Equal([1.0, 0, 0], weights.Row(2).ToArray());
    }

    [Fact]
    public void Peeking_strategy_is_stopped_by_the_point_in_time_panel()
    {
        var e = Assert.Throws<LookAheadException>(() =>
            StrategyBacktest.Run(new PeekingStrategy(), ParameterSet.Empty, ThreeAssets, new SimulatorSetup()));

        Assert.Equal(1, e.Requested - e.Now);
    }

    [Fact]
    public void Strategy_backtest_trades_the_replayed_targets()
    {
        var setup = new SimulatorSetup { Kind = SimulatorKind.Vectorised, Vectorised = new() { Rebalance = ActorTrader.Backtest.Rebalancing.RebalanceSchedule.Once } };

        var run = StrategyBacktest.Run(new ConstantTargets(0.5, 0, 0), ParameterSet.Empty, ThreeAssets, setup);

        Assert.Equal("constant", run.History.Strategy);
        Assert.Equal(0.5 * (15.0 / 10 - 1), (double)(run.Result.FinalEquity / 100_000m - 1), 6);
    }
}

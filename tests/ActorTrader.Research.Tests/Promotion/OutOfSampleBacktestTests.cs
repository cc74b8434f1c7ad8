using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.StrategyRuns;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Promotion.Statistics;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Fitness;

namespace ActorTrader.Research.Tests.Promotion;

public sealed class OutOfSampleBacktestTests
{
    private static readonly PlantedMarket Market = PlantedMarket.Create(seed: 5);

    [Fact]
    public void The_run_covers_exactly_the_out_of_sample_bars()
    {
        var run = OutOfSampleBacktest.Run(Market.Strategy, Market.Panel, Market.Window, Market.Optimum.Genome);

        Assert.Equal(756 - 504, run.Returns.Count);
        Assert.Equal(Market.Optimum.Genome.Key, run.Genome);
    }

    [Fact]
    public void The_returns_are_those_of_one_continuous_backtest_from_the_in_sample_start()
    {
        var setup = new SimulatorSetup { Kind = SimulatorKind.Vectorised, Vectorised = new VectorisedOptions { CostBps = FitnessSettings.Default.CostBps } };
        var full = StrategyBacktest.Run(Market.Strategy, Market.Optimum.Genome.Parameters, Market.Panel, setup).Result;

        var run = OutOfSampleBacktest.Run(Market.Strategy, Market.Panel, Market.Window, Market.Optimum.Genome);

        Assert.Equal(full.Returns.Skip(504), run.Returns);
        Assert.Equal(full.TradesByBar.Skip(504).Sum(), run.Trades);
    }

    [Fact]
    public void The_planted_optimum_validates_out_of_sample_against_a_worse_incumbent()
    {
        var candidate = OutOfSampleBacktest.Run(Market.Strategy, Market.Panel, Market.Window, Market.Optimum.Genome);
        var incumbent = OutOfSampleBacktest.Run(Market.Strategy, Market.Panel, Market.Window, Breakout.Genome(("hold_bars", 3)));

        var evidence = PromotionValidator.Validate(candidate.Returns, incumbent.Returns, candidate.Trades);

        Assert.True(evidence.Passed, string.Join(" ", evidence.Reasons));
        Assert.Equal(candidate.Sharpe, evidence.OutOfSampleSharpe, 12);
    }

    [Fact]
    public void A_panel_whose_prices_changed_since_pinning_is_refused()
    {
        var (open, high, low, close, volume) = TestPanels.Columns(Market.Panel);
        volume[0][600] += 1;
        var changed = TestPanels.Rebuild(Market.Panel, open, high, low, close, volume);

        Assert.Throws<PinnedWindowException>(() => OutOfSampleBacktest.Run(Market.Strategy, changed, Market.Window, Market.Optimum.Genome));
    }

    [Fact]
    public void A_panel_whose_bars_between_the_ranges_changed_since_pinning_is_refused()
    {
        // The run replays the bars between the in-sample and out-of-sample ranges: its first out-of-sample return starts
        // from the last of them, so a change there changes the evidence and must not pass the fingerprint check.
        var panel = TestPanels.RandomWalk(2, 60, seed: 7);
        var window = PinnedWindowFactory.Create(panel, DateOf(panel, 0), DateOf(panel, 29), DateOf(panel, 35), DateOf(panel, 59));
        var strategy = TestStrategy.Alternating();
        var (open, high, low, close, volume) = TestPanels.Columns(panel);
        close[0][34] *= 1.1;
        var changed = TestPanels.Rebuild(panel, open, high, low, close, volume);

        Assert.Throws<PinnedWindowException>(() => OutOfSampleBacktest.Run(strategy, changed, window, strategy.Genome()));
    }

    [Fact]
    public void A_genome_of_another_strategy_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => OutOfSampleBacktest.Run(Market.Strategy, Market.Panel, Market.Window, TestStrategy.Alternating().Genome()));

        Assert.Contains("is for strategy alternating, not relative_volume_breakout", e.Message, StringComparison.Ordinal);
    }

    private static DateOnly DateOf(ActorTrader.Strategies.Panel.BarPanel panel, int t) => DateOnly.FromDateTime(panel.Times[t].UtcDateTime);
}

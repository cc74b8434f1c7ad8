using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Universe;
using ActorTrader.Backtest.WalkForward;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.Tests.WalkForward;

public sealed class WalkForwardTests
{
    private static readonly SimulatorSetup Vectorised = new() { Kind = SimulatorKind.Vectorised };

    // Rises 1% a bar for 60 bars, then falls 1% a bar for 60 bars, with a small wiggle so no window is flat.
    private static BarPanel UpThenDown()
    {
        var closes = new double[120];
        var p = 100.0;
        for (var t = 0; t < 120; t++)
        {
            p *= (t < 60 ? 1.01 : 0.99) + (t % 2 == 0 ? 0.002 : -0.002);
            closes[t] = p;
        }
        return TestPanels.FromCloses(closes);
    }

    [Fact]
    public void Rolling_windows_keep_their_train_length()
    {
        var windows = new WalkForwardOptions(10, 5).Windows(TestPanels.Weekdays(27));

        Assert.Equal([(0, 10, 15), (5, 15, 20), (10, 20, 25)], windows.Select(w => (w.TrainStart, w.TrainEnd, w.TestEnd)));
    }

    [Fact]
    public void Anchored_windows_train_from_the_first_bar()
    {
        var windows = new WalkForwardOptions(10, 5, anchored: true).Windows(TestPanels.Weekdays(25));

        Assert.All(windows, w => Assert.Equal(0, w.TrainStart));
        Assert.Equal([10, 15, 20], windows.Select(w => w.TrainEnd));
    }

    [Fact]
    public void Step_longer_than_the_test_window_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WalkForwardOptions(10, 5, stepBars: 6));
    }

    [Fact]
    public void Too_little_data_for_one_window_says_so()
    {
        var e = Assert.Throws<ArgumentException>(() => new WalkForwardOptions(20, 10).Windows(TestPanels.Weekdays(29)));

        Assert.Contains("no walk-forward window", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_window_chooses_the_candidate_with_the_best_train_sharpe()
    {
        var candidates = new[] { LevelStrategy.Level(0), LevelStrategy.Level(1) };

        var result = WalkForwardRunner.Run(new LevelStrategy(), UpThenDown(), candidates, new WalkForwardOptions(30, 15), Vectorised);

        // Trained on the rise: long. Trained on the fall (from bar 60 on): flat beats a losing long.
        Assert.Equal(1, result.Windows[0].Chosen);
        Assert.Equal(0, result.Windows.Single(w => w.Window.TrainStart == 60).Chosen);
    }

    [Fact]
    public void Out_of_sample_returns_cover_exactly_the_test_bars()
    {
        var panel = UpThenDown();

        var result = WalkForwardRunner.Run(new LevelStrategy(), panel, [LevelStrategy.Level(1)], new WalkForwardOptions(30, 15), Vectorised);

        Assert.Equal(30, result.Windows[0].Window.TestStart);
        Assert.Equal(120 - 30, result.OutOfSample.Returns.Count);
        Assert.Equal(panel.Times[30], result.OutOfSample.Times[0]);
        Assert.Equal(result.Full.Returns.Skip(30), result.OutOfSample.Returns);
        Assert.All(result.Full.Returns.Take(30), r => Assert.Equal(0, r)); // nothing held before the first test bar
    }

    [Fact]
    public void The_position_over_each_test_bar_comes_from_that_windows_choice()
    {
        var candidates = new[] { LevelStrategy.Level(0.25), LevelStrategy.Level(1) };
        var chooser = new ByWindow(w => w.Index % 2); // 0.25, 1, 0.25, …

        var panel = UpThenDown();
        var closes = panel.AsOf(panel.TimeCount - 1).Close(0);

        var result = WalkForwardRunner.Run(new LevelStrategy(), panel, candidates, new WalkForwardOptions(30, 15), Vectorised, chooser);

        // Held over bar t (traded at its start, daily) and drifted to its close: w (1 + r) / (1 + w r).
        foreach (var w in result.Windows)
        {
            var expected = w.Window.Index % 2 == 0 ? 0.25 : 1;
            for (var t = w.Window.TestStart; t < w.Window.TestEnd; t++)
            {
                var r = closes[t] / closes[t - 1] - 1;
                Assert.Equal(expected * (1 + r) / (1 + expected * r), result.Full.HoldingsAt(t)[0], 12);
            }
        }
    }

    [Fact]
    public void Universe_filter_applies_at_every_decision()
    {
        var panel = UpThenDown();
        var nothing = new InMemoryUniverseFilter([], UniverseRule.Any);

        var result = WalkForwardRunner.Run(new LevelStrategy(), panel, [LevelStrategy.Level(1)], new WalkForwardOptions(30, 15), Vectorised, universe: nothing);

        Assert.All(result.OutOfSample.Returns, r => Assert.Equal(0, r));
    }

    [Fact]
    public void Event_driven_walk_forward_trades_through_orders()
    {
        var result = WalkForwardRunner.Run(new LevelStrategy(), UpThenDown(), [LevelStrategy.Level(1)], new WalkForwardOptions(30, 15), new SimulatorSetup());

        Assert.NotEmpty(result.OutOfSample.Fills);
        Assert.True(result.OutOfSample.Fills[0].Time >= result.OutOfSample.Times[0]);
    }

    [Fact]
    public void Out_of_sample_statistics_pay_for_the_trade_that_opens_the_first_test_window()
    {
        var setup = Vectorised with { Vectorised = new() { CostBps = 10 } };

        var result = WalkForwardRunner.Run(new LevelStrategy(), UpThenDown(), [LevelStrategy.Level(1)], new WalkForwardOptions(30, 15), setup);

        // Flat until the first test window: the out-of-sample run starts from the untouched capital and buys in its first bar.
        Assert.Equal(100_000m, result.OutOfSample.InitialCash);
        Assert.Equal(1.0, result.OutOfSample.Turnover[0], 12);
    }

    [Fact]
    public void Out_of_sample_orders_include_those_of_its_fills()
    {
        var result = WalkForwardRunner.Run(new LevelStrategy(), UpThenDown(), [LevelStrategy.Level(1)], new WalkForwardOptions(30, 15), new SimulatorSetup());

        var orderIds = result.OutOfSample.Orders.Select(o => o.Request.ClientOrderId).ToHashSet();
        Assert.All(result.OutOfSample.Fills, f => Assert.Contains(f.ClientOrderId, orderIds));
        Assert.All(result.OutOfSample.Orders, o => Assert.True(o.DecisionTime < result.OutOfSample.Times[^1]));
    }

    private sealed class ByWindow(Func<WalkForwardWindow, int> choose) : IWalkForwardSelector
    {
        public int Choose(WalkForwardWindow window, IReadOnlyList<CandidateScore> scores) => choose(window);
    }
}

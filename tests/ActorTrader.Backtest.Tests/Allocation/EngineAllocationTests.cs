using ActorTrader.Backtest.Allocation;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Backtest.Tests.Allocation;

public sealed class EngineAllocationTests
{
    private static readonly ReturnsMatrix Returns = ReturnsMatrix.FromPanel(RandomPanels.Create(4, 3, 40));

    [Fact]
    public void Engine_weights_start_once_the_lookback_is_complete()
    {
        var weights = EngineAllocation.Weights(new EqualWeightOptimizer(), Returns, RebalanceSchedule.Every(5), lookback: 10);

        Assert.Equal([0, 0, 0], weights.Row(9).ToArray()); // bar 10 is the first rebalance with 10 bars behind it
        Assert.Equal(1.0 / 3, weights.Row(10)[0], 12);
        Assert.Equal(weights.Row(10).ToArray(), weights.Row(14).ToArray()); // held between rebalances
    }

    [Fact]
    public void Candidates_limit_what_the_engine_allocates_among()
    {
        var weights = EngineAllocation.Weights(new EqualWeightOptimizer(), Returns, RebalanceSchedule.Every(5), 10, (t, s) => s != 1);

        Assert.Equal([0.5, 0, 0.5], weights.Row(20).ToArray());
    }

    [Fact]
    public void A_single_candidate_gets_everything()
    {
        var weights = EngineAllocation.Weights(new MinimumVolatilityOptimizer(), Returns, RebalanceSchedule.Every(5), 10, (t, s) => s == 2);

        Assert.Equal([0, 0, 1.0], weights.Row(30).ToArray());
    }

    [Fact]
    public void Asset_without_a_full_window_of_returns_is_left_out()
    {
        var closes = new[] { Enumerable.Range(0, 30).Select(i => 10.0 + i).ToArray(), Enumerable.Range(0, 30).Select(i => i < 15 ? double.NaN : 10.0 + i % 3).ToArray() };
        var returns = ReturnsMatrix.FromPanel(TestPanels.FromCloses(closes));

        var weights = EngineAllocation.Weights(new EqualWeightOptimizer(), returns, RebalanceSchedule.Every(5), 10);

        Assert.Equal([1.0, 0], weights.Row(20).ToArray()); // B has returns from bar 16 only
        Assert.Equal([0.5, 0.5], weights.Row(25).ToArray());
    }

    [Fact]
    public void Once_is_refused_because_an_engine_re_optimises()
    {
        Assert.Throws<ArgumentException>(() => EngineAllocation.Weights(new EqualWeightOptimizer(), Returns, RebalanceSchedule.Once, 10));
    }
}

using ActorTrader.Quant.Metrics;

namespace ActorTrader.Quant.Tests.Metrics;

public class TurnoverTests
{
    [Fact]
    public void Turnover_is_the_sum_of_absolute_weight_changes()
    {
        Assert.Equal(1.0, Turnover.Between([0.5, 0.5, 0], [0, 0.5, 0.5]), 12);
    }

    [Fact]
    public void Flipping_a_long_into_a_short_trades_twice_the_position()
    {
        Assert.Equal(2.0, Turnover.Between([1.0], [-1.0]), 12);
    }

    [Fact]
    public void Average_turnover_is_per_rebalance()
    {
        // Changes 1.0, 0, 1.0 over three rebalances.
        Assert.Equal(2.0 / 3, Turnover.Average([[1.0, 0], [0.5, 0.5], [0.5, 0.5], [0, 1.0]]), 12);
    }

    [Fact]
    public void Mismatched_weight_vectors_name_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => Turnover.Between([0.5, 0.5], [1.0]));
        Assert.Equal("next", e.ParamName);
    }
}

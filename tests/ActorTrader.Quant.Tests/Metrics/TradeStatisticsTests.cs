using ActorTrader.Quant.Metrics;

namespace ActorTrader.Quant.Tests.Metrics;

public class TradeStatisticsTests
{
    private static readonly double[] Trades = [0.02, -0.01, 0.03, -0.02, 0.0, double.NaN];

    [Fact]
    public void Profit_factor_is_gains_over_losses()
    {
        Assert.Equal(0.05 / 0.03, TradeStatistics.ProfitFactor(Trades), 12);
    }

    [Fact]
    public void Win_rate_counts_flat_periods_as_not_winning_and_ignores_missing()
    {
        Assert.Equal(0.4, TradeStatistics.WinRate(Trades), 12);
    }

    [Fact]
    public void Profit_factor_without_losses_is_infinite()
    {
        Assert.Equal(double.PositiveInfinity, TradeStatistics.ProfitFactor([0.01, 0.0]));
    }
}

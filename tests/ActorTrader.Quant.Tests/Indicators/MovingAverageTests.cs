using ActorTrader.Quant.Indicators;

namespace ActorTrader.Quant.Tests.Indicators;

public class MovingAverageTests
{
    // StockCharts "Moving Averages - Simple and Exponential" worked example (10-day EMA of these 30 closes).
    private static readonly double[] StockChartsCloses =
    [
        22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38, 22.61, 23.36,
        24.05, 23.75, 23.83, 23.95, 23.63, 23.82, 23.87, 23.65, 23.19, 23.10, 23.33, 22.68, 23.10, 22.40, 22.17,
    ];

    [Fact]
    public void Simple_average_has_a_warm_up_of_period_minus_one()
    {
        var sma = MovingAverage.Simple([1, 2, 3, 4, 5], 3);
        Assert.True(double.IsNaN(sma[0]) && double.IsNaN(sma[1]));
        Assert.Equal([2.0, 3.0, 4.0], sma[2..]);
    }

    [Fact]
    public void Exponential_average_is_seeded_with_the_simple_average()
    {
        // Seed at index 2 = (2 + 4 + 9)/3 = 5; α = 0.5: 0.5·1 + 0.5·5 = 3; 0.5·7 + 0.5·3 = 5.
        var ema = MovingAverage.Exponential([2, 4, 9, 1, 7], 3);
        Assert.Equal([5.0, 3.0, 5.0], ema[2..]);
        Assert.True(double.IsNaN(ema[1]));
    }

    [Fact]
    public void Exponential_average_reproduces_the_StockCharts_worked_example()
    {
        double[] published = [22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.80, 22.97, 23.13, 23.28, 23.34, 23.43, 23.51, 23.54, 23.47, 23.40, 23.39, 23.26, 23.23, 23.08, 22.92];
        var ema = MovingAverage.Exponential(StockChartsCloses, 10);
        for (var i = 0; i < published.Length; i++) Assert.Equal(published[i], ema[9 + i], 0.011); // published to 2 dp
    }

    [Fact]
    public void Weighted_average_weights_the_newest_most()
    {
        // (1·1 + 2·2 + 3·3)/6 and (1·2 + 2·3 + 3·4)/6.
        var wma = MovingAverage.Weighted([1, 2, 3, 4], 3);
        Assert.Equal(14.0 / 6, wma[2], 12);
        Assert.Equal(20.0 / 6, wma[3], 12);
    }

    [Fact]
    public void Wilder_average_uses_one_over_period()
    {
        // Seed (3 + 6)/2 = 4.5, then (4.5·1 + 9)/2 = 6.75.
        Assert.Equal(6.75, MovingAverage.Wilder([3, 6, 9], 2)[2], 12);
    }

    [Fact]
    public void Hull_average_matches_an_independent_loop()
    {
        var hma = MovingAverage.Hull(SampleBars.Close, 9);
        SampleBars.AssertWarmUp(hma, 10);
        Assert.Equal(103.4030097158, hma[10], 9);
        Assert.Equal(112.8016979506, hma[39], 9);
    }

    [Fact]
    public void Volume_weighted_average_matches_an_independent_loop()
    {
        var vwma = MovingAverage.VolumeWeighted(SampleBars.Close, SampleBars.Volume, 5);
        Assert.Equal(103.6138193936, vwma[4], 9);
        Assert.Equal(110.3732555480, vwma[39], 9);
    }

    [Fact]
    public void Missing_price_is_rejected_with_its_index()
    {
        var e = Assert.Throws<ArgumentException>(() => MovingAverage.Simple([1, double.NaN, 3], 2));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("values[1]", e.Message, StringComparison.Ordinal);
    }
}

using ActorTrader.Quant.Indicators;

namespace ActorTrader.Quant.Tests.Indicators;

public class OscillatorTests
{
    // StockCharts "Relative Strength Index" worked example (14-day RSI).
    private static readonly double[] RsiCloses =
    [
        44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28, 46.00, 46.03,
        46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13,
    ];

    [Fact]
    public void Rsi_reproduces_the_StockCharts_worked_example()
    {
        var rsi = RelativeStrengthIndex.Compute(RsiCloses);
        Assert.True(double.IsNaN(rsi[13]));
        // StockCharts shows 70.53 because its sheet rounds the first averages to 0.24 and 0.10; unrounded it is 70.46.
        Assert.Equal(70.53, rsi[14], 0.1);
        // Later values no longer depend on that rounding and match the published 2-decimal figures.
        Assert.Equal(33.09, rsi[31], 0.006);
        Assert.Equal(37.79, rsi[32], 0.006);
    }

    [Fact]
    public void Rsi_matches_an_independent_loop_on_the_sample_bars()
    {
        var rsi = RelativeStrengthIndex.Compute(SampleBars.Close, 5);
        SampleBars.AssertWarmUp(rsi, 5);
        Assert.Equal(100, rsi[5], 12); // the first five changes are all gains
        Assert.Equal(97.5423923062, rsi[6], 9);
        Assert.Equal(88.5064529795, rsi[39], 9);
    }

    [Fact]
    public void Rsi_of_a_flat_series_is_neutral()
    {
        Assert.Equal(50, RelativeStrengthIndex.Compute([5, 5, 5, 5], 2)[3]);
    }

    [Fact]
    public void Macd_matches_an_independent_loop()
    {
        var macd = Macd.Compute(SampleBars.Close, 3, 6, 4);
        SampleBars.AssertWarmUp(macd.Line, 5);
        SampleBars.AssertWarmUp(macd.Signal, 8);
        Assert.Equal(1.7477031209, macd.Line[5], 9);
        Assert.Equal(1.1297098379, macd.Signal[8], 9);
        Assert.Equal(1.0842060426, macd.Signal[39], 9);
        Assert.Equal(1.7229459000 - 1.0842060426, macd.Histogram[39], 9);
    }

    [Fact]
    public void Macd_defaults_are_12_26_9()
    {
        var close = Enumerable.Range(0, 60).Select(i => 100 + Math.Sin(i / 4.0)).ToArray();
        var macd = Macd.Compute(close);
        var expected = MovingAverage.Exponential(close, 12)[40] - MovingAverage.Exponential(close, 26)[40];
        Assert.Equal(expected, macd.Line[40], 12);
        Assert.True(double.IsNaN(macd.Signal[32]));
        Assert.False(double.IsNaN(macd.Signal[33]));
    }

    [Fact]
    public void Stochastic_matches_an_independent_loop()
    {
        var s = Stochastic.Compute(SampleBars.High, SampleBars.Low, SampleBars.Close, 5, 3, 2);
        SampleBars.AssertWarmUp(s.K, 6);
        SampleBars.AssertWarmUp(s.D, 7);
        Assert.Equal(80.5416152616, s.K[6], 9);
        Assert.Equal(73.8940573220, s.D[7], 9);
        Assert.Equal(84.8597415431, s.K[39], 9);
        Assert.Equal(83.7672726582, s.D[39], 9);
    }

    [Fact]
    public void Williams_percent_range_matches_an_independent_loop()
    {
        var wr = WilliamsPercentRange.Compute(SampleBars.High, SampleBars.Low, SampleBars.Close, 5);
        SampleBars.AssertWarmUp(wr, 4);
        Assert.Equal(-15.8209028789, wr[4], 9);
        Assert.Equal(-11.8499157625, wr[39], 9);
    }

    [Fact]
    public void Williams_percent_range_by_hand()
    {
        // HH = 12, LL = 8, C = 9: −100·(12 − 9)/(12 − 8) = −75.
        Assert.Equal(-75, WilliamsPercentRange.Compute([10, 12], [8, 9], [9, 9], 2)[1], 12);
    }

    [Fact]
    public void Cci_matches_an_independent_loop()
    {
        var cci = CommodityChannelIndex.Compute(SampleBars.High, SampleBars.Low, SampleBars.Close, 5);
        SampleBars.AssertWarmUp(cci, 4);
        Assert.Equal(93.4605758267, cci[4], 8);
        Assert.Equal(108.3540854733, cci[39], 8);
    }

    [Fact]
    public void Cci_by_hand()
    {
        // TP = 1, 2, 6 (H = L = C): SMA 3, mean deviation (2 + 1 + 3)/3 = 2 → (6 − 3)/(0.015·2) = 100.
        Assert.Equal(100, CommodityChannelIndex.Compute([1, 2, 6], [1, 2, 6], [1, 2, 6], 3)[2], 9);
    }

    [Fact]
    public void Momentum_and_rate_of_change_compare_with_the_lagged_close()
    {
        double[] c = [10, 11, 12, 15];
        Assert.Equal([double.NaN, double.NaN, 2.0, 4.0], PriceChange.Momentum(c, 2));
        Assert.Equal(100 * (15.0 / 11 - 1), PriceChange.RateOfChange(c, 2)[3], 12);
    }

    [Fact]
    public void Awesome_oscillator_matches_an_independent_loop()
    {
        var ao = AwesomeOscillator.Compute(SampleBars.High, SampleBars.Low, 3, 5);
        SampleBars.AssertWarmUp(ao, 4);
        Assert.Equal(1.5674682974, ao[4], 9);
        Assert.Equal(1.8348195010, ao[39], 9);
    }

    [Fact]
    public void Ultimate_oscillator_matches_an_independent_loop()
    {
        var uo = UltimateOscillator.Compute(SampleBars.High, SampleBars.Low, SampleBars.Close, 2, 4, 6);
        SampleBars.AssertWarmUp(uo, 6);
        Assert.Equal(50.4409489584, uo[6], 9);
        Assert.Equal(58.7259995060, uo[39], 9);
    }

    [Fact]
    public void Stochastic_rsi_matches_an_independent_loop()
    {
        var s = StochasticRsi.Compute(SampleBars.Close, 2, 2, 5, 4);
        SampleBars.AssertWarmUp(s.K, 9);
        SampleBars.AssertWarmUp(s.D, 10);
        Assert.Equal(5.2180904852, s.K[33], 9);
        Assert.Equal(55.2180904852, s.K[34], 9);
        Assert.Equal(30.2180904852, s.D[34], 9);
    }

    [Fact]
    public void Bull_bear_power_matches_an_independent_loop()
    {
        var b = BullBearPower.Compute(SampleBars.High, SampleBars.Low, SampleBars.Close, 5);
        Assert.Equal(4.0275379312, b.BullPower[4], 9);
        Assert.Equal(1.6025589534, b.BearPower[39], 9);
        Assert.Equal(4.2177781127 + 1.6025589534, b.Total[39], 9);
    }
}

using ActorTrader.Quant.Indicators;

namespace ActorTrader.Quant.Tests.Indicators;

public class VolatilityIndicatorTests
{
    [Fact]
    public void True_range_uses_the_previous_close_when_it_gaps()
    {
        // Bar 1 gaps up: H − L = 1 but H − C_prev = 13 − 10 = 3.
        var tr = AverageTrueRange.TrueRange([11, 13], [9, 12], [10, 12.5]);
        Assert.Equal([2.0, 3.0], tr);
    }

    [Fact]
    public void Atr_matches_wilders_running_average()
    {
        var atr = AverageTrueRange.Compute(SampleBars.High, SampleBars.Low, SampleBars.Close, 5);
        SampleBars.AssertWarmUp(atr, 4);
        Assert.Equal(2.8571597603, atr[4], 9);
        Assert.Equal(2.8099864543, atr[5], 9);
        Assert.Equal(2.9252220660, atr[39], 9);
    }

    [Fact]
    public void Adx_matches_wilders_running_sums()
    {
        var dmi = DirectionalMovement.Compute(SampleBars.High, SampleBars.Low, SampleBars.Close, 5);
        SampleBars.AssertWarmUp(dmi.PlusDI, 5);
        SampleBars.AssertWarmUp(dmi.Adx, 9);
        Assert.Equal(42.4712417192, dmi.PlusDI[5], 9);
        Assert.Equal(0, dmi.MinusDI[5], 12);
        Assert.Equal(41.9361544980, dmi.PlusDI[39], 9);
        Assert.Equal(5.8680683354, dmi.MinusDI[39], 9);
        Assert.Equal(59.3885501459, dmi.Adx[9], 9);
        Assert.Equal(52.3942554815, dmi.Adx[39], 9);
    }

    [Fact]
    public void Bollinger_bands_use_the_population_deviation()
    {
        // [1..5]: mean 3, population variance 2 → bands 3 ± 2√2.
        var bb = BollingerBands.Compute([1, 2, 3, 4, 5], 5);
        Assert.Equal(3, bb.Middle[4], 12);
        Assert.Equal(3 + 2 * Math.Sqrt(2), bb.Upper[4], 12);
        Assert.Equal(3 - 2 * Math.Sqrt(2), bb.Lower[4], 12);
        Assert.True(double.IsNaN(bb.Upper[3]));
    }

    [Fact]
    public void Bollinger_bands_match_an_independent_loop()
    {
        var bb = BollingerBands.Compute(SampleBars.Close, 5);
        Assert.Equal(110.0696454922, bb.Middle[39], 9);
        Assert.Equal(115.2271487031, bb.Upper[39], 9);
    }

    [Fact]
    public void Rolling_z_score_uses_the_sample_deviation_of_the_window()
    {
        // [1,2,3]: mean 2, sd 1 → 1. [3,4,10]: mean 17/3, sd √(43/3) → (10 − 17/3)/√(43/3).
        var z = RollingZScore.Compute([1, 2, 3, 4, 10], 3);
        Assert.Equal(1, z[2], 12);
        Assert.Equal((10 - 17.0 / 3) / Math.Sqrt(43.0 / 3), z[4], 12);
        Assert.True(double.IsNaN(z[1]));
    }

    [Fact]
    public void Cumulative_vwap_matches_an_independent_loop()
    {
        var vwap = Vwap.Cumulative(SampleBars.Bars());
        Assert.Equal(100.1666666667, vwap[0], 9);
        Assert.Equal(105.9559276918, vwap[39], 9);
    }

    [Fact]
    public void Session_vwap_restarts_when_the_session_changes()
    {
        var sessions = Enumerable.Range(0, SampleBars.Count).Select(i => (long)(i / 10)).ToArray();
        var vwap = Vwap.Session(SampleBars.Bars(), sessions);
        Assert.Equal(104.5690843013, vwap[9], 9);
        Assert.Equal(102.0963352553, vwap[10], 9);
        Assert.Equal(107.6500337359, vwap[39], 9);
        // First bar of a session is its own typical price.
        Assert.Equal((SampleBars.High[10] + SampleBars.Low[10] + SampleBars.Close[10]) / 3, vwap[10], 12);
    }

    [Fact]
    public void Ichimoku_base_line_is_the_donchian_midpoint()
    {
        var baseLine = Ichimoku.BaseLine(SampleBars.High, SampleBars.Low, 5);
        Assert.Equal(103.1932556586, baseLine[4], 9);
        Assert.Equal(110.1521755422, baseLine[39], 9);
    }

    [Fact]
    public void Bars_with_misaligned_columns_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new PriceBars([1, 2], [1, 2], [1, 2], [1, 2], [1]));
        Assert.Equal("volume", e.ParamName);
    }
}

using ActorTrader.Quant.TimeSeries;

namespace ActorTrader.Quant.Tests.TimeSeries;

public sealed class TimeSeriesFeatureTests
{
    private static readonly double[] Prices = [100, 102, 101, 105, 104, 108];

    [Fact]
    public void A_lag_shifts_the_series_and_leaves_the_warm_up_nan()
    {
        var lagged = Lags.Lag(Prices, 2);

        Assert.True(double.IsNaN(lagged[0]) && double.IsNaN(lagged[1]));
        Assert.Equal([100, 102, 101, 105], lagged[2..]);
    }

    [Fact]
    public void Lagged_returns_are_simple_returns_over_the_horizon_ending_lag_bars_ago()
    {
        var twoDay = Lags.LaggedReturn(Prices, 2);
        var oneDayAgo = Lags.LaggedReturn(Prices, 1, lag: 1);

        Assert.Equal(101.0 / 100 - 1, twoDay[2], 12);
        Assert.Equal(108.0 / 105 - 1, twoDay[5], 12);
        Assert.Equal(104.0 / 105 - 1, oneDayAgo[5], 12);
        Assert.True(double.IsNaN(oneDayAgo[1]));
    }

    [Fact]
    public void Differences_of_order_two_and_seasonal_differences()
    {
        Assert.Equal([double.NaN, double.NaN, -3, 5, -5, 5], Lags.Difference(Prices, order: 2));
        Assert.Equal([double.NaN, double.NaN, 1, 3, 3, 3], Lags.Difference(Prices, period: 2));
    }

    [Fact]
    public void Rolling_moments_match_hand_computed_values()
    {
        double[] x = [1, 2, 3, 4, 10];

        var mean = RollingMoments.Mean(x, 3);
        var std = RollingMoments.StandardDeviation(x, 3);
        var skew = RollingMoments.Skewness(x, 5);

        Assert.Equal([double.NaN, double.NaN, 2, 3, 17.0 / 3], mean);
        Assert.Equal(1, std[2], 12);
        // Window 3,4,10: mean 17/3, sample variance ((−8/3)²+(−5/3)²+(13/3)²)/2 = 43/3.
        Assert.Equal(Math.Sqrt(43.0 / 3), std[4], 12);
        // G1 of 1,2,3,4,10: mean 4, deviations -3,-2,-1,0,6, s = sqrt(50/4); 5/(4·3) · Σd³/s³ = 5/12 · 180/12.5^1.5 = 1.69706.
        Assert.Equal(5.0 / 12 * 180 / Math.Pow(12.5, 1.5), skew[4], 10);
        Assert.Equal(1.69706, skew[4], 5);
    }

    [Fact]
    public void A_window_with_a_missing_value_is_nan_and_a_flat_window_has_no_skew()
    {
        Assert.True(double.IsNaN(RollingMoments.Mean([1, double.NaN, 3], 2)[1]));
        Assert.True(double.IsNaN(RollingMoments.Skewness([2, 2, 2], 3)[2]));
    }

    [Fact]
    public void Month_and_quarter_ends_are_the_last_dates_before_the_month_changes()
    {
        DateOnly[] dates = [new(2024, 3, 27), new(2024, 3, 28), new(2024, 4, 1), new(2024, 4, 29), new(2024, 4, 30)];

        Assert.Equal([false, true, false, false, true], CalendarFlags.MonthEnd(dates));
        Assert.Equal([false, true, false, false, false], CalendarFlags.QuarterEnd(dates));
    }

    [Fact]
    public void Dates_that_do_not_increase_are_refused_with_the_position()
    {
        var error = Assert.Throws<ArgumentException>(() => CalendarFlags.MonthEnd([new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 2)]));

        Assert.Contains("2024-01-02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_additive_decomposition_recovers_a_planted_linear_trend_and_seasonal_pattern()
    {
        double[] season = [3, -1, -2, 0];
        var x = Enumerable.Range(0, 24).Select(t => 10 + 0.5 * t + season[t % 4]).ToArray();

        var parts = SeasonalDecomposition.Additive(x, 4);

        Assert.Equal(season, parts.Seasonal[..4].Select(v => Math.Round(v, 10)));
        Assert.Equal(10 + 0.5 * 10, parts.Trend[10], 10);
        Assert.True(double.IsNaN(parts.Trend[0]) && double.IsNaN(parts.Trend[23]));
        Assert.All(parts.Remainder.Where(r => !double.IsNaN(r)), r => Assert.Equal(0, r, 10));
    }

    [Fact]
    public void The_feature_set_names_every_column_and_uses_no_later_price()
    {
        var dates = Enumerable.Range(0, 80).Select(i => new DateOnly(2024, 1, 1).AddDays(i)).ToArray();
        var closes = Enumerable.Range(0, 80).Select(i => 100 + Math.Sin(i / 3.0) * 5).ToArray();

        var features = TimeSeriesFeatures.Compute(dates, closes);
        var changed = closes.ToArray();
        changed[79] = 1_000;
        var after = TimeSeriesFeatures.Compute(dates, changed);

        Assert.Contains("ret_skew_60", features.Keys);
        Assert.Contains("ret_1_lag_20", features.Keys);
        Assert.Contains("quarter_end", features.Keys);
        Assert.Equal(4 * 3 + 4 * 3 + 3, features.Count);
        // Changing the last close changes nothing before it.
        Assert.All(features.Keys, name => Assert.Equal(features[name][..79], after[name][..79]));
    }
}

using System.Globalization;

namespace ActorTrader.Quant.TimeSeries;

/// <summary>
/// The point-in-time features of one daily price series, by column name; each value at t uses prices up to t only
/// (the seasonal decomposition, whose centred trend looks ahead, is therefore not one of them):
/// <c>close_lag_k</c>, <c>ret_1_lag_k</c> (the one-day return k days ago) and <c>ret_k</c> (the k-day return) for each lag;
/// <c>ret_mean_w</c>, <c>ret_std_w</c>, <c>ret_skew_w</c> of daily returns for each window; <c>diff_1</c>;
/// <c>month_end</c> and <c>quarter_end</c> (1 or 0).
/// </summary>
public static class TimeSeriesFeatures
{
    public static IReadOnlyList<int> DefaultLags { get; } = [1, 5, 10, 20];

    public static IReadOnlyList<int> DefaultWindows { get; } = [5, 10, 20, 60];

    public static IReadOnlyDictionary<string, double[]> Compute(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> closes, IReadOnlyList<int>? lags = null, IReadOnlyList<int>? windows = null)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(closes);
        if (dates.Count != closes.Count)
            throw new ArgumentException($"{dates.Count} dates but {closes.Count} closes: each close needs its date.", nameof(closes));
        var columns = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        var daily = Lags.LaggedReturn(closes, 1);
        foreach (var k in lags ?? DefaultLags)
        {
            columns[Name("close_lag", k)] = Lags.Lag(closes, k);
            columns[Name("ret_1_lag", k)] = Lags.Lag(daily, k);
            columns[Name("ret", k)] = Lags.LaggedReturn(closes, k);
        }
        foreach (var w in windows ?? DefaultWindows)
        {
            columns[Name("ret_mean", w)] = RollingMoments.Mean(daily, w);
            columns[Name("ret_std", w)] = RollingMoments.StandardDeviation(daily, w);
            columns[Name("ret_skew", w)] = RollingMoments.Skewness(daily, w);
        }
        columns["diff_1"] = Lags.Difference(closes);
        columns["month_end"] = [.. CalendarFlags.MonthEnd(dates).Select(f => f ? 1.0 : 0.0)];
        columns["quarter_end"] = [.. CalendarFlags.QuarterEnd(dates).Select(f => f ? 1.0 : 0.0)];
        return columns;
    }

    private static string Name(string prefix, int n) => prefix + "_" + n.ToString(CultureInfo.InvariantCulture);
}

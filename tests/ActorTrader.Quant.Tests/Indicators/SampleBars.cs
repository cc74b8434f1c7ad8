using ActorTrader.Quant.Indicators;

namespace ActorTrader.Quant.Tests.Indicators;

/// <summary>
/// A deterministic 40-bar OHLCV series: close_i = 100 + 5·sin(i/3) + 0.3·i, high = close + 1 + 0.5|cos i|,
/// low = close − 1 − 0.5|sin i|, volume = 1000 + 100·(i mod 7). Expected values in the tests were produced by an
/// independent plain-loop Python script written from the textbook definitions (Wilder's running sums for ATR/ADX).
/// </summary>
internal static class SampleBars
{
    public const int Count = 40;

    public static double[] Close { get; } = [.. Enumerable.Range(0, Count).Select(i => 100 + 5 * Math.Sin(i / 3.0) + 0.3 * i)];

    public static double[] High { get; } = [.. Enumerable.Range(0, Count).Select(i => Close[i] + 1 + 0.5 * Math.Abs(Math.Cos(i)))];

    public static double[] Low { get; } = [.. Enumerable.Range(0, Count).Select(i => Close[i] - 1 - 0.5 * Math.Abs(Math.Sin(i)))];

    public static double[] Volume { get; } = [.. Enumerable.Range(0, Count).Select(i => 1000.0 + 100 * (i % 7))];

    public static PriceBars Bars() => new(Close, High, Low, Close, Volume);

    /// <summary>Indices of the NaN warm-up: every index before <paramref name="first"/> is NaN, <paramref name="first"/> is not.</summary>
    public static void AssertWarmUp(IReadOnlyList<double> values, int first)
    {
        for (var i = 0; i < first; i++) Assert.True(double.IsNaN(values[i]), $"index {i} should be NaN (warm-up)");
        Assert.False(double.IsNaN(values[first]), $"index {first} should be the first value");
        Assert.Equal(Count, values.Count);
    }
}

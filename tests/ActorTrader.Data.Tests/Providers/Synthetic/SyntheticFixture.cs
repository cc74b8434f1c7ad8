using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Providers.Synthetic;

/// <summary>Shared helpers for the synthetic provider tests.</summary>
internal static class SyntheticFixture
{
    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static IReadOnlyList<Bar> Bars(this SyntheticMarketDataProvider provider, string symbol, Timeframe timeframe, DateTimeOffset start, DateTimeOffset end) =>
        provider.GetBarsAsync(new BarRequest(Symbol.Parse(symbol), timeframe, start, end)).GetAwaiter().GetResult();

    public static IReadOnlyList<Bar> Daily(this SyntheticMarketDataProvider provider, string symbol, DateTimeOffset start, DateTimeOffset end) =>
        provider.Bars(symbol, Timeframe.Day1, start, end);

    public static double[] LogReturns(IReadOnlyList<Bar> bars)
    {
        var returns = new double[bars.Count - 1];
        for (var i = 1; i < bars.Count; i++) returns[i - 1] = Math.Log((double)bars[i].Close / (double)bars[i - 1].Close);
        return returns;
    }

    public static double Correlation(double[] x, double[] y)
    {
        Assert.Equal(x.Length, y.Length);
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    public static void AssertWellFormed(Bar bar, string context)
    {
        Assert.True(bar.Low > 0, $"{context}: low {bar.Low} is not positive");
        Assert.True(bar.Low <= bar.Open && bar.Open <= bar.High, $"{context}: open {bar.Open} outside [{bar.Low}, {bar.High}]");
        Assert.True(bar.Low <= bar.Close && bar.Close <= bar.High, $"{context}: close {bar.Close} outside [{bar.Low}, {bar.High}]");
        Assert.True(bar.Low <= bar.Vwap && bar.Vwap <= bar.High, $"{context}: vwap {bar.Vwap} outside [{bar.Low}, {bar.High}]");
        Assert.True(bar.Volume >= 0, $"{context}: negative volume {bar.Volume}");
        Assert.True(bar.TradeCount >= 0, $"{context}: negative trade count {bar.TradeCount}");
        Assert.True(bar.Volume == 0 == (bar.TradeCount == 0), $"{context}: volume {bar.Volume} with {bar.TradeCount} trades");
    }
}

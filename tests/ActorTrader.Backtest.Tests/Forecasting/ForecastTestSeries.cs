using ActorTrader.Backtest.Forecasting;

namespace ActorTrader.Backtest.Tests.Forecasting;

/// <summary>Seeded simulated daily price series for validation tests.</summary>
internal static class ForecastTestSeries
{
    /// <summary>Log prices whose daily log returns follow AR(1) with coefficient <paramref name="phi"/> and volatility <paramref name="sigma"/>.</summary>
    public static ForecastSeries Ar1Returns(string symbol, int bars, double phi, double sigma, int seed, double startPrice = 100)
    {
        var random = new Random(seed);
        var logs = new double[bars];
        logs[0] = Math.Log(startPrice);
        var previous = 0.0;
        for (var t = 1; t < bars; t++)
        {
            var r = phi * previous + sigma * Gaussian(random);
            logs[t] = logs[t - 1] + r;
            previous = r;
        }
        return new ForecastSeries(symbol, Days(bars), logs);
    }

    public static DateTime[] Days(int bars)
    {
        var start = new DateTime(2020, 1, 1, 21, 0, 0, DateTimeKind.Utc);
        return Enumerable.Range(0, bars).Select(i => start.AddDays(i)).ToArray();
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

namespace ActorTrader.Benchmarks.Forecast;

/// <summary>
/// Synthetic daily log prices for the forecast suite: per symbol, GARCH(1,1) shocks (persistence 0.97) with a small AR(1)
/// term and drift, seeded by the symbol's index so every run measures the same data.
/// </summary>
internal static class ForecastUniverse
{
    public static double[][] Create(int symbols, int days)
    {
        var universe = new double[symbols][];
        for (var s = 0; s < symbols; s++)
        {
            var random = new Random(1000 + s);
            var prices = new double[days];
            prices[0] = Math.Log(20 + 200 * random.NextDouble());
            double variance = 0.0002, previousShock = 0, previousReturn = 0;
            for (var t = 1; t < days; t++)
            {
                variance = 6e-6 + 0.07 * previousShock * previousShock + 0.9 * variance;
                var shock = Math.Sqrt(variance) * Normal(random);
                var r = 0.0003 + 0.05 * previousReturn + shock;
                prices[t] = prices[t - 1] + r;
                previousShock = shock;
                previousReturn = r;
            }
            universe[s] = prices;
        }
        return universe;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

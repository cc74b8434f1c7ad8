using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.Tests.Support;

/// <summary>Seeded random-walk panels with opens, closes and volumes (weekday bars from 2021-01-04).</summary>
internal static class RandomPanels
{
    /// <param name="gapless">Each open equals the previous close, so filling at the next open is filling at the deciding close.</param>
    public static BarPanel Create(int seed, int symbols, int bars, double drift = 0.0005, bool gapless = false)
    {
        var random = new Random(seed);
        var close = new double[symbols][];
        var open = new double[symbols][];
        var volume = new double[symbols][];
        for (var s = 0; s < symbols; s++)
        {
            (close[s], open[s], volume[s]) = (new double[bars], new double[bars], new double[bars]);
            var p = 20.0 + 5 * s;
            for (var t = 0; t < bars; t++)
            {
                var gap = 1 + (random.NextDouble() - 0.5) * 0.01;
                open[s][t] = gapless ? p : p * gap;
                p *= 1 + drift + (random.NextDouble() - 0.5) * 0.04 * (1 + s % 3);
                close[s][t] = p;
                volume[s][t] = random.Next(10_000, 1_000_000);
            }
        }
        return TestPanels.Build(open, close, volume);
    }
}

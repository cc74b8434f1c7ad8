using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves;

/// <summary>Hand-built return axes and candidate streams for the stage tests.</summary>
internal static class Streams
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 5, 0, 0, TimeSpan.Zero);

    /// <summary>An axis of <paramref name="periods"/> daily periods over deterministic prices (seeded walk) of the symbols.</summary>
    public static ReturnAxis Axis(int periods, params string[] tickers) => ReturnAxis.Of(Panel(periods, tickers));

    /// <summary>The panel of <see cref="Axis"/>: <paramref name="periods"/> + 1 daily bars of a seeded walk per symbol.</summary>
    public static BarPanel Panel(int periods, params string[] tickers)
    {
        var symbols = tickers.Length == 0 ? ["AAA"] : tickers;
        var random = new Random(7);
        var closes = symbols.Select(_ =>
        {
            var c = new double[periods + 1];
            c[0] = 100;
            for (var t = 1; t < c.Length; t++) c[t] = c[t - 1] * (1 + (random.NextDouble() - 0.5) * 0.04);
            return c;
        }).ToArray();
        var times = Enumerable.Range(0, periods + 1).Select(i => Start.AddDays(i)).ToList();
        return BarPanel.FromColumns(Timeframe.Day1, [.. symbols.Select(t => new Symbol("NYSE", t))], times, closes, closes, closes, closes,
            [.. closes.Select(c => c.Select(_ => 1000.0).ToArray())]);
    }

    /// <summary>
    /// A candidate with these raw returns; active where the raw return is non-zero; one trade per run of active periods;
    /// <paramref name="currentExposure"/> held from the next open.
    /// </summary>
    public static CandidateStream Candidate(string strategy, string ticker, CandidateDirection direction, double[] raw, int first = 0, double currentExposure = 0)
    {
        int active = 0, trades = 0;
        var wasIn = false;
        for (var k = first; k < raw.Length; k++)
        {
            var isIn = raw[k] != 0;
            if (isIn) active++;
            if (isIn && !wasIn) trades++;
            wasIn = isIn;
        }
        return new CandidateStream(strategy, new Symbol("NYSE", ticker), direction, raw, first, active, trades, currentExposure: currentExposure);
    }

    /// <summary><paramref name="count"/> returns from a seeded generator with mean <paramref name="mean"/> and spread <paramref name="spread"/>.</summary>
    public static double[] Noise(int count, int seed, double mean = 0, double spread = 0.02)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => mean + (random.NextDouble() - 0.5) * 2 * spread)];
    }
}

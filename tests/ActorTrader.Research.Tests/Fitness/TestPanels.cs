using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Tests.Fitness;

/// <summary>Hand-made daily panels: weekdays from 2021-01-04 00:00 UTC, symbols TEST:A, TEST:B, ….</summary>
internal static class TestPanels
{
    public static readonly DateTimeOffset Start = new(2021, 1, 4, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset[] Weekdays(int count)
    {
        var times = new DateTimeOffset[count];
        var day = Start;
        for (var i = 0; i < count; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            times[i++] = day;
        }
        return times;
    }

    /// <summary>A seeded random walk per symbol (σ 1%), opens at the previous close, highs/lows around both.</summary>
    public static BarPanel RandomWalk(int symbols, int bars, ulong seed)
    {
        var closes = new double[symbols][];
        var random = new ResearchRandom(seed);
        for (var s = 0; s < symbols; s++)
        {
            closes[s] = new double[bars];
            var p = 100.0;
            for (var t = 0; t < bars; t++) closes[s][t] = p *= Math.Exp(0.01 * random.NextGaussian());
        }
        return FromCloses(closes);
    }

    /// <summary>Every close 100.</summary>
    public static BarPanel Flat(int symbols, int bars) =>
        FromCloses([.. Enumerable.Range(0, symbols).Select(_ => Enumerable.Repeat(100.0, bars).ToArray())]);

    public static BarPanel FromCloses(double[][] closes, DateTimeOffset[]? times = null)
    {
        var bars = closes[0].Length;
        var open = closes.Select(c => c.Select((v, t) => t == 0 ? v : c[t - 1]).ToArray()).ToArray();
        var high = closes.Select((c, s) => c.Select((v, t) => Math.Max(v, open[s][t]) * 1.001).ToArray()).ToArray();
        var low = closes.Select((c, s) => c.Select((v, t) => Math.Min(v, open[s][t]) * 0.999).ToArray()).ToArray();
        var volume = closes.Select(c => Enumerable.Repeat(1_000_000.0, c.Length).ToArray()).ToArray();
        var symbols = Enumerable.Range(0, closes.Length).Select(i => new Symbol("TEST", ((char)('A' + i)).ToString())).ToArray();
        return BarPanel.FromColumns(Timeframe.Day1, symbols, times ?? Weekdays(bars), open, high, low, closes, volume);
    }

    /// <summary>The columns of <paramref name="panel"/> ([symbol][time]) for building changed copies.</summary>
    public static (double[][] Open, double[][] High, double[][] Low, double[][] Close, double[][] Volume) Columns(BarPanel panel)
    {
        var view = panel.AsOf(panel.TimeCount - 1);
        double[][] Read(Func<int, ReadOnlySpan<double>> series) => [.. Enumerable.Range(0, panel.SymbolCount).Select(s => series(s).ToArray())];
        return (Read(s => view.Open(s)), Read(s => view.High(s)), Read(s => view.Low(s)), Read(s => view.Close(s)), Read(s => view.Volume(s)));
    }

    public static BarPanel Rebuild(BarPanel panel, double[][] open, double[][] high, double[][] low, double[][] close, double[][] volume) =>
        BarPanel.FromColumns(panel.Timeframe, panel.Symbols, panel.Times, open, high, low, close, volume);
}

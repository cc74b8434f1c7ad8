using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.Tests.Support;

/// <summary>Small hand-made panels: weekday bars stamped 05:00 UTC (New York midnight in winter), symbols NYSE:A, NYSE:B, ….</summary>
internal static class TestPanels
{
    public static readonly DateTimeOffset Start = new(2021, 1, 4, 5, 0, 0, TimeSpan.Zero); // a Monday

    public static Symbol Sym(string ticker) => new("NYSE", ticker);

    public static Symbol[] Symbols(int count) => [.. Enumerable.Range(0, count).Select(i => Sym(((char)('A' + i)).ToString()))];

    public static DateTimeOffset[] Weekdays(int count, DateTimeOffset? start = null)
    {
        var times = new DateTimeOffset[count];
        var day = start ?? Start;
        for (var i = 0; i < count; i++)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
            times[i] = day;
            day = day.AddDays(1);
        }
        return times;
    }

    /// <summary>One row of closes per symbol; opens equal closes, volume 1,000,000.</summary>
    public static BarPanel FromCloses(params double[][] closes) => Build(closes, closes);

    public static BarPanel Build(double[][] open, double[][] close, double[][]? volume = null, DateTimeOffset[]? times = null)
    {
        var bars = close[0].Length;
        volume ??= [.. close.Select(c => Enumerable.Repeat(1_000_000.0, c.Length).ToArray())];
        return BarPanel.FromColumns(Timeframe.Day1, Symbols(close.Length), times ?? Weekdays(bars), open, close, close, close, volume);
    }
}

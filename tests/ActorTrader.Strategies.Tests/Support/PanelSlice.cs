using ActorTrader.Strategies.Panel;

namespace ActorTrader.Strategies.Tests.Support;

/// <summary>Bars <c>from .. to</c> (inclusive) of a panel, bit for bit, with the same symbols and fundamentals: the panel a window load would give.</summary>
internal static class PanelSlice
{
    public static BarPanel Of(BarPanel panel, int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(to, panel.TimeCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        double[][] Cut(double[][] columns) => [.. columns.Select(c => c[from..(to + 1)])];
        return BarPanel.FromColumns(panel.Timeframe, panel.Symbols, panel.TimeArray[from..(to + 1)],
            Cut(panel.Open), Cut(panel.High), Cut(panel.Low), Cut(panel.Close), Cut(panel.Volume), panel.Fundamentals);
    }

    /// <summary>The slice with one close changed (at index <paramref name="time"/> of the slice), as a data revision would.</summary>
    public static BarPanel WithClose(BarPanel panel, int symbol, int time, double close)
    {
        var closes = panel.Close.Select(c => (double[])c.Clone()).ToArray();
        closes[symbol][time] = close;
        return BarPanel.FromColumns(panel.Timeframe, panel.Symbols, panel.TimeArray, panel.Open, panel.High, panel.Low, closes, panel.Volume, panel.Fundamentals);
    }
}

namespace ActorTrader.Backtest.Reports;

/// <summary>What one SVG chart shows: its element id, accessible label, lines, value-axis format and whether to draw the zero line.</summary>
/// <param name="EmptyMessage">Shown inside the chart when no line has a finite value.</param>
/// <param name="Span">Dates the time axis covers at least, so the charts of one report line up (e.g. rolling Sharpe, which starts late).</param>
internal sealed record ChartSpec(string Id, string Label, AxisFormat Format, IReadOnlyList<ChartLine> Lines, bool ZeroLine, string EmptyMessage,
    (DateTimeOffset From, DateTimeOffset To)? Span = null);

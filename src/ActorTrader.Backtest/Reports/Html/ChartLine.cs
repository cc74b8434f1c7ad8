namespace ActorTrader.Backtest.Reports;

/// <summary>One series of a chart: values over dates (NaN breaks the line), its legend name and stroke colour.</summary>
/// <param name="FillToZero">Shade the area between the line and zero (the underwater drawdown chart).</param>
internal sealed record ChartLine(string Name, IReadOnlyList<DateTimeOffset> Dates, IReadOnlyList<double> Values, string Colour, bool FillToZero = false);

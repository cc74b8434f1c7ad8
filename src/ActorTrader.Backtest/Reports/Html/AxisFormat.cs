namespace ActorTrader.Backtest.Reports;

/// <summary>How a chart's value axis labels its ticks.</summary>
internal enum AxisFormat
{
    /// <summary>Fractions shown as percentages.</summary>
    Percent,

    /// <summary>Plain numbers.</summary>
    Number,
}

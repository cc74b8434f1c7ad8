namespace ActorTrader.Backtest.Reports;

/// <summary>What a statistic's number is, which decides how it is displayed (the data files always keep the raw value).</summary>
public enum StatisticKind
{
    /// <summary>A fraction shown as a percentage (0.12 → 12.00%).</summary>
    Percent,

    /// <summary>A plain ratio shown with two decimals (Sharpe, skewness).</summary>
    Ratio,

    /// <summary>A whole number (periods, trades).</summary>
    Count,
}

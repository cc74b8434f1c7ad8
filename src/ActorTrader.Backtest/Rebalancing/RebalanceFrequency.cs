namespace ActorTrader.Backtest.Rebalancing;

/// <summary>How often a simulator trades back to its targets; holdings drift with prices in between.</summary>
public enum RebalanceFrequency
{
    /// <summary>At the close of every bar of a new UTC day (every bar for daily data).</summary>
    Daily,

    /// <summary>At the close of the first bar of each week (Monday-based).</summary>
    Weekly,

    /// <summary>At the close of the first bar of each calendar month.</summary>
    Monthly,

    /// <summary>Every N bars, counted from the first bar.</summary>
    EveryNBars,

    /// <summary>Once, at the first bar with any non-zero target; then buy and hold.</summary>
    Once,
}

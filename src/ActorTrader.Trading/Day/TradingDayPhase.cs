namespace ActorTrader.Trading.Day;

/// <summary>The phases of a trading day, in the order they happen.</summary>
public enum TradingDayPhase
{
    /// <summary>Reconcile with the broker and refresh the data (08:00 ET by default). A failed reconciliation means no orders that day.</summary>
    PreMarket,

    /// <summary>The session opens (09:30 ET): opening quotes, in a replay the open prices.</summary>
    MarketOpen,

    /// <summary>A scheduled strategy run (e.g. 09:31 gap_fill).</summary>
    StrategyRun,

    /// <summary>Targets → plan → orders (15:45 ET by default, after a run marked so, or on the operator's command).</summary>
    Rebalance,

    /// <summary>The session closes (16:00 ET, 13:00 on early-close days): closing quotes, marks.</summary>
    MarketClose,

    /// <summary>Daily snapshot, journal backup, report.</summary>
    PostMarket,
}

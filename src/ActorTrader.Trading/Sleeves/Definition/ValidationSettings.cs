namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>The optional validation backtest after the report: on or off, and the trading cost in basis points of turnover.</summary>
public sealed record ValidationSettings(bool Backtest, double CostBps)
{
    public static ValidationSettings Default { get; } = new(true, 5.0);
}

namespace ActorTrader.Backtest.Forecasting;

/// <summary>Traffic-light verdict of a model at one horizon; only GREEN may be routed to trading.</summary>
public enum ValidationTier
{
    Red = 0,
    Yellow = 1,
    Green = 2,
}

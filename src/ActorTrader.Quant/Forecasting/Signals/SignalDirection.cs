namespace ActorTrader.Quant.Forecasting.Signals;

/// <summary>Which way a forecast points once its expected return clears the dead band (Up: buy side, Down: sell side).</summary>
public enum SignalDirection
{
    Flat = 0,
    Up = 1,
    Down = -1,
}

namespace ActorTrader.Quant.Statistics;

/// <summary>Loss applied to forecast errors in the Diebold–Mariano test.</summary>
public enum ForecastLoss
{
    /// <summary>L(e) = e².</summary>
    Squared = 0,

    /// <summary>L(e) = |e|.</summary>
    Absolute = 1,
}

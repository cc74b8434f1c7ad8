namespace ActorTrader.Quant.Regimes;

/// <summary>Direction of a moving average.</summary>
public enum TrendRegime
{
    /// <summary>Not enough history yet.</summary>
    Unknown = 0,

    /// <summary>The moving average fell by more than the flat band.</summary>
    Down = 1,

    /// <summary>The moving average moved less than the flat band either way.</summary>
    Flat = 2,

    /// <summary>The moving average rose by more than the flat band.</summary>
    Up = 3,
}

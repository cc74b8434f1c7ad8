namespace ActorTrader.Strategies.VixRegimeRotation;

/// <summary>Where the defensive half goes in a high-volatility regime (choice index order).</summary>
public enum DefensiveMode
{
    /// <summary>The symbols with the lowest realised volatility.</summary>
    LowVolatility = 0,

    /// <summary>Nothing: flat.</summary>
    Cash = 1,
}

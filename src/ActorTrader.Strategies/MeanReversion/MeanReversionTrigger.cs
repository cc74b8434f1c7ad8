namespace ActorTrader.Strategies.MeanReversion;

/// <summary>What counts as stretched: the z-score, the RSI, either of them, or both at once (choice index order).</summary>
public enum MeanReversionTrigger
{
    ZScore = 0,
    Rsi = 1,
    Either = 2,
    Both = 3,
}

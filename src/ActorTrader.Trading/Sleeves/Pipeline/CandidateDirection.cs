namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>Which side of its asset a candidate holds, from the sign of the strategy's targets.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Long and short are the trading sides, not integer types.")]
public enum CandidateDirection
{
    Long,
    Short,
}

namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>
/// Strategy synthesis: whether short candidates become short legs (R_short = −clip(R_raw, upper = 1.0)) or are dropped,
/// and whether a failed Directional Correction Sign Test fails the run (the gate).
/// </summary>
public sealed record SynthesisSettings(bool ShortLegs, bool SignGate)
{
    public static SynthesisSettings Default { get; } = new(false, true);
}

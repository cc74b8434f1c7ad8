namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The short-leg transform of strategy synthesis: R_short = −clip(R_raw, upper = 1.0) = −min(R_raw, 1.0). The clip caps
/// what a short can lose in one period at 100% of its stake (a raw gain above 100%).
/// </summary>
public static class ShortLeg
{
    public const double ClipUpper = 1.0;

    public static double Invert(double raw) => -Math.Min(raw, ClipUpper);
}

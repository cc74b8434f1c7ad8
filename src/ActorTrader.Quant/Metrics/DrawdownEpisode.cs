namespace ActorTrader.Quant.Metrics;

/// <summary>
/// One peak-to-recovery drawdown of an equity curve built from returns. Indices refer to positions in the return series:
/// equity at index t is the value after applying return t; <see cref="PeakIndex"/> −1 means the starting capital.
/// </summary>
/// <param name="Depth">Largest fall from the peak as a positive fraction (0.25 = equity 25% below its high-water mark); 0 when the curve never falls.</param>
/// <param name="PeakIndex">Index at which the high-water mark was set (−1 = starting capital; −1 too when there is no drawdown).</param>
/// <param name="TroughIndex">Index of the lowest equity of the episode (−1 when there is no drawdown).</param>
/// <param name="RecoveryIndex">First index after the trough where equity is back at the peak; null while still under water or when there is no drawdown.</param>
/// <param name="DurationPeriods">Periods from peak to recovery, or from peak to the last period when not recovered; 0 when there is no drawdown.</param>
public sealed record DrawdownEpisode(double Depth, int PeakIndex, int TroughIndex, int? RecoveryIndex, int DurationPeriods)
{
    /// <summary>The curve never fell below its high-water mark.</summary>
    public static DrawdownEpisode None { get; } = new(0, -1, -1, null, 0);

    /// <summary>True when equity regained the peak after the trough.</summary>
    public bool IsRecovered => RecoveryIndex is not null;
}

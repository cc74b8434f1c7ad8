namespace ActorTrader.Research.Bandit;

/// <summary>
/// One entry of the (regime, parameter region) → reward table: how often the region was rewarded in the regime, and the
/// sum and sum of squares of the (clipped) rewards. <paramref name="Region"/> is the key
/// <see cref="ParameterBandit.RegionOf"/> gives, e.g. <c>lookback=2,threshold=0</c>.
/// </summary>
public sealed record BanditCell(string Regime, string Region, long Count, double Sum, double SumOfSquares)
{
    public double Mean => Count == 0 ? double.NaN : Sum / Count;
}

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Taleb's barbell: a "safe" bucket (cash-like assets) and a "risk" bucket (everything else), each with a minimum
/// and maximum share of the budget. <see cref="BarbellProjection"/> rescales the buckets into these ranges.
/// </summary>
/// <param name="SafeAssets">Indices of the safe assets; every other asset is in the risk bucket.</param>
public sealed record BarbellBuckets(
    IReadOnlyList<int> SafeAssets,
    double SafeMinimum = 0.0,
    double SafeMaximum = 1.0,
    double RiskMinimum = 0.0,
    double RiskMaximum = 1.0);

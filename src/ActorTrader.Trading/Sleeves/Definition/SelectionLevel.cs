namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>
/// One level of natural selection's thresholds: a candidate passes when its annualised Sharpe is at least
/// <see cref="MinSharpe"/>, its maximum drawdown at most <see cref="MaxDrawdown"/> (a positive fraction), it entered at
/// least <see cref="MinTrades"/> positions and won on at least <see cref="MinHitRate"/> of its bars in the market.
/// </summary>
public sealed record SelectionLevel(double MinSharpe, double MaxDrawdown, int MinTrades, double MinHitRate);

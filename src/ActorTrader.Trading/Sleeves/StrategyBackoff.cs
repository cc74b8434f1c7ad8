namespace ActorTrader.Trading.Sleeves;

/// <summary>
/// How a sleeve restarts a failing strategy child: exponential backoff from <see cref="MinBackoff"/> to
/// <see cref="MaxBackoff"/> with jitter, at most <see cref="MaxRestarts"/> restarts per run; after that the sleeve goes on
/// without the strategy and reports itself degraded (<c>actortrader.sleeves.strategy-backoff</c>).
/// </summary>
public sealed record StrategyBackoff(TimeSpan MinBackoff, TimeSpan MaxBackoff, double RandomFactor, int MaxRestarts)
{
    public static StrategyBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, 3);
}

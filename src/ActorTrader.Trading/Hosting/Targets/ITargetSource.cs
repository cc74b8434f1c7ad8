using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Host.Targets;

/// <summary>Where a rebalance's target weights come from (the trading day asks through <c>ComputeTargetsAsync</c>).</summary>
public interface ITargetSource
{
    /// <summary>
    /// The targets to hold on exchange-local <paramref name="date"/>, decided with data up to the previous session's close
    /// only (no look-ahead). <paramref name="sleeve"/> names the one sleeve the operator asked to refresh (null = all).
    /// Throws, naming the cause, when there are none (the rebalance then fails closed).
    /// </summary>
    Task<RebalanceTargets> TargetsForAsync(DateOnly date, string? sleeve, CancellationToken cancellationToken);
}

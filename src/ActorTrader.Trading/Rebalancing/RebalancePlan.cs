using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Rebalancing;

/// <summary>
/// The planner's answer. Valid (no <see cref="Errors"/>): the <see cref="Intents"/> in submission order — sells before
/// buys, then by symbol — the open orders to cancel first (<see cref="Cancels"/>), the trades left out with their
/// reasons, and every symbol's planned position. Invalid: each error names the sleeve or symbol at fault, the figure and
/// the fix, and there are no intents and no cancels at all.
/// </summary>
public sealed record RebalancePlan(
    string RebalanceId,
    decimal NetAssetValue,
    IReadOnlyList<OrderIntent> Intents,
    IReadOnlyList<SkippedTrade> Skipped,
    IReadOnlyList<PlannedPosition> Positions,
    IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Open orders of earlier rebalances that no longer fit, in symbol order; cancelled before the intents are submitted.</summary>
    public IReadOnlyList<PlannedCancel> Cancels { get; init; } = [];

    public static RebalancePlan Invalid(string rebalanceId, decimal netAssetValue, IReadOnlyList<string> errors) =>
        new(rebalanceId, netAssetValue, [], [], [], errors);
}

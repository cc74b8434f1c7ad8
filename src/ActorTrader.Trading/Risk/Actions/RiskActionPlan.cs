using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.Actions;

/// <summary>
/// What one automatic action sends to the order manager: optionally <c>CancelAllOpenOrders</c> first, then the orders.
/// <see cref="Skipped"/> names positions the action could not cover (no usable price, nothing to cut).
/// </summary>
public sealed record RiskActionPlan(
    RiskAction Action,
    int Number,
    string RebalanceId,
    bool CancelOpenOrders,
    IReadOnlyList<OrderIntent> Orders,
    IReadOnlyList<string> Skipped)
{
    /// <summary>The trading state the action puts the account in, or null when it leaves the state alone.</summary>
    public TradingState? EscalatesTo => Action switch
    {
        RiskAction.TightenStops => null,
        RiskAction.ReducePositions or RiskAction.CloseAllPositions => TradingState.Reducing,
        RiskAction.Halt => TradingState.Halted,
        _ => throw new ArgumentOutOfRangeException(nameof(Action), Action, "Unknown risk action."),
    };
}

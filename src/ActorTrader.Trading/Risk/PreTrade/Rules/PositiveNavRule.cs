using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>With NAV at or below zero no order may add exposure (and no weight limit can be measured).</summary>
public sealed class PositiveNavRule : ExposureIncreasingRule
{
    public override string Name => "nav";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        if (context.Nav > 0m) return null;
        return Refuse(intent, context.Nav, 0m,
            $"{RiskText.Order(intent)} is refused: the account's NAV is {RiskText.Money(context.Nav)}, so no order may add exposure.",
            "Only reduce positions (ReducesExposure = true) until NAV is positive again.");
    }
}

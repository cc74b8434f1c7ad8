using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>
/// The exposure an order adds must be paid for: on a cash account a buy at most the cash left (sells approved earlier in
/// the batch count); on a margin account at most the buying power left — the broker's when given, else NAV × margin
/// multiplier − gross exposure.
/// </summary>
public sealed class BuyingPowerRule(decimal marginMultiplier) : ExposureIncreasingRule
{
    public override string Name => "buying-power";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        var need = context.ExposureIncrease(intent);
        if (need <= 0m) return null;
        if (context.AccountKind == AccountKind.Cash)
        {
            // A cash account's sells that add exposure are shorts, refused by the short-sale rule.
            if (intent.Side != OrderSide.Buy) return null;
            var cash = Math.Max(0m, context.Cash);
            if (need <= cash) return null;
            return Refuse(intent, need, cash,
                $"{RiskText.Order(intent)} needs {RiskText.Money(need)} of cash, but the cash account has {RiskText.Money(cash)} left.",
                $"Lower the quantity to at most {RiskText.Quantity(Quantities.AtMost(cash / intent.ReferencePrice, intent.Quantity))}, or list sells before it in the same batch to free cash.");
        }
        var left = Math.Max(0m, context.BuyingPowerLeft(marginMultiplier));
        if (need <= left) return null;
        var source = context.BuyingPower is null
            ? $"NAV × {RiskText.Quantity(marginMultiplier)} − gross exposure"
            : "the broker's buying power";
        return Refuse(intent, need, left,
            $"{RiskText.Order(intent)} needs {RiskText.Money(need)} of buying power, but {RiskText.Money(left)} is left ({source}, less this batch).",
            $"Lower the quantity to at most {RiskText.Quantity(Quantities.AtMost(left / intent.ReferencePrice, intent.Quantity))}, or reduce positions first.");
    }
}

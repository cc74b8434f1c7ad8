using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>Orders smaller than the minimum notional are refused (dust); reducing a position passes, to clear dust.</summary>
public sealed class MinNotionalRule(decimal minNotional) : ExposureIncreasingRule
{
    public override string Name => "min-notional";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        if (intent.Notional >= minNotional) return null;
        return Refuse(intent, intent.Notional, minNotional,
            $"{RiskText.Order(intent)} has notional {RiskText.Money(intent.Notional)}, below the minimum of {RiskText.Money(minNotional)}.",
            $"Drop the order or make it worth at least {RiskText.Money(minNotional)}; or lower actortrader.risk.min-notional.");
    }
}

using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>Position cap, per order: the notional of one order that adds exposure is at most a fraction of NAV (2% by default).</summary>
public sealed class OrderNotionalCapRule(decimal maxOrderWeight) : ExposureIncreasingRule
{
    public override string Name => "order-notional-cap";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        var nav = context.Nav;
        if (nav <= 0m) return null;
        var cap = maxOrderWeight * nav;
        if (intent.Notional <= cap) return null;
        var most = Quantities.AtMost(cap / intent.ReferencePrice, intent.Quantity);
        return Refuse(intent, intent.Notional, cap,
            $"{RiskText.Order(intent)} has notional {RiskText.Money(intent.Notional)} = {RiskText.Percent(intent.Notional / nav)} of NAV {RiskText.Money(nav)}, above the cap of {RiskText.Percent(maxOrderWeight)} of NAV ({RiskText.Money(cap)}).",
            $"Lower the quantity to at most {RiskText.Quantity(most)} or split the order; or raise actortrader.risk.max-order-weight.");
    }
}

using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>Position cap, per position: an order that grows a position may not take it above a fraction of NAV.</summary>
public sealed class PositionWeightCapRule(decimal maxPositionWeight) : ExposureIncreasingRule
{
    public override string Name => "position-weight-cap";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        var nav = context.Nav;
        var before = context.QuantityOf(intent.Symbol);
        var after = context.QuantityAfter(intent);
        if (nav <= 0m || Math.Abs(after) <= Math.Abs(before)) return null;
        var value = Math.Abs(after) * intent.ReferencePrice;
        var weight = value / nav;
        if (weight <= maxPositionWeight) return null;
        return Refuse(intent, weight, maxPositionWeight,
            $"{RiskText.Order(intent)} would make the position in {intent.Symbol} {RiskText.Quantity(after)} worth {RiskText.Money(value)} = {RiskText.Percent(weight)} of NAV {RiskText.Money(nav)}, above the cap of {RiskText.Percent(maxPositionWeight)}.",
            $"Keep the position at or below {RiskText.Money(maxPositionWeight * nav)} by lowering the quantity; or raise actortrader.risk.max-position-weight.");
    }
}

using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>Absolute net exposure (Σ position value, shorts negative) after an order that raises it may be at most a multiple of NAV.</summary>
public sealed class NetExposureRule(decimal maxNetExposure) : ExposureIncreasingRule
{
    public override string Name => "net-exposure";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        var nav = context.Nav;
        var after = context.NetExposureAfter(intent);
        if (nav <= 0m || Math.Abs(after) <= Math.Abs(context.NetExposure)) return null;
        var multiple = Math.Abs(after) / nav;
        if (multiple <= maxNetExposure) return null;
        return Refuse(intent, multiple, maxNetExposure,
            $"{RiskText.Order(intent)} would take net exposure to {RiskText.Money(after)} = {RiskText.Multiple(multiple)} NAV, above the limit of {RiskText.Multiple(maxNetExposure)} NAV ({RiskText.Money(maxNetExposure * nav)}).",
            "Balance it with orders on the other side (in the same batch) or lower the quantity; or raise actortrader.risk.max-net-exposure.");
    }
}

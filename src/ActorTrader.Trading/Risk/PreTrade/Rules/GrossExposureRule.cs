using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>Gross exposure (Σ |position value|) after an order that raises it may be at most a multiple of NAV.</summary>
public sealed class GrossExposureRule(decimal maxGrossExposure) : ExposureIncreasingRule
{
    public override string Name => "gross-exposure";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        var nav = context.Nav;
        var after = context.GrossExposureAfter(intent);
        if (nav <= 0m || after <= context.GrossExposure) return null;
        var multiple = after / nav;
        if (multiple <= maxGrossExposure) return null;
        return Refuse(intent, multiple, maxGrossExposure,
            $"{RiskText.Order(intent)} would take gross exposure to {RiskText.Money(after)} = {RiskText.Multiple(multiple)} NAV, above the limit of {RiskText.Multiple(maxGrossExposure)} NAV ({RiskText.Money(maxGrossExposure * nav)}).",
            "Reduce other positions first (sells in the same batch count) or lower the quantity; or raise actortrader.risk.max-gross-exposure.");
    }
}

using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>At most so many orders a day (approved ones, counted from StartOfDay); reducing orders are never blocked by it.</summary>
public sealed class DailyTradeCountRule(int maxTradesPerDay) : ExposureIncreasingRule
{
    public override string Name => "daily-trade-count";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        var number = context.TradesSoFar + 1;
        if (number <= maxTradesPerDay) return null;
        return Refuse(intent, number, maxTradesPerDay,
            $"{RiskText.Order(intent)} would be order {number} today, above the limit of {maxTradesPerDay} a day.",
            "Wait for the next trading day (StartOfDay resets the count), or raise actortrader.risk.max-trades-per-day.");
    }
}

using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>
/// At most so many orders a trading day (approved or placed on the exchange's trading date, once per client order id);
/// reducing orders are never blocked by it, nor is an order approved earlier today and checked again (a retried rebalance).
/// </summary>
public sealed class DailyTradeCountRule(int maxTradesPerDay) : ExposureIncreasingRule
{
    public override string Name => "daily-trade-count";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        if (context.IsCountedToday(intent)) return null;
        var number = context.TradesSoFar + 1;
        if (number <= maxTradesPerDay) return null;
        return Refuse(intent, number, maxTradesPerDay,
            $"{RiskText.Order(intent)} would be order {number} today, above the limit of {maxTradesPerDay} a day.",
            "Wait for the next trading date (the count starts afresh at the exchange's midnight), or raise actortrader.risk.max-trades-per-day.");
    }
}

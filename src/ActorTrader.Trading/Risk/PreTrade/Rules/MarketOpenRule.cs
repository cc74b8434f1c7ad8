using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>No orders while the market is closed, unless <c>allow-when-market-closed</c> lets them wait at the broker.</summary>
public sealed class MarketOpenRule(bool allowWhenClosed) : IPreTradeRule
{
    public string Name => "market-open";

    public PreTradeRefusal? Check(OrderIntent intent, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        if (context.MarketOpen || allowWhenClosed) return null;
        return new PreTradeRefusal(Name, intent.ClientOrderId, intent.Symbol, null, null,
            $"{RiskText.Order(intent)} is refused: the market is closed.",
            "Send it while the market is open, or set actortrader.risk.allow-when-market-closed = on to let orders wait for the next session.");
    }
}

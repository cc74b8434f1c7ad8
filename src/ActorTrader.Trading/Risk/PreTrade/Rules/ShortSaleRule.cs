using ActorTrader.Domain.Accounting;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>
/// An order that opens or grows a short: refused on a cash account; on a margin account only if the broker lists the
/// asset as shortable (an asset the broker was not asked about is refused: shortability unknown is not shortable).
/// </summary>
public sealed class ShortSaleRule : ExposureIncreasingRule
{
    public override string Name => "short-sale";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        var before = context.QuantityOf(intent.Symbol);
        var after = context.QuantityAfter(intent);
        if (after >= 0m || after >= Math.Min(before, 0m)) return null;
        var held = before > 0m ? $"Sell at most the {RiskText.Quantity(before)} held" : "Drop the order";
        if (context.AccountKind == AccountKind.Cash)
        {
            return Refuse(intent, after, 0m,
                $"{RiskText.Order(intent)} would leave {intent.Symbol} short {RiskText.Quantity(-after)}, but a cash account cannot sell short.",
                $"{held}, or trade from a margin account.");
        }
        if (context.AssetOf(intent.Symbol) is not { } asset)
        {
            return Refuse(intent, after, 0m,
                $"{RiskText.Order(intent)} would sell {intent.Symbol} short, but the broker's asset for it is unknown, so its shortability cannot be checked.",
                "Pass the broker's assets (Alpaca GET /v2/assets) with CheckOrders.");
        }
        if (asset.Shortable) return null;
        return Refuse(intent, after, 0m,
            $"{RiskText.Order(intent)} would sell {intent.Symbol} short, but the broker does not allow shorting it (shortable = false).",
            $"{held}; {intent.Symbol} cannot be shorted at this broker.");
    }
}

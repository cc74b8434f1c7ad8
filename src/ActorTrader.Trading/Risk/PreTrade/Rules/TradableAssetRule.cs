using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>
/// The broker must list the symbol as tradable and active, when its asset is known. An unknown asset passes here (the
/// broker refuses what it cannot trade); shorting one is refused by <see cref="ShortSaleRule"/>.
/// </summary>
public sealed class TradableAssetRule : IPreTradeRule
{
    public string Name => "tradable";

    public PreTradeRefusal? Check(OrderIntent intent, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        if (context.AssetOf(intent.Symbol) is not { } asset) return null;
        if (asset.Tradable && string.Equals(asset.Status, "active", StringComparison.OrdinalIgnoreCase)) return null;
        return new PreTradeRefusal(Name, intent.ClientOrderId, intent.Symbol, null, null,
            $"{RiskText.Order(intent)} is refused: the broker lists {intent.Symbol} as {(asset.Tradable ? "tradable" : "not tradable")} with status {asset.Status}.",
            $"Drop {intent.Symbol} from the targets; the broker does not accept orders for it.");
    }
}

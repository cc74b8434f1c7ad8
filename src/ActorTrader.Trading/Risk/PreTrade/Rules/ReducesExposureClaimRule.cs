using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>
/// An intent marked ReducesExposure skips the limits on taking risk and passes while REDUCING, so the claim is checked:
/// it must be on the opposite side of an open position and at most its size (no opening, growing or flipping), counting
/// only what the ledger holds (see <see cref="RiskContext.ReducibleQuantity"/>).
/// </summary>
public sealed class ReducesExposureClaimRule : IPreTradeRule
{
    public string Name => "reduces-exposure";

    public PreTradeRefusal? Check(OrderIntent intent, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        if (!intent.ReducesExposure || context.IsReduction(intent)) return null;
        var held = context.QuantityOf(intent.Symbol);
        var reducible = context.ReducibleQuantity(intent);
        var effect = held == 0m ? "open the position"
            : Math.Sign(intent.SignedQuantity) != -Math.Sign(held) ? "grow the position"
            : intent.Quantity > Math.Abs(held) ? "flip the position"
            : "reduce more than the ledger holds (the rest is in unfilled orders of this batch), so it could flip the position";
        return new PreTradeRefusal(Name, intent.ClientOrderId, intent.Symbol, intent.Quantity, reducible,
            $"{RiskText.Order(intent)} is marked ReducesExposure, but with {RiskText.Quantity(held)} held it would {effect} (to {RiskText.Quantity(context.QuantityAfter(intent))}); at most {RiskText.Quantity(reducible)} can be reduced.",
            reducible > 0m
                ? $"Cap the quantity at {RiskText.Quantity(reducible)}, or clear ReducesExposure so every check applies."
                : "Clear ReducesExposure so every check applies.");
    }
}

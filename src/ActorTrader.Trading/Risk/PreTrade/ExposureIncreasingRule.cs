using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade;

/// <summary>
/// A rule that guards against adding risk. An intent marked <c>ReducesExposure</c> that really shrinks its position
/// (opposite side, at most the quantity held) skips it: cutting risk must never be blocked by a limit on taking risk.
/// </summary>
public abstract class ExposureIncreasingRule : IPreTradeRule
{
    public abstract string Name { get; }

    public PreTradeRefusal? Check(OrderIntent intent, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        return intent.ReducesExposure && context.IsReduction(intent) ? null : CheckIncreasing(intent, context);
    }

    protected abstract PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context);

    protected PreTradeRefusal Refuse(OrderIntent intent, decimal? figure, decimal? limit, string message, string fix) =>
        new(Name, intent.ClientOrderId, intent.Symbol, figure, limit, message, fix);
}

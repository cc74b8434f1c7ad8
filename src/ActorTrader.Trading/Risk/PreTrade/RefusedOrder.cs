using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade;

/// <summary>An intent the checks refused, with every rule that refused it (in rule order).</summary>
public sealed record RefusedOrder(OrderIntent Intent, IReadOnlyList<PreTradeRefusal> Reasons)
{
    public override string ToString() => string.Join(" | ", Reasons);
}

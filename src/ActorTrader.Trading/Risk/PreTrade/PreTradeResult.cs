using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade;

/// <summary>The outcome of one batch: approved and refused intents, each list in the order the intents came in.</summary>
public sealed record PreTradeResult(IReadOnlyList<OrderIntent> Approved, IReadOnlyList<RefusedOrder> Refused);

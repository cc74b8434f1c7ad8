using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade;

/// <summary>
/// One pre-trade check (LEAN's risk-model style: a new rule is one new class). A rule is pure: it looks at one intent
/// and the <see cref="RiskContext"/> (which already counts the orders approved before it in the same batch) and returns
/// null to pass or a refusal naming itself, the order, the figure, the limit and the fix.
/// </summary>
public interface IPreTradeRule
{
    /// <summary>Kebab-case name, shown in refusals (e.g. <c>gross-exposure</c>).</summary>
    string Name { get; }

    PreTradeRefusal? Check(OrderIntent intent, RiskContext context);
}

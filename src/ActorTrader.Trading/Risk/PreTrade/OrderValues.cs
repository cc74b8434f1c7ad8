using System.Globalization;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade;

/// <summary>
/// The checks every rule relies on, made before any rule runs: the intent has a client order id (account, sleeve,
/// rebalance id and leg are set), a positive quantity and a positive reference price, and appears once in its batch.
/// </summary>
public static class OrderValues
{
    public const string RuleName = "order-values";

    public static PreTradeRefusal? Problem(OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var missing = new[] { ("AccountId", intent.AccountId), ("Sleeve", intent.Sleeve), ("RebalanceId", intent.RebalanceId), ("Leg", intent.Leg) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToArray();
        if (missing.Length > 0)
        {
            return new PreTradeRefusal(RuleName, "", intent.Symbol, null, null,
                $"The intent for {intent.Symbol} has no {string.Join(", ", missing)}, so it has no client order id.",
                "Set account, sleeve, rebalance id and leg on every intent: they make its deterministic client order id.");
        }
        if (intent.Quantity <= 0m)
        {
            return new PreTradeRefusal(RuleName, intent.ClientOrderId, intent.Symbol, intent.Quantity, 0m,
                $"{RiskText.Order(intent)} has quantity {RiskText.Quantity(intent.Quantity)}; it must be positive (the side gives the direction).",
                "Send a positive quantity with side Buy or Sell, or drop the order.");
        }
        if (intent.ReferencePrice <= 0m)
        {
            return new PreTradeRefusal(RuleName, intent.ClientOrderId, intent.Symbol, intent.ReferencePrice, 0m,
                $"{RiskText.Order(intent)} has reference price {intent.ReferencePrice.ToString(CultureInfo.InvariantCulture)}, so its notional and exposure cannot be checked.",
                $"Give the intent the last known price of {intent.Symbol}.");
        }
        return null;
    }

    public static PreTradeRefusal Duplicate(OrderIntent intent) => new(RuleName, intent.ClientOrderId, intent.Symbol, null, null,
        $"{RiskText.Order(intent)} appears more than once in this batch (same sleeve, rebalance id, symbol, side and leg).",
        "Merge the duplicates into one intent, or give them different legs.");
}

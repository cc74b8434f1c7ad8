using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.Actions;

/// <summary>
/// Turns an automatic action into orders for every open position of the ledger, in symbol order. Every order is an
/// <see cref="OrderIntent"/> of sleeve <c>risk</c> with rebalance id <c>risk-&lt;action&gt;-&lt;n&gt;</c> (n numbers the
/// risk manager's actions) and <c>ReducesExposure</c>, so its client order id is the same however often it is sent:
/// the order manager places it once.
/// </summary>
public static class RiskActionPlanner
{
    public const string Sleeve = "risk";
    public const string ReduceLeg = "reduce";
    public const string CloseLeg = "close";
    public const string StopLeg = "stop";

    public static string RebalanceId(RiskAction action, int number) => $"risk-{RiskNames.Of(action)}-{number}";

    public static RiskActionPlan Plan(RiskAction action, int number, LedgerView ledger, RiskSettings settings, string reason)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var rebalanceId = RebalanceId(action, number);
        var orders = new List<OrderIntent>();
        var skipped = new List<string>();
        if (action != RiskAction.Halt)
        {
            foreach (var position in ledger.Positions.Where(p => p.Quantity != 0m).OrderBy(p => p.Symbol))
            {
                var price = ledger.Marks.TryGetValue(position.Symbol, out var mark) && mark > 0m ? mark : position.AverageCost;
                var held = Math.Abs(position.Quantity);
                var side = position.Quantity > 0m ? OrderSide.Sell : OrderSide.Buy;
                if (price <= 0m)
                {
                    skipped.Add($"{position.Symbol}: no mark and no positive average cost to price the order with");
                    continue;
                }
                var quantity = action == RiskAction.ReducePositions ? ReducedQuantity(held, settings.ReduceFraction) : held;
                if (quantity <= 0m)
                {
                    skipped.Add($"{position.Symbol}: {RiskText.Quantity(held)} held, nothing to cut");
                    continue;
                }
                orders.Add(action switch
                {
                    RiskAction.ReducePositions => Intent(ReduceLeg, OrderType.Market, null),
                    RiskAction.CloseAllPositions => Intent(CloseLeg, OrderType.Market, null),
                    RiskAction.TightenStops => Intent(StopLeg, OrderType.Stop, StopPrice(price, side, settings.StopDistance)),
                    _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown risk action."),
                });

                OrderIntent Intent(string leg, OrderType type, decimal? stopPrice) => new(
                    ledger.AccountId, Sleeve, rebalanceId, position.Symbol, side, quantity, leg, price,
                    type, TimeInForce.Day, StopPrice: stopPrice, ReducesExposure: true, Reason: reason);
            }
        }
        // Stops leave working orders alone; the other actions start from a clean book, so a pending buy cannot add back
        // what is being cut and an earlier full-size stop cannot oversell into a short.
        var cancel = action is RiskAction.ReducePositions or RiskAction.CloseAllPositions or RiskAction.Halt;
        return new RiskActionPlan(action, number, rebalanceId, cancel, orders, skipped);
    }

    /// <summary>
    /// The quantity that cuts a position by <paramref name="fraction"/>, rounded up (risk errs on cutting more): whole
    /// shares for a whole-share position, nine decimals (the finest Alpaca takes) for a fractional one.
    /// </summary>
    public static decimal ReducedQuantity(decimal held, decimal fraction)
    {
        var raw = held * fraction;
        var rounded = decimal.Truncate(held) == held ? Math.Ceiling(raw) : Math.Round(raw, 9, MidpointRounding.AwayFromZero);
        return Math.Min(held, rounded);
    }

    /// <summary>
    /// The stop price <paramref name="distance"/> away from <paramref name="price"/> on the losing side, on the tick grid
    /// (cents from $1 up, 1/100 cent below), rounded away from the price so the stop is never tighter than asked.
    /// </summary>
    public static decimal StopPrice(decimal price, OrderSide side, decimal distance)
    {
        var tick = price >= 1m ? 0.01m : 0.0001m;
        var raw = side == OrderSide.Sell ? price * (1m - distance) : price * (1m + distance);
        var ticks = side == OrderSide.Sell ? Math.Floor(raw / tick) : Math.Ceiling(raw / tick);
        return Math.Max(tick, ticks * tick);
    }
}

using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Rebalancing;
using static ActorTrader.Trading.Tests.Rebalancing.PlannerData;

namespace ActorTrader.Trading.Tests.Rebalancing;

/// <summary>The planner counts the account's open orders: target − position − open quantity, per symbol, across sleeves.</summary>
public sealed class RebalancePlannerOpenOrderTests
{
    private const string First = "2026-01-06T15:00Z";
    private const string Second = "2026-01-06T20:45Z";
    private static readonly DateTimeOffset At = new(2026, 1, 6, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Half the account in AAPL: 50 shares of 10,000 at 100.</summary>
    private static RebalanceTargets HalfAapl() => RebalanceTargets.Meta(Set("meta", 1.0, 0.5, (Aapl, 0.5)));

    private static OrderView Open(Symbol symbol, OrderSide side, decimal quantity, decimal filled = 0m, string sleeve = RebalanceTargets.MetaName,
        string rebalanceId = First, string leg = RebalancePlanner.TargetLeg, OrderState status = OrderState.Accepted) =>
        new(ClientOrderIds.For(Account, sleeve, rebalanceId, symbol, side, leg), "b-" + symbol.Ticker + side, Account, symbol, side, OrderType.Market, quantity, filled,
            filled > 0 ? 100m : null, status, sleeve, rebalanceId, leg, At, At, null, false);

    [Fact]
    public void A_second_rebalance_while_the_first_ones_orders_are_open_orders_nothing_more()
    {
        var plan = Planner().Plan(Second, HalfAapl(), LedgerOf(10_000m), Prices((Aapl, 100m)), [Open(Aapl, OrderSide.Buy, 50m)]);

        Assert.Empty(plan.Intents);
        Assert.Empty(plan.Cancels);
        var position = Assert.Single(plan.Positions);
        Assert.Equal((0m, 50m, 50m), (position.CurrentQuantity, position.OpenQuantity, position.PlannedQuantity));
    }

    [Fact]
    public void Only_the_rest_of_the_move_is_ordered_beside_an_open_order()
    {
        var plan = Planner().Plan(Second, HalfAapl(), LedgerOf(10_000m), Prices((Aapl, 100m)), [Open(Aapl, OrderSide.Buy, 20m)]);

        var intent = Assert.Single(plan.Intents);
        Assert.Equal((OrderSide.Buy, 30m, Second), (intent.Side, intent.Quantity, intent.RebalanceId));
    }

    [Fact]
    public void What_a_partly_filled_order_still_has_to_fill_counts_and_its_fills_are_in_the_position()
    {
        var ledger = LedgerOf(10_000m, AccountKind.Margin, (Aapl, 30m));

        var plan = Planner().Plan(Second, HalfAapl(), ledger, Prices((Aapl, 100m)), [Open(Aapl, OrderSide.Buy, 50m, filled: 30m, status: OrderState.PartiallyFilled)]);

        Assert.Empty(plan.Intents);
    }

    [Fact]
    public void Open_orders_of_several_sleeves_are_netted_per_symbol()
    {
        OrderView[] open = [Open(Aapl, OrderSide.Buy, 40m, sleeve: "core"), Open(Aapl, OrderSide.Buy, 30m, sleeve: "trend"), Open(Aapl, OrderSide.Sell, 20m, sleeve: "risk", leg: "reduce")];

        var plan = Planner().Plan(Second, HalfAapl(), LedgerOf(10_000m), Prices((Aapl, 100m)), open);

        Assert.Empty(plan.Intents);
        Assert.Equal(50m, Assert.Single(plan.Positions).OpenQuantity);
    }

    [Fact]
    public void Orders_that_are_already_final_do_not_count()
    {
        var plan = Planner().Plan(Second, HalfAapl(), LedgerOf(10_000m), Prices((Aapl, 100m)), [Open(Aapl, OrderSide.Buy, 50m, status: OrderState.Canceled)]);

        Assert.Equal(50m, Assert.Single(plan.Intents).Quantity);
    }

    [Fact]
    public void An_open_order_going_the_other_way_is_cancelled_and_nothing_new_is_ordered_for_its_symbol()
    {
        var open = Open(Aapl, OrderSide.Sell, 10m, leg: RebalancePlanner.CloseLeg);

        var plan = Planner().Plan(Second, HalfAapl(), LedgerOf(10_000m, AccountKind.Margin, (Aapl, 10m)), Prices((Aapl, 100m)), [open]);

        Assert.Empty(plan.Intents);
        var cancel = Assert.Single(plan.Cancels);
        Assert.Equal((open.ClientOrderId, Aapl), (cancel.ClientOrderId, cancel.Symbol));
        Assert.Contains("until the next rebalance", Assert.Single(plan.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_order_past_the_target_by_a_lot_or_more_is_cancelled()
    {
        var plan = Planner().Plan(Second, HalfAapl(), LedgerOf(10_000m), Prices((Aapl, 100m)), [Open(Aapl, OrderSide.Buy, 80m)]);

        Assert.Empty(plan.Intents);
        Assert.Single(plan.Cancels);
    }

    [Fact]
    public void An_open_order_for_a_symbol_no_longer_targeted_is_cancelled()
    {
        var plan = Planner().Plan(Second, HalfAapl(), LedgerOf(10_000m), Prices((Aapl, 100m)),
            [Open(Aapl, OrderSide.Buy, 50m), Open(Msft, OrderSide.Buy, 10m)]);

        Assert.Equal([Msft], plan.Cancels.Select(c => c.Symbol));
    }

    [Fact]
    public void An_open_order_of_risk_is_never_cancelled_by_a_rebalance()
    {
        var reduce = Open(Aapl, OrderSide.Sell, 5m, sleeve: "risk", rebalanceId: "risk-reduce-1", leg: "reduce");

        var plan = Planner().Plan(Second, HalfAapl(), LedgerOf(10_000m, AccountKind.Margin, (Aapl, 10m)), Prices((Aapl, 100m)), [reduce]);

        Assert.Empty(plan.Intents);
        Assert.Empty(plan.Cancels);
        Assert.Contains("left working", Assert.Single(plan.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rerun_of_a_rebalance_whose_orders_are_open_places_nothing_twice()
    {
        var targets = RebalanceTargets.Meta(Set("meta", 1.0, 0.2, (Aapl, 0.5), (Msft, 0.3)));
        var prices = Prices((Aapl, 100m), (Msft, 50m));
        var first = Planner().Plan(First, targets, LedgerOf(10_000m), prices);
        var open = first.Intents.Select(i => Open(i.Symbol, i.Side, i.Quantity, rebalanceId: First, leg: i.Leg)).ToList();

        var again = Planner().Plan(First, targets, LedgerOf(10_000m), prices, open);

        Assert.Equal(2, first.Intents.Count);
        Assert.Empty(again.Intents);
        Assert.Empty(again.Cancels);
    }
}

using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Risk.Actions;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>The orders each automatic action makes of the ledger's positions.</summary>
public sealed class RiskActionPlannerTests
{
    private static readonly Trading.Ledger.LedgerView Book = LedgerOf(50_000m, (Tsla, 1, 400m), (Aapl, 101, 100m), (Msft, -40, 50m));

    private static RiskActionPlan Plan(RiskAction action, int number = 3) => RiskActionPlanner.Plan(action, number, Book, RiskSettings.Default, "drawdown 10.00%");

    [Fact]
    public void Reduce_cuts_every_position_by_half_rounded_up_in_symbol_order()
    {
        var plan = Plan(RiskAction.ReducePositions);

        Assert.True(plan.CancelOpenOrders);
        Assert.Equal(TradingState.Reducing, plan.EscalatesTo);
        Assert.Equal([(Aapl, OrderSide.Sell, 51m), (Msft, OrderSide.Buy, 20m), (Tsla, OrderSide.Sell, 1m)], plan.Orders.Select(o => (o.Symbol, o.Side, o.Quantity)));
    }

    [Fact]
    public void Action_orders_are_reducing_risk_orders_with_deterministic_client_order_ids()
    {
        var order = Plan(RiskAction.ReducePositions).Orders[0];

        Assert.Equal("risk", order.Sleeve);
        Assert.Equal("risk-reduce-positions-3", order.RebalanceId);
        Assert.Equal("reduce", order.Leg);
        Assert.True(order.ReducesExposure);
        Assert.Equal(OrderType.Market, order.Type);
        Assert.Equal(100m, order.ReferencePrice);
        Assert.Equal("drawdown 10.00%", order.Reason);
        Assert.Equal(ClientOrderIds.For(TestAccount, "risk", "risk-reduce-positions-3", Aapl, OrderSide.Sell, "reduce"), order.ClientOrderId);
        Assert.Equal(order.ClientOrderId, Plan(RiskAction.ReducePositions).Orders[0].ClientOrderId);
        Assert.NotEqual(order.ClientOrderId, Plan(RiskAction.ReducePositions, number: 4).Orders[0].ClientOrderId);
    }

    [Fact]
    public void Close_all_closes_every_position_in_full()
    {
        var plan = Plan(RiskAction.CloseAllPositions);

        Assert.True(plan.CancelOpenOrders);
        Assert.Equal([(Aapl, OrderSide.Sell, 101m), (Msft, OrderSide.Buy, 40m), (Tsla, OrderSide.Sell, 1m)], plan.Orders.Select(o => (o.Symbol, o.Side, o.Quantity)));
        Assert.All(plan.Orders, o => Assert.Equal("close", o.Leg));
    }

    [Fact]
    public void Tighten_stops_places_a_day_stop_for_every_whole_position_a_stop_distance_away()
    {
        var plan = Plan(RiskAction.TightenStops);

        Assert.False(plan.CancelOpenOrders);
        Assert.Null(plan.EscalatesTo);
        Assert.Equal([(Aapl, OrderSide.Sell, 101m, 98.00m), (Msft, OrderSide.Buy, 40m, 51.00m), (Tsla, OrderSide.Sell, 1m, 392.00m)],
            plan.Orders.Select(o => (o.Symbol, o.Side, o.Quantity, o.StopPrice!.Value)));
        Assert.All(plan.Orders, o => Assert.Equal((OrderType.Stop, TimeInForce.Day, "stop"), (o.Type, o.TimeInForce, o.Leg)));
    }

    [Fact]
    public void Halt_sends_no_orders_and_cancels_the_open_ones()
    {
        var plan = Plan(RiskAction.Halt);

        Assert.Empty(plan.Orders);
        Assert.True(plan.CancelOpenOrders);
        Assert.Equal(TradingState.Halted, plan.EscalatesTo);
    }

    [Theory]
    [InlineData("0.3", "0.15")]
    [InlineData("3", "2")]
    [InlineData("1", "1")]
    public void Reduced_quantities_round_up_to_whole_shares_or_nine_decimals(string held, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RiskActionPlanner.ReducedQuantity(decimal.Parse(held, System.Globalization.CultureInfo.InvariantCulture), 0.5m));
    }

    [Fact]
    public void Stop_prices_below_a_dollar_use_the_sub_penny_tick_and_never_tighten_past_the_distance()
    {
        Assert.Equal(0.4899m, RiskActionPlanner.StopPrice(0.49995m, OrderSide.Sell, 0.02m));
        Assert.Equal(10.21m, RiskActionPlanner.StopPrice(10.005m, OrderSide.Buy, 0.02m));
    }
}

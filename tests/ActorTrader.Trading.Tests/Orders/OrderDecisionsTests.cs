using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Tests.Orders;

/// <summary>Broker news turned into events: every unit the broker filled is booked exactly once, however it is learned.</summary>
public sealed class OrderDecisionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Aapl = new("NASDAQ", "AAPL");

    private static TrackedOrder Working(decimal quantity = 10m, params RecordedFill[] fills) =>
        new("at-1", "acc", "core", "r-1", "target", Aapl, OrderSide.Buy, quantity, OrderType.Market, TimeInForce.Day, null, null, 100m, false, null,
            fills.Length == 0 ? OrderState.New : OrderState.PartiallyFilled, "b-1", fills, T0, T0, null, false);

    private static BrokerOrder Broker(decimal filled, decimal? average, OrderStatus status, decimal quantity = 10m) =>
        new("b-1", "at-1", Aapl, OrderSide.Buy, OrderType.Market, TimeInForce.Day, quantity, filled, average, null, null, status, T0, T0);

    private static TradeUpdate FillUpdate(decimal quantity, decimal price, decimal cumulative, decimal average, string executionId) =>
        new(cumulative >= 10m ? TradeUpdateEvent.Fill : TradeUpdateEvent.PartialFill,
            Broker(cumulative, average, cumulative >= 10m ? OrderStatus.Filled : OrderStatus.PartiallyFilled), T0, price, quantity, null, executionId);

    [Fact]
    public void A_fill_update_books_its_execution_and_moves_the_status()
    {
        var decision = OrderDecisions.ForTradeUpdate(Working(), FillUpdate(4m, 101m, 4m, 101m, "e-1"), T0);

        Assert.Equal([typeof(OrderFilled), typeof(OrderStatusChanged)], decision.Events.Select(e => e.GetType()));
        var fill = (OrderFilled)decision.Events[0];
        Assert.Equal(("e-1", 4m, 101m, false), (fill.ExecutionId, fill.Quantity, fill.Price, fill.Synthetic));
        Assert.Equal(OrderState.PartiallyFilled, ((OrderStatusChanged)decision.Events[1]).State);
    }

    [Fact]
    public void A_repeated_execution_id_changes_nothing()
    {
        var order = Working(10m, new RecordedFill("e-1", 4m, 101m, 0m, T0, false));

        var decision = OrderDecisions.ForTradeUpdate(order, FillUpdate(4m, 101m, 4m, 101m, "e-1"), T0);

        Assert.True(decision.Repeat);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_fill_that_a_query_already_booked_in_cumulative_terms_is_not_booked_again()
    {
        var order = Working(10m, new RecordedFill("synthetic:at-1:0-4", 4m, 101m, 0m, T0, true));

        var decision = OrderDecisions.ForTradeUpdate(order, FillUpdate(4m, 101m, 4m, 101m, "e-1"), T0);

        Assert.DoesNotContain(decision.Events, e => e is OrderFilled);
        Assert.Null(decision.Refused);
    }

    [Fact]
    public void A_missed_partial_fill_is_booked_as_a_synthetic_fill_priced_to_match_the_broker_average()
    {
        // The broker filled 4 at 100 (update lost), then 6 at 105: cumulative 10 at an average of 103.
        var decision = OrderDecisions.ForTradeUpdate(Working(), FillUpdate(6m, 105m, 10m, 103m, "e-2"), T0);

        var fills = decision.Events.OfType<OrderFilled>().ToList();
        Assert.Equal(2, fills.Count);
        Assert.Equal((4m, 100m, true), (fills[0].Quantity, fills[0].Price, fills[0].Synthetic));
        Assert.Equal((6m, 105m, false, "e-2"), (fills[1].Quantity, fills[1].Price, fills[1].Synthetic, fills[1].ExecutionId));
        Assert.Equal(OrderState.Filled, decision.Events.OfType<OrderStatusChanged>().Single().State);
    }

    [Fact]
    public void A_broker_answer_with_more_fills_books_the_difference_once()
    {
        var order = Working(10m, new RecordedFill("e-1", 4m, 100m, 0m, T0, false));

        var decision = OrderDecisions.ForBrokerOrder(order, Broker(10m, 103m, OrderStatus.Filled), OrderEvents.FromQuery, T0);
        var after = decision.Events.Aggregate(order, OrderBook.Evolve);
        var again = OrderDecisions.ForBrokerOrder(after, Broker(10m, 103m, OrderStatus.Filled), OrderEvents.FromQuery, T0);

        var fill = decision.Events.OfType<OrderFilled>().Single();
        Assert.Equal((6m, 105m, true), (fill.Quantity, fill.Price, fill.Synthetic));
        Assert.Equal((10m, 103m, OrderState.Filled), (after.FilledQuantity, after.AverageFillPrice, after.State));
        Assert.Empty(again.Events);
    }

    [Fact]
    public void A_stale_broker_answer_does_not_move_the_status_back()
    {
        var order = Working(10m, new RecordedFill("e-1", 4m, 100m, 0m, T0, false));

        var decision = OrderDecisions.ForBrokerOrder(order, Broker(0m, null, OrderStatus.New), OrderEvents.FromQuery, T0);

        Assert.Empty(decision.Events);
        Assert.Contains(decision.Discrepancies, d => d.Kind == "stale-broker-answer");
    }

    [Fact]
    public void A_broker_status_the_table_does_not_reach_from_a_working_order_is_adopted_as_a_discrepancy()
    {
        var order = Working() with { State = OrderState.PendingCancel };

        var decision = OrderDecisions.ForBrokerOrder(order, Broker(0m, null, OrderStatus.New), OrderEvents.FromReconciliation, T0);

        var forced = Assert.IsType<OrderStatusForced>(Assert.Single(decision.Events));
        Assert.Equal((OrderState.PendingCancel, OrderState.New), (forced.From, forced.To));
        Assert.Contains(decision.Discrepancies, d => d.Kind == "status-forced");
    }

    [Fact]
    public void A_final_local_state_is_kept_against_a_different_broker_status()
    {
        var order = Working(10m, new RecordedFill("e-1", 10m, 100m, 0m, T0, false)) with { State = OrderState.Filled };

        var decision = OrderDecisions.ForBrokerOrder(order, Broker(10m, 100m, OrderStatus.Canceled), OrderEvents.FromReconciliation, T0);

        Assert.Empty(decision.Events);
        Assert.Contains(decision.Discrepancies, d => d.Kind == "final-state-kept");
    }

    [Fact]
    public void An_update_the_state_does_not_allow_is_refused_with_the_order_and_event_named()
    {
        var order = Working(10m, new RecordedFill("e-1", 10m, 100m, 0m, T0, false)) with { State = OrderState.Filled };

        var decision = OrderDecisions.ForTradeUpdate(order, new TradeUpdate(TradeUpdateEvent.Canceled, Broker(10m, 100m, OrderStatus.Canceled), T0), T0);

        Assert.Empty(decision.Events);
        Assert.Equal(("at-1", OrderState.Filled, OrderEventKind.Canceled), (decision.Refused!.ClientOrderId, decision.Refused.From, decision.Refused.Event));
    }

    [Fact]
    public void An_update_of_an_order_the_book_never_had_adopts_it_with_its_fill()
    {
        var update = FillUpdate(4m, 101m, 4m, 101m, "e-9");

        var decision = OrderDecisions.ForUnknownTradeUpdate("acc", update, T0);

        var adopted = Assert.IsType<UnknownBrokerOrderAdopted>(decision.Events[0]);
        Assert.Equal(("at-1", "b-1", OrderState.PartiallyFilled), (adopted.ClientOrderId, adopted.BrokerOrderId, adopted.State));
        Assert.Equal("e-9", Assert.IsType<OrderFilled>(Assert.Single(decision.Events.Skip(1))).ExecutionId);
        Assert.Contains(decision.Discrepancies, d => d.Kind == "unknown-broker-order");
    }
}

using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Tests.Fakes;

namespace ActorTrader.Trading.Tests.Orders;

/// <summary>Trade updates through the state machine; fills booked once and delivered to the ledger at least once.</summary>
public sealed class OrderManagerFillTests : OrderTestKit
{
    private async Task<(IActorRef Orders, string ClientOrderId)> WorkingOrderAsync(OrderManagerSettings? settings = null)
    {
        var (_, orders) = await StartTradingAsync(settings);
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        return (orders, accepted.ClientOrderId);
    }

    [Fact]
    public async Task A_fill_is_journaled_and_delivered_to_the_ledger()
    {
        var (orders, clientOrderId) = await WorkingOrderAsync();

        Venue.Fill(clientOrderId, 4m, 101m, "e-1", commission: 0.5m);

        var book = await Ledger.ExpectMsgAsync<BookFill>();
        Assert.Equal(("e-1", clientOrderId, Aapl, OrderSide.Buy, 4m, 101m, 0.5m),
            (book.ExecutionId, book.Fill.ClientOrderId, book.Fill.Symbol, book.Fill.Side, book.Fill.Quantity, book.Fill.Price, book.Fill.Commission));
        var order = await AwaitStatusAsync(orders, clientOrderId, OrderState.PartiallyFilled);
        Assert.Equal((4m, 101m), (order.FilledQuantity, order.AverageFillPrice));
    }

    [Fact]
    public async Task A_fill_the_broker_streamed_is_delivered_with_its_commission_reported()
    {
        var (_, clientOrderId) = await WorkingOrderAsync();

        Venue.Fill(clientOrderId, 4m, 101m, "e-1");

        Assert.True((await Ledger.ExpectMsgAsync<BookFill>()).CommissionReported);
    }

    [Fact]
    public async Task A_fill_delivered_twice_is_booked_once()
    {
        var (orders, clientOrderId) = await WorkingOrderAsync();

        var first = Venue.Fill(clientOrderId, 4m, 101m, "e-1");
        Venue.Push(first);
        Venue.Fill(clientOrderId, 6m, 102m, "e-2");

        Assert.Equal("e-1", (await BookNextFillAsync()).ExecutionId);
        Assert.Equal("e-2", (await BookNextFillAsync()).ExecutionId);
        var order = await AwaitStatusAsync(orders, clientOrderId, OrderState.Filled);
        Assert.Equal(10m, order.FilledQuantity);
        Assert.Equal(2, (await JournaledManifestsAsync()).Count(m => m == "order-filled"));
    }

    [Fact]
    public async Task An_unconfirmed_fill_is_sent_again_until_the_ledger_confirms_it()
    {
        var (orders, clientOrderId) = await WorkingOrderAsync();
        Venue.Fill(clientOrderId, 10m, 101m, "e-1");
        var first = await Ledger.ExpectMsgAsync<BookFill>();

        Scheduler.Advance(OrderSettings.RedeliverInterval * 2);
        var second = await Ledger.ExpectMsgAsync<BookFill>();
        Ledger.Reply(new FillBooked(second.ExecutionId, second.DeliveryId, AlreadyBooked: false));

        Assert.Equal((first.ExecutionId, first.DeliveryId), (second.ExecutionId, second.DeliveryId));
        Assert.IsType<FillsReconciled>(await AskAsync<object>(orders, new ReconcileFills("check")));
    }

    [Fact]
    public async Task A_fill_journaled_but_not_yet_booked_by_the_ledger_is_delivered_again_after_a_restart()
    {
        UseMemoryJournal();
        var broker = StartBroker();
        var orders = StartOrders(broker, "orders-1");
        await PermitAsync(orders);
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        Venue.Fill(accepted.ClientOrderId, 10m, 101m, "e-1");
        var lost = await Ledger.ExpectMsgAsync<BookFill>();

        // The ledger never confirms: the order manager stops with the fill journaled and undelivered.
        await StopAsync(orders);
        var restarted = StartOrders(broker, "orders-2");
        Assert.Equal(OrderState.Filled, (await OrderAsync(restarted, accepted.ClientOrderId))!.Status);
        Scheduler.Advance(OrderSettings.RedeliverInterval * 2);

        var again = await Ledger.ExpectMsgAsync<BookFill>();
        Assert.Equal(("e-1", lost.DeliveryId, 10m), (again.ExecutionId, again.DeliveryId, again.Fill.Quantity));
        Ledger.Reply(new FillBooked(again.ExecutionId, again.DeliveryId, AlreadyBooked: false));
        Assert.IsType<FillsReconciled>(await AskAsync<object>(restarted, new ReconcileFills("after-restart")));
    }

    [Fact]
    public async Task A_fill_unconfirmed_when_a_snapshot_was_taken_is_delivered_again_after_a_restart()
    {
        UseMemoryJournal();
        var settings = OrderSettings with { SnapshotInterval = 1 };
        var broker = StartBroker();
        var orders = StartOrders(broker, "orders-1", settings);
        await PermitAsync(orders);
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        Venue.Fill(accepted.ClientOrderId, 10m, 101m, "e-1");
        var lost = await Ledger.ExpectMsgAsync<BookFill>();
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.Filled);
        await AwaitAssertAsync(async () => Assert.NotNull(await Persistence.Persistence.Get(Sys).SnapshotStore.LoadAsync(OrdersPersistenceId,
            new ActorTrader.Persistence.Snapshots.SnapshotSelectionCriteria(long.MaxValue, DateTimeOffset.MaxValue))));

        await StopAsync(orders);
        var restarted = StartOrders(broker, "orders-2", settings);
        Assert.Equal(OrderState.Filled, (await OrderAsync(restarted, accepted.ClientOrderId))!.Status);
        Scheduler.Advance(OrderSettings.RedeliverInterval * 2);

        var again = await Ledger.ExpectMsgAsync<BookFill>();
        Assert.Equal((lost.ExecutionId, lost.DeliveryId, lost.Fill), (again.ExecutionId, again.DeliveryId, again.Fill));
    }

    [Fact]
    public async Task Reconciling_fills_waits_for_the_ledger_and_fails_after_the_fills_timeout()
    {
        var (orders, clientOrderId) = await WorkingOrderAsync();
        Venue.Fill(clientOrderId, 10m, 101m, "e-1");
        await Ledger.ExpectMsgAsync<BookFill>();

        var waiting = CreateTestProbe();
        orders.Tell(new ReconcileFills("r"), waiting.Ref);
        await OrdersAsync(orders); // the request is in, its timer started
        Scheduler.Advance(OrderSettings.FillsTimeout);

        var failed = await waiting.ExpectMsgAsync<FillReconciliationFailed>();
        Assert.Equal(["e-1"], failed.UnconfirmedExecutionIds);
    }

    [Fact]
    public async Task Fills_are_published_on_the_event_stream_once()
    {
        var fills = CreateTestProbe();
        Sys.EventStream.Subscribe(fills.Ref, typeof(OrderFillRecorded));
        var (_, clientOrderId) = await WorkingOrderAsync();

        var update = Venue.Fill(clientOrderId, 4m, 101m, "e-1");
        Venue.Push(update);
        Venue.Fill(clientOrderId, 6m, 101m, "e-2");

        Assert.Equal("e-1", (await fills.ExpectMsgAsync<OrderFillRecorded>()).ExecutionId);
        Assert.Equal("e-2", (await fills.ExpectMsgAsync<OrderFillRecorded>()).ExecutionId);
    }

    [Fact]
    public async Task An_update_the_state_does_not_allow_is_refused_published_and_checked_with_the_broker()
    {
        var refusals = CreateTestProbe();
        Sys.EventStream.Subscribe(refusals.Ref, typeof(OrderTransitionRefused));
        var (orders, clientOrderId) = await WorkingOrderAsync();
        Venue.Fill(clientOrderId, 10m, 101m, "e-1");
        await AwaitStatusAsync(orders, clientOrderId, OrderState.Filled);
        var queriesBefore = Venue.CallsOf(ScriptedBrokerAccount.Query).Count;

        Venue.Push(new TradeUpdate(TradeUpdateEvent.Canceled, Venue.Order(clientOrderId)! with { Status = OrderStatus.Canceled }, Scheduler.Now));

        var refused = await refusals.ExpectMsgAsync<OrderTransitionRefused>();
        Assert.Equal((clientOrderId, OrderState.Filled, OrderEventKind.Canceled), (refused.ClientOrderId, refused.From, refused.Event));
        await AwaitAssertAsync(() => Assert.Equal(queriesBefore + 1, Venue.CallsOf(ScriptedBrokerAccount.Query).Count));
        Assert.Equal(OrderState.Filled, (await OrderAsync(orders, clientOrderId))!.Status);
    }

    [Fact]
    public async Task An_update_for_an_order_this_book_never_placed_is_adopted_and_its_fill_delivered()
    {
        var (_, orders) = await StartTradingAsync();
        Venue.AddOrder("manual-1", OrderSide.Sell, 5m);

        Venue.Fill("manual-1", 5m, 99m, "e-manual");

        Assert.Equal("e-manual", (await Ledger.ExpectMsgAsync<BookFill>()).ExecutionId);
        var order = await AwaitStatusAsync(orders, "manual-1", OrderState.Filled);
        Assert.True(order.Adopted);
        Assert.Equal("unknown", order.Sleeve);
    }

    [Fact]
    public async Task Fills_missed_while_the_connection_was_down_are_found_by_polling_after_the_reconnect()
    {
        var (broker, orders) = await StartTradingAsync();
        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);
        var events = CreateTestProbe();
        broker.Tell(new SubscribeTradeUpdates(events.Ref), events.Ref);

        Venue.BreakStream();
        await events.FishForMessageAsync<BrokerConnectionChanged>(c => !c.Connected);
        Venue.Fill(accepted.ClientOrderId, 10m, 101m, push: false);
        await AwaitRestartsAsync(broker, 1);
        Scheduler.Advance(ConnectionSettings.MinBackoff);

        var book = await Ledger.ExpectMsgAsync<BookFill>();
        Assert.Equal((10m, 101m), (book.Fill.Quantity, book.Fill.Price));
        Assert.StartsWith("synthetic:", book.ExecutionId, StringComparison.Ordinal);
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.Filled);
    }

    [Fact]
    public async Task A_restarted_broker_actor_gets_the_order_manager_subscribed_again()
    {
        UseMemoryJournal();
        var broker = CreateTestProbe();
        StartOrders(broker.Ref);
        await broker.ExpectMsgAsync<SubscribeTradeUpdates>();

        Sys.EventStream.Publish(new BrokerActorStarted(CreateTestProbe().Ref));
        Sys.EventStream.Publish(new BrokerActorStarted(broker.Ref));

        await broker.ExpectMsgAsync<SubscribeTradeUpdates>();
    }

    [Fact]
    public async Task A_status_update_moves_the_order_through_the_table()
    {
        var (orders, clientOrderId) = await WorkingOrderAsync();

        Venue.Update(clientOrderId, TradeUpdateEvent.PendingCancel, OrderStatus.PendingCancel);
        await AwaitStatusAsync(orders, clientOrderId, OrderState.PendingCancel);
        Venue.Update(clientOrderId, TradeUpdateEvent.OrderCancelRejected, OrderStatus.New);

        await AwaitStatusAsync(orders, clientOrderId, OrderState.New);
    }
}

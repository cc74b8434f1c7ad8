using ActorTrader.Actors;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Tests.Fakes;

namespace ActorTrader.Trading.Tests.Orders;

/// <summary>Submitting: fail closed, journal before broker, idempotent client order ids, every broker outcome journaled.</summary>
public sealed class OrderManagerSubmitTests : OrderTestKit
{
    [Fact]
    public async Task A_new_order_manager_refuses_every_submit_until_trading_is_permitted()
    {
        UseMemoryJournal();
        var orders = StartOrders(StartBroker());

        var refused = await AskAsync<OrderSubmitRefused>(orders, new SubmitOrder(Intent()));

        Assert.Contains("not permitted", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(await OrdersAsync(orders));
        Assert.Empty(Venue.CallsOf(ScriptedBrokerAccount.Submit));
    }

    [Fact]
    public async Task Withdrawing_the_permission_stops_new_submits()
    {
        var (_, orders) = await StartTradingAsync();

        orders.Tell(new TradingPermission(false, false, "kill switch engaged"), TestActor);
        var refused = await AskAsync<OrderSubmitRefused>(orders, new SubmitOrder(Intent()));

        Assert.Contains("kill switch engaged", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_reducing_only_just_the_intents_that_reduce_exposure_pass()
    {
        UseMemoryJournal();
        var orders = StartOrders(StartBroker());
        await PermitAsync(orders, reducingOnly: true);

        var refused = await AskAsync<object>(orders, new SubmitOrder(Intent("r-1")));
        var accepted = await AskAsync<object>(orders, new SubmitOrder(Intent("r-2", side: OrderSide.Sell, reducesExposure: true)));

        Assert.IsType<OrderSubmitRefused>(refused);
        Assert.IsType<OrderSubmitAccepted>(accepted);
    }

    [Fact]
    public async Task An_invalid_intent_is_refused_with_the_problem_named_and_nothing_journaled()
    {
        var (_, orders) = await StartTradingAsync();

        var refused = await AskAsync<OrderSubmitRefused>(orders, new SubmitOrder(Intent(type: OrderType.Limit)));

        Assert.Contains("needs a limit price", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(await JournaledManifestsAsync());
    }

    [Fact]
    public async Task The_broker_hears_of_an_order_only_once_its_event_is_durable()
    {
        var journal = UseGatedMemoryJournal();
        var broker = CreateTestProbe();
        var orders = StartOrders(broker.Ref);
        await PermitAsync(orders);
        journal.Hold();

        orders.Tell(new SubmitOrder(Intent()), TestActor);
        await journal.WriteArrived;
        // Mailbox order: a submit told before the write started would be ahead of this marker.
        broker.Ref.Tell("marker", TestActor);

        Assert.Equal("marker", await broker.FishForMessageAsync(m => m is "marker" or SubmitToBroker));
        journal.Release();
        Assert.Equal(Intent().ClientOrderId, (await broker.FishForMessageAsync<SubmitToBroker>(_ => true)).Request.ClientOrderId);
        Assert.False((await ExpectMsgAsync<OrderSubmitAccepted>()).AlreadyKnown);
    }

    [Fact]
    public async Task The_order_is_in_the_journal_when_the_broker_is_called()
    {
        var journaledWhenCalled = new List<bool>();
        var (_, orders) = await StartTradingAsync();
        Venue.BeforeSubmit = async _ => journaledWhenCalled.Add((await JournaledManifestsAsync()).Contains("order-submitted"));

        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);

        Assert.Equal([true], journaledWhenCalled);
    }

    [Fact]
    public async Task Submitting_the_same_intent_twice_places_one_order()
    {
        var (_, orders) = await StartTradingAsync();

        var first = await SubmitAsync(orders, Intent());
        var second = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, first.ClientOrderId, OrderState.New);
        var third = await SubmitAsync(orders, Intent());

        Assert.Equal((false, true, true), (first.AlreadyKnown, second.AlreadyKnown, third.AlreadyKnown));
        Assert.Equal(first.ClientOrderId, second.ClientOrderId);
        Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Submit));
    }

    [Fact]
    public async Task An_accepted_submit_records_the_broker_order_id()
    {
        var (_, orders) = await StartTradingAsync();

        var accepted = await SubmitAsync(orders, Intent());
        var order = await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);

        Assert.Equal(Venue.Order(accepted.ClientOrderId)!.BrokerOrderId, order.BrokerOrderId);
        Assert.Equal(["order-submitted", "order-accepted"], await JournaledManifestsAsync());
    }

    [Fact]
    public async Task A_refusal_by_the_broker_is_journaled_as_rejected_with_its_reason()
    {
        var (_, orders) = await StartTradingAsync();
        Venue.Script(ScriptedBrokerAccount.Submit, ScriptedBrokerOutcome.Reject("insufficient buying power"));

        var accepted = await SubmitAsync(orders, Intent());
        var order = await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.Rejected);

        Assert.Contains("insufficient buying power", order.LastError, StringComparison.Ordinal);
        Assert.Equal(["order-submitted", "order-submit-rejected"], await JournaledManifestsAsync());
    }

    [Fact]
    public async Task A_server_error_on_submit_is_a_definite_failure_and_the_order_is_rejected()
    {
        var (_, orders) = await StartTradingAsync();
        Venue.Script(ScriptedBrokerAccount.Submit, ScriptedBrokerOutcome.ServerError);

        var accepted = await SubmitAsync(orders, Intent());
        var order = await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.Rejected);

        Assert.Contains("500", order.LastError, StringComparison.Ordinal);
        Assert.Null(Venue.Order(accepted.ClientOrderId));
    }

    [Fact]
    public async Task A_timed_out_submit_the_broker_did_place_is_found_by_client_order_id_and_not_resubmitted()
    {
        var (_, orders) = await StartTradingAsync();
        Venue.Script(ScriptedBrokerAccount.Submit, ScriptedBrokerOutcome.TimeoutAfterActing);

        var accepted = await SubmitAsync(orders, Intent());
        var order = await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.New);

        Assert.Equal(Venue.Order(accepted.ClientOrderId)!.BrokerOrderId, order.BrokerOrderId);
        Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Submit));
        Assert.Equal([accepted.ClientOrderId], Venue.CallsOf(ScriptedBrokerAccount.Query).Select(c => c.Argument));
        Assert.Equal(["order-submitted", "order-submit-uncertain", "order-accepted"], await JournaledManifestsAsync());
    }

    [Fact]
    public async Task A_timed_out_submit_the_broker_never_saw_is_declared_never_accepted_after_the_grace_and_not_resubmitted()
    {
        var (_, orders) = await StartTradingAsync();
        Venue.Script(ScriptedBrokerAccount.Submit, ScriptedBrokerOutcome.Timeout);

        var accepted = await SubmitAsync(orders, Intent());
        await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.SubmitUnknown);
        await AwaitAssertAsync(() => Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Query)));
        for (var second = 0; second < OrderSettings.ResolveGrace.TotalSeconds; second++) Scheduler.Advance(OrderSettings.ResolveInterval);
        var order = await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.NeverAccepted);

        Assert.Contains("never accepted", order.LastError, StringComparison.Ordinal);
        Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Submit));
        Assert.Null(Venue.Order(accepted.ClientOrderId));
    }

    [Fact]
    public async Task An_order_not_found_inside_the_grace_period_stays_unresolved()
    {
        var (_, orders) = await StartTradingAsync();
        Venue.Script(ScriptedBrokerAccount.Submit, ScriptedBrokerOutcome.Timeout);

        var accepted = await SubmitAsync(orders, Intent());
        await AwaitAssertAsync(() => Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Query)));
        Scheduler.Advance(OrderSettings.ResolveInterval);
        await AwaitAssertAsync(() => Assert.Equal(2, Venue.CallsOf(ScriptedBrokerAccount.Query).Count));

        Assert.Equal(OrderState.SubmitUnknown, (await OrderAsync(orders, accepted.ClientOrderId))!.Status);
    }

    [Fact]
    public async Task A_duplicate_client_order_id_is_resolved_by_asking_the_broker_for_that_order()
    {
        var (_, orders) = await StartTradingAsync();
        var intent = Intent();
        var existing = Venue.AddOrder(intent.ClientOrderId, OrderSide.Buy, 10m, status: OrderStatus.Accepted);

        var accepted = await SubmitAsync(orders, intent);
        var order = await AwaitStatusAsync(orders, accepted.ClientOrderId, OrderState.Accepted);

        Assert.Equal(existing.BrokerOrderId, order.BrokerOrderId);
        Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Submit));
        Assert.Contains("order-submit-uncertain", await JournaledManifestsAsync());
    }

    [Fact]
    public async Task Every_journaled_change_is_published_on_the_event_stream()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(OrderChanged));
        var (_, orders) = await StartTradingAsync();

        var accepted = await SubmitAsync(orders, Intent());

        var submitted = await events.ExpectMsgAsync<OrderChanged>();
        var acknowledged = await events.ExpectMsgAsync<OrderChanged>();
        Assert.Equal((OrderChangeKind.Submitted, OrderState.PendingSubmit, accepted.ClientOrderId), (submitted.Change, submitted.Order.Status, submitted.Order.ClientOrderId));
        Assert.Equal((OrderChangeKind.Accepted, OrderState.New, AccountId), (acknowledged.Change, acknowledged.Order.Status, acknowledged.AccountId));
    }
}

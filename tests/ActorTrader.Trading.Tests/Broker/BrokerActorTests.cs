using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.TestKit;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Tests.Fakes;
using ActorTrader.Trading.Tests.Orders;

namespace ActorTrader.Trading.Tests.Broker;

/// <summary>The broker actor: typed answers, one per command; commands wait while the connection is re-established with backoff.</summary>
public sealed class BrokerActorTests : OrderTestKit
{
    private static readonly Symbol Msft = new("NASDAQ", "MSFT");

    private static OrderRequest Request(string clientOrderId) => OrderRequest.Market(clientOrderId, Msft, OrderSide.Buy, 1m);

    /// <summary>A broker actor with a probe subscribed to its trade updates and connection changes, connected.</summary>
    private async Task<(IActorRef Broker, TestProbe Events)> ConnectedAsync()
    {
        var broker = StartBroker();
        var events = CreateTestProbe();
        broker.Tell(new SubscribeTradeUpdates(events.Ref), events.Ref);
        var subscribed = await events.ExpectMsgAsync<TradeUpdatesSubscribed>();
        if (!subscribed.Connected) await events.ExpectMsgAsync<BrokerConnectionChanged>(c => c.Connected);
        return (broker, events);
    }

    /// <summary>Breaks the connection and waits until the broker actor knows it is down and the reconnect is scheduled.</summary>
    private async Task DisconnectAsync(IActorRef broker, TestProbe events, int restarts = 1)
    {
        Venue.BreakStream();
        await events.FishForMessageAsync<BrokerConnectionChanged>(c => !c.Connected);
        await AwaitRestartsAsync(broker, restarts);
    }

    private async Task<BrokerStatus> StatusAsync(IActorRef broker) => await AskAsync<BrokerStatus>(broker, GetBrokerStatus.Instance);

    [Fact]
    public async Task A_query_is_answered_with_the_order_or_not_found()
    {
        var (broker, _) = await ConnectedAsync();
        Venue.AddOrder("at-1", OrderSide.Buy, 1m);

        var found = await AskAsync<OrderByClientIdResult>(broker, new QueryOrderByClientId("at-1"));
        var missing = await AskAsync<OrderByClientIdResult>(broker, new QueryOrderByClientId("at-2"));

        Assert.Equal(("at-1", false), (found.Order!.ClientOrderId, found.NotFound));
        Assert.True(missing.NotFound);
    }

    [Fact]
    public async Task A_refusal_is_definite_and_a_timeout_is_ambiguous()
    {
        var (broker, _) = await ConnectedAsync();
        Venue.Script(ScriptedBrokerAccount.Submit, ScriptedBrokerOutcome.Reject(), ScriptedBrokerOutcome.Timeout, ScriptedBrokerOutcome.Duplicate, ScriptedBrokerOutcome.ServerError);

        var rejected = (await AskAsync<SubmitToBrokerResult>(broker, new SubmitToBroker(Request("at-1")))).Failure!;
        var timedOut = (await AskAsync<SubmitToBrokerResult>(broker, new SubmitToBroker(Request("at-2")))).Failure!;
        var duplicate = (await AskAsync<SubmitToBrokerResult>(broker, new SubmitToBroker(Request("at-3")))).Failure!;
        var serverError = (await AskAsync<SubmitToBrokerResult>(broker, new SubmitToBroker(Request("at-4")))).Failure!;

        Assert.Equal((BrokerFailureKind.Rejected, true, 403, "insufficient_buying_power"), (rejected.Kind, rejected.IsDefinite, rejected.StatusCode, rejected.ReasonCode));
        Assert.Equal((BrokerFailureKind.Ambiguous, false), (timedOut.Kind, timedOut.IsDefinite));
        Assert.Equal((BrokerFailureKind.DuplicateClientOrderId, 422), (duplicate.Kind, duplicate.StatusCode));
        Assert.Equal((BrokerFailureKind.Unavailable, true, 500), (serverError.Kind, serverError.IsDefinite, serverError.StatusCode));
    }

    [Fact]
    public async Task Positions_account_and_orders_are_answered_from_the_broker()
    {
        var (broker, _) = await ConnectedAsync();
        Venue.SetPositions(new BrokerPosition(Msft, 3m, 100m, 330m, 110m, 30m));
        Venue.Cash = 1234.5m;
        Venue.AddOrder("at-1", OrderSide.Buy, 1m);

        var positions = await AskAsync<BrokerPositionsResult>(broker, GetBrokerPositions.Instance);
        var account = await AskAsync<BrokerAccountResult>(broker, GetBrokerAccount.Instance);
        var orders = await AskAsync<BrokerOrdersResult>(broker, new GetBrokerOrders(new OrderQuery()));

        Assert.Equal(3m, Assert.Single(positions.Positions!).Quantity);
        Assert.Equal(1234.5m, account.Account!.Cash);
        Assert.Equal("at-1", Assert.Single(orders.Orders!).ClientOrderId);
    }

    [Fact]
    public async Task Commands_sent_while_the_connection_is_down_wait_and_each_runs_once_after_the_backoff()
    {
        var (broker, events) = await ConnectedAsync();
        await DisconnectAsync(broker, events);
        var callsBefore = Venue.Calls.Count;
        var replies = CreateTestProbe();

        broker.Tell(new QueryOrderByClientId("at-1"), replies.Ref);
        broker.Tell(GetBrokerAccount.Instance, replies.Ref);
        broker.Tell(new SubmitToBroker(Request("at-2")), replies.Ref);
        Assert.Equal((false, 3), ((await StatusAsync(broker)).Connected, (await StatusAsync(broker)).Buffered));
        Assert.Equal(callsBefore, Venue.Calls.Count);
        Scheduler.Advance(ConnectionSettings.MinBackoff);

        var answers = await replies.ReceiveNAsync(3);
        Assert.Equal([typeof(OrderByClientIdResult), typeof(BrokerAccountResult), typeof(SubmitToBrokerResult)], answers.Select(a => a.GetType()));
        Assert.Null(((SubmitToBrokerResult)answers[2]).Failure);
        Assert.Equal(["query:2", "account:2", "submit:2"], Venue.Calls.Skip(callsBefore).Select(c => $"{c.Method}:{c.Connection}"));
        await replies.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_broker_that_cannot_be_reached_is_retried_and_the_waiting_commands_run_on_the_first_connection()
    {
        Venue.FailConnects(2);
        UseMemoryJournal();
        var broker = StartBroker();
        var replies = CreateTestProbe();
        broker.Tell(GetBrokerPositions.Instance, replies.Ref);
        Assert.False((await StatusAsync(broker)).Connected);

        await AwaitRestartsAsync(broker, 1);
        Scheduler.Advance(ConnectionSettings.MinBackoff);
        await AwaitRestartsAsync(broker, 2);
        Scheduler.Advance(ConnectionSettings.MinBackoff * 2);

        Assert.Null((await replies.ExpectMsgAsync<BrokerPositionsResult>()).Failure);
        Assert.Equal((3, 1), (Venue.ConnectAttempts, Venue.Connections));
        Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Positions));
    }

    [Fact]
    public async Task A_query_cut_off_by_a_broken_connection_runs_again_after_reconnecting_and_is_answered_once()
    {
        var (broker, events) = await ConnectedAsync();
        var hang = ScriptedBrokerOutcome.Hang();
        Venue.Script(ScriptedBrokerAccount.Query, hang);
        var replies = CreateTestProbe();
        broker.Tell(new QueryOrderByClientId("at-1"), replies.Ref);
        await AwaitAssertAsync(() => Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Query)));

        await DisconnectAsync(broker, events);
        await AwaitAssertAsync(async () => Assert.Equal(1, (await StatusAsync(broker)).Buffered));
        Scheduler.Advance(ConnectionSettings.MinBackoff);

        Assert.True((await replies.ExpectMsgAsync<OrderByClientIdResult>()).NotFound);
        Assert.Equal([1, 2], Venue.CallsOf(ScriptedBrokerAccount.Query).Select(c => c.Connection));
        await replies.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_submit_cut_off_by_a_broken_connection_is_answered_ambiguous_and_not_sent_again()
    {
        var (broker, events) = await ConnectedAsync();
        Venue.Script(ScriptedBrokerAccount.Submit, ScriptedBrokerOutcome.Hang());
        var replies = CreateTestProbe();
        broker.Tell(new SubmitToBroker(Request("at-1")), replies.Ref);
        await AwaitAssertAsync(() => Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Submit)));

        await DisconnectAsync(broker, events);

        var failure = (await replies.ExpectMsgAsync<SubmitToBrokerResult>()).Failure!;
        Assert.Equal(BrokerFailureKind.Ambiguous, failure.Kind);
        Scheduler.Advance(ConnectionSettings.MinBackoff);
        await events.FishForMessageAsync<BrokerConnectionChanged>(c => c.Connected);
        Assert.Single(Venue.CallsOf(ScriptedBrokerAccount.Submit));
    }

    [Fact]
    public async Task Commands_waiting_longer_than_the_buffer_timeout_are_answered_not_sent()
    {
        var (broker, events) = await ConnectedAsync();
        Venue.FailConnects(int.MaxValue);
        await DisconnectAsync(broker, events);
        var replies = CreateTestProbe();
        broker.Tell(new SubmitToBroker(Request("at-1")), replies.Ref);
        await AwaitAssertAsync(async () => Assert.Equal(1, (await StatusAsync(broker)).Buffered));

        Scheduler.Advance(ConnectionSettings.BufferTimeout + TimeSpan.FromSeconds(1));

        var failure = (await replies.ExpectMsgAsync<SubmitToBrokerResult>()).Failure!;
        Assert.Equal((BrokerFailureKind.NotSent, true), (failure.Kind, failure.IsDefinite));
        Assert.Empty(Venue.CallsOf(ScriptedBrokerAccount.Submit));
    }

    [Fact]
    public async Task Trade_updates_are_forwarded_in_order_and_wait_for_the_first_subscriber()
    {
        UseMemoryJournal();
        var broker = StartBroker();
        Venue.AddOrder("at-1", OrderSide.Buy, 2m);
        Venue.Fill("at-1", 1m, 10m, "e-1");
        Venue.Fill("at-1", 1m, 11m, "e-2");
        await AwaitAssertAsync(async () => Assert.True((await StatusAsync(broker)).Connected));

        var subscriber = CreateTestProbe();
        broker.Tell(new SubscribeTradeUpdates(subscriber.Ref), subscriber.Ref);

        await subscriber.ExpectMsgAsync<TradeUpdatesSubscribed>();
        Assert.Equal("e-1", (await subscriber.ExpectMsgAsync<BrokerTradeUpdate>()).Update.ExecutionId);
        Assert.Equal("e-2", (await subscriber.ExpectMsgAsync<BrokerTradeUpdate>()).Update.ExecutionId);
    }

    [Fact]
    public async Task A_reconnect_is_announced_to_subscribers_with_a_new_generation()
    {
        var (broker, events) = await ConnectedAsync();

        await DisconnectAsync(broker, events);
        Scheduler.Advance(ConnectionSettings.MinBackoff);

        Assert.Equal(2, (await events.FishForMessageAsync<BrokerConnectionChanged>(c => c.Connected)).Generation);
    }
}

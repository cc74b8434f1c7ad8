using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.TestKit;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Reconciliation;

namespace ActorTrader.Trading.Tests.Reconciliation;

/// <summary>Startup reconciliation runs orders, then fills, then positions, and stops at the first failing step.</summary>
public sealed class StartupReconciliationActorTests : TestKit.TestKit
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);
    private static readonly BrokerPosition Position = new(new Symbol("NASDAQ", "AAPL"), 5m, 100m, 500m, 100m, 0m);

    private readonly TestProbe _orders;
    private readonly TestProbe _ledger;
    private readonly TestProbe _broker;

    public StartupReconciliationActorTests() : base(new TestKitSettings { VirtualTime = true })
    {
        _orders = CreateTestProbe("orders");
        _ledger = CreateTestProbe("ledger");
        _broker = CreateTestProbe("broker");
    }

    private void Start(string id = "rec-1") =>
        Sys.ActorOf(StartupReconciliationActor.CreateProps(id, _orders.Ref, _ledger.Ref, _broker.Ref, StepTimeout, TestActor));

    private static OrdersReconciled Orders(string id) => new(id, 2, 1, 1, 0, 0, 0, []);

    [Fact]
    public async Task The_steps_run_in_order_each_after_the_previous_one_answered()
    {
        Start();

        Assert.Equal("rec-1", (await _orders.ExpectMsgAsync<ReconcileOrders>()).ReconciliationId);
        Assert.False(_orders.HasMessages);
        _orders.Reply(Orders("rec-1"));
        await _orders.ExpectMsgAsync<ReconcileFills>();
        Assert.False(_broker.HasMessages);
        _orders.Reply(new FillsReconciled("rec-1", 3));
        await _broker.ExpectMsgAsync<GetBrokerPositions>();
        _broker.Reply(new BrokerPositionsResult([Position], null));
        await _broker.ExpectMsgAsync<GetBrokerAccount>();
        _broker.Reply(new BrokerAccountResult(new BrokerAccount("a", AccountKind.Margin, 1000m, 1000m, 1500m, 1500m, "ACTIVE", false, false), null));
        var positions = await _ledger.ExpectMsgAsync<ReconcilePositions>();
        _ledger.Reply(new PositionsReconciled("rec-1", []));

        Assert.Equal([Position], positions.BrokerPositions);
        Assert.Equal((1000m, "rec-1"), (positions.BrokerCash, positions.ReconciliationId));
        var done = await ExpectMsgAsync<StartupReconciliationSucceeded>();
        Assert.Equal(("rec-1", 3), (done.ReconciliationId, done.Fills.Fills));
    }

    [Fact]
    public async Task A_failing_order_step_ends_the_run_naming_the_step_and_the_reason()
    {
        Start();
        await _orders.ExpectMsgAsync<ReconcileOrders>();

        _orders.Reply(new OrderReconciliationFailed("rec-1", "broker unreachable"));

        var failed = await ExpectMsgAsync<StartupReconciliationFailed>();
        Assert.Equal((ReconciliationStep.Orders, "broker unreachable"), (failed.Step, failed.Reason));
        Assert.False(_broker.HasMessages);
        Assert.False(_ledger.HasMessages);
    }

    [Fact]
    public async Task Unconfirmed_fills_fail_the_fill_step_and_positions_are_not_touched()
    {
        Start();
        await _orders.ExpectMsgAsync<ReconcileOrders>();
        _orders.Reply(Orders("rec-1"));
        await _orders.ExpectMsgAsync<ReconcileFills>();

        _orders.Reply(new FillReconciliationFailed("rec-1", "ledger silent.", ["e-1"]));

        var failed = await ExpectMsgAsync<StartupReconciliationFailed>();
        Assert.Equal(ReconciliationStep.Fills, failed.Step);
        Assert.Contains("e-1", failed.Reason, StringComparison.Ordinal);
        Assert.False(_ledger.HasMessages);
    }

    [Fact]
    public async Task Broker_positions_that_cannot_be_read_fail_the_position_step()
    {
        Start();
        await _orders.ExpectMsgAsync<ReconcileOrders>();
        _orders.Reply(Orders("rec-1"));
        await _orders.ExpectMsgAsync<ReconcileFills>();
        _orders.Reply(new FillsReconciled("rec-1", 0));
        await _broker.ExpectMsgAsync<GetBrokerPositions>();

        _broker.Reply(new BrokerPositionsResult(null, new BrokerFailure(BrokerFailureKind.Unavailable, "HTTP 503")));

        var failed = await ExpectMsgAsync<StartupReconciliationFailed>();
        Assert.Equal(ReconciliationStep.Positions, failed.Step);
        Assert.Contains("HTTP 503", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_without_an_answer_fails_after_the_step_timeout()
    {
        Start();
        await _orders.ExpectMsgAsync<ReconcileOrders>();

        Scheduler.Advance(StepTimeout);

        var failed = await ExpectMsgAsync<StartupReconciliationFailed>();
        Assert.Equal(ReconciliationStep.Orders, failed.Step);
        Assert.Contains("reconciliation-step-timeout", failed.Reason, StringComparison.Ordinal);
    }
}

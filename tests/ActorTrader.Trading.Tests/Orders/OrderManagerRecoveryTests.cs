using ActorTrader.Actors;
using ActorTrader.Domain.Orders;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Tests.Fakes;

namespace ActorTrader.Trading.Tests.Orders;

/// <summary>The journal is the truth: a restarted order manager has exactly the orders it had, and resolves what was in flight.</summary>
public sealed class OrderManagerRecoveryTests : OrderTestKit
{
    /// <summary>Orders in several states: filled (two fills), partially filled, rejected, never accepted, adopted.</summary>
    private async Task<IReadOnlyList<OrderView>> TradeAWhileAsync(IActorRef orders)
    {
        var filled = await SubmitAsync(orders, Intent("r-1"));
        await AwaitStatusAsync(orders, filled.ClientOrderId, OrderState.New);
        Venue.Fill(filled.ClientOrderId, 4m, 100m, "e-1", commission: 0.25m);
        Venue.Fill(filled.ClientOrderId, 6m, 102.5m, "e-2");
        await AwaitStatusAsync(orders, filled.ClientOrderId, OrderState.Filled);

        var partial = await SubmitAsync(orders, Intent("r-2", quantity: 7.5m, side: OrderSide.Sell));
        await AwaitStatusAsync(orders, partial.ClientOrderId, OrderState.New);
        Venue.Fill(partial.ClientOrderId, 2.5m, 99.75m, "e-3");
        await AwaitStatusAsync(orders, partial.ClientOrderId, OrderState.PartiallyFilled);

        Venue.Script(ScriptedBrokerAccount.Submit, ScriptedBrokerOutcome.Reject());
        var rejected = await SubmitAsync(orders, Intent("r-3"));
        await AwaitStatusAsync(orders, rejected.ClientOrderId, OrderState.Rejected);

        Venue.AddOrder("manual-1", OrderSide.Buy, 3m);
        Venue.Update("manual-1", Brokers.Abstractions.TradeUpdateEvent.New, OrderStatus.New);
        await AwaitStatusAsync(orders, "manual-1", OrderState.New);

        for (var i = 0; i < 3; i++) await BookNextFillAsync();
        return await OrdersAsync(orders);
    }

    [Fact]
    public async Task Recovery_from_the_memory_journal_restores_the_orders_exactly()
    {
        UseMemoryJournal();
        var broker = StartBroker();
        var first = StartOrders(broker, "orders-1");
        await PermitAsync(first);
        var before = await TradeAWhileAsync(first);

        await StopAsync(first);
        var second = StartOrders(broker, "orders-2");

        Assert.Equal(before, await OrdersAsync(second));
        Assert.Equal(4, before.Count);
    }

    [Fact]
    public async Task Recovery_from_the_sqlite_journal_with_snapshots_restores_the_orders_exactly()
    {
        await UseSqliteJournalAsync();
        var settings = OrderSettings with { SnapshotInterval = 3 };
        var broker = StartBroker();
        var first = StartOrders(broker, "orders-1", settings);
        await PermitAsync(first);
        var before = await TradeAWhileAsync(first);

        await StopAsync(first);
        var snapshot = await Persistence.Persistence.Get(Sys).SnapshotStore.LoadAsync(OrdersPersistenceId, SnapshotSelectionCriteria.Latest);
        var second = StartOrders(broker, "orders-2", settings);

        Assert.NotNull(snapshot);
        Assert.Equal(before, await OrdersAsync(second));
        Assert.IsType<FillsReconciled>(await AskAsync<object>(second, new ReconcileFills("after-restart")));
    }

    [Fact]
    public async Task A_restarted_order_manager_starts_without_permission()
    {
        var (broker, orders) = await StartTradingAsync();
        await StopAsync(orders);

        var restarted = StartOrders(broker, "orders-2");

        Assert.False((await AskAsync<TradingPermission>(restarted, GetTradingPermission.Instance)).Allowed);
    }

    [Fact]
    public async Task An_order_journaled_before_a_crash_is_resolved_with_the_broker_and_never_resubmitted()
    {
        UseMemoryJournal();
        // A broker that never answers: the process dies between "OrderSubmitted journaled" and the broker's reply.
        var silentBroker = CreateTestProbe();
        var first = StartOrders(silentBroker.Ref, "orders-1");
        await PermitAsync(first);
        var accepted = await SubmitAsync(first, Intent());
        await silentBroker.FishForMessageAsync<SubmitToBroker>(_ => true);
        await StopAsync(first);
        // The broker did get it.
        var placed = Venue.AddOrder(accepted.ClientOrderId, OrderSide.Buy, 10m);

        var second = StartOrders(StartBroker(), "orders-2");
        var order = await AwaitStatusAsync(second, accepted.ClientOrderId, OrderState.New);

        Assert.Equal(placed.BrokerOrderId, order.BrokerOrderId);
        Assert.Empty(Venue.CallsOf(ScriptedBrokerAccount.Submit));
        Assert.Equal([accepted.ClientOrderId], Venue.CallsOf(ScriptedBrokerAccount.Query).Select(c => c.Argument));
    }

    [Fact]
    public async Task An_order_journaled_before_a_crash_that_the_broker_never_got_is_never_accepted_once_the_grace_is_over()
    {
        UseMemoryJournal();
        var silentBroker = CreateTestProbe();
        var first = StartOrders(silentBroker.Ref, "orders-1");
        await PermitAsync(first);
        var accepted = await SubmitAsync(first, Intent());
        await StopAsync(first);
        Scheduler.Advance(OrderSettings.ResolveGrace);

        var second = StartOrders(StartBroker(), "orders-2");

        await AwaitStatusAsync(second, accepted.ClientOrderId, OrderState.NeverAccepted);
        Assert.Empty(Venue.CallsOf(ScriptedBrokerAccount.Submit));
    }
}
